"""Seeders: one module per app. Each exposes `seed(ctx) -> dict` for the manifest and raises
FeatureMissing when the app it needs has not been built yet (the row then prints n/a)."""


class FeatureMissing(Exception):
    """The feature a row measures does not exist (yet) in this checkout."""


def require(*modules: str) -> None:
    """Raise FeatureMissing unless every module imports (the app that owns it has landed)."""
    import importlib

    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise FeatureMissing(f"{name} is not available: {exc}") from exc
