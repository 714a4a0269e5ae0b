"""Markdown course authoring: ``manage.py import_course FILE.md`` (see docs/example_course.md)."""

from .apply import import_course_file
from .parser import ImportErrors, parse_course

__all__ = ["ImportErrors", "import_course_file", "parse_course"]
