"""Seeders: one module per app. Each exposes `seed(ctx) -> dict` for the manifest and raises
FeatureMissing when the app it needs has not been built yet (the row then prints n/a)."""


class FeatureMissing(Exception):
    """The feature a row measures does not exist (yet) in this checkout."""
