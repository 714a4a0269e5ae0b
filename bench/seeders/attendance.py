"""Seed what the attendance rows measure (filled in once the attendance app provides it)."""

from . import FeatureMissing


def seed(context: dict) -> dict:
    raise FeatureMissing("the attendance app does not provide what this row needs yet")
