"""The ``<id:...>`` URL converter: a database id, at most 18 digits.

Django's ``<int:...>`` accepts any number of digits, and SQLite raises OverflowError (a 500)
for an id above 2**63 - 1 in a foreign-key lookup. 18 digits always fit a 64-bit integer, so
a longer "id" simply does not match and the answer is 404. Import this module from a urls.py
before using ``<id:...>``; it registers the converter once.
"""

from django.urls import register_converter
from django.urls.converters import get_converters


class DatabaseIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


if "id" not in get_converters():
    register_converter(DatabaseIdConverter, "id")
