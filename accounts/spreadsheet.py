"""The one rule for a text cell of any CSV or XLSX the platform writes, and for text people type in.

A cell is made safe in two steps, always in this order, so what is checked is what is written:

1. strip the characters a spreadsheet cannot hold (the C0 controls other than tab, line feed and
   carriage return, which XML 1.0 and so XLSX refuse; openpyxl would raise, or strip them itself
   *after* our check and so turn ``"\\x01=HYPERLINK(…)"`` into a live formula), and cut the text to
   Excel's limit of 32,767 characters;
2. put an apostrophe before text that starts like a formula (``= + - @``, tab, CR or LF), so a
   spreadsheet shows it as text instead of running it (OWASP's advice against CSV injection).

``safe_cell`` is the rule in Python; ``SafeCellText`` is the same rule as a SQL expression, for
exports whose cells the database prepares (reports' ``QueryExporter``). Both are built from the
constants below, and ``tests/security/test_export_cells.py`` checks they agree on arbitrary text
on SQLite and PostgreSQL. ``strip_control_characters`` cleans text at input (profile, walk-in and
organisation fields, imported sheets), so stored names never carry them in the first place.
"""

import re
from datetime import date, datetime
from decimal import Decimal

from django.db.models import CharField, Func

# C0 controls that XML 1.0 cannot hold: 0x00–0x08, 0x0B, 0x0C, 0x0E–0x1F (openpyxl's ILLEGAL_CHARACTERS_RE).
UNHOLDABLE = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
UNHOLDABLE_RE = re.compile(f"[{re.escape(UNHOLDABLE)}]")
# At input, line breaks and tabs go too (all fields this is used for are single-line), and DEL.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# A spreadsheet program treats a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL_CHARS = 32767  # Excel's limit for one cell
QUOTE = "'"


def strip_control_characters(text: str) -> str:
    """Text typed into a single-line field without any control character (NUL, BEL, tab, newline…)."""
    return CONTROL_RE.sub("", text or "")


def safe_text(text: str) -> str:
    """The cell rule for text: strip what a spreadsheet cannot hold, then quote a formula start."""
    text = UNHOLDABLE_RE.sub("", text)[: MAX_CELL_CHARS - 1]
    return QUOTE + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value):
    """Any value as a spreadsheet cell that is displayed and never evaluated.

    Numbers and dates stay numbers and dates (XLSX keeps their type); None is an empty cell;
    everything else is text under ``safe_text``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | Decimal | datetime | date):
        return value
    return safe_text(str(value))


def safe_row(values) -> list:
    return [safe_cell(v) for v in values]


class SafeCellText(Func):
    """``safe_text`` of a text column as SQL; NULL becomes ''.

    PostgreSQL removes the unholdable characters with ``TRANSLATE`` (its text cannot hold NUL).
    SQLite has no such function, so a value that ``GLOB`` finds holding one (or that is too
    long) is rebuilt character by character in a recursive subquery: rare, and ordinary values
    cost one scan. SQLite functions stop at an embedded NUL, so a NUL stored through the ORM on
    SQLite is the one case only the Python rule handles; no form, import or API lets one in.
    """

    arity = 1
    output_field = CharField()

    def as_sql(self, compiler, connection):
        inner_sql, inner_params = compiler.compile(self.source_expressions[0])
        x, keep = ("x",), ("p", MAX_CELL_CHARS - 1)
        marks = ["(", *_join([("p", c) for c in FORMULA_STARTS]), ")"]
        if connection.vendor == "postgresql":
            value = ["SUBSTR(TRANSLATE(", x, ", ", ("p", UNHOLDABLE.replace("\x00", "")), ", ''), 1, ", keep, ")"]
            parts = ["CASE WHEN ", x, " IS NULL THEN '' WHEN SUBSTR(", *value, ", 1, 1) IN ", *marks]
            parts += [" THEN ", ("p", QUOTE), " || ", *value, " ELSE ", *value, " END"]
        else:
            char = ["SUBSTR(", x, ", i, 1)"]
            strip = ["(WITH RECURSIVE s(i, o) AS (SELECT 1, '' UNION ALL SELECT i + 1, o || CASE WHEN UNICODE("]
            strip += [*char, ") < 32 AND UNICODE(", *char, ") NOT IN (9, 10, 13) THEN '' ELSE ", *char, " END "]
            strip += ["FROM s WHERE i <= LENGTH(", x, ")) SELECT SUBSTR(o, 1, ", keep, ") FROM s "]
            strip += ["ORDER BY i DESC LIMIT 1)"]
            rebuilt = ["(SELECT CASE WHEN SUBSTR(v, 1, 1) IN ", *marks, " THEN ", ("p", QUOTE), " || v ELSE v END "]
            rebuilt += ["FROM (SELECT ", *strip, " AS v))"]
            parts = ["CASE WHEN ", x, " IS NULL THEN '' WHEN ", x, " GLOB ", ("p", "*[\x01-\x08\x0b\x0c\x0e-\x1f]*")]
            parts += [" OR LENGTH(", x, ") > ", keep, " THEN ", *rebuilt]
            parts += [" WHEN SUBSTR(", x, ", 1, 1) IN ", *marks, " THEN ", ("p", QUOTE), " || ", x, " ELSE ", x, " END"]
        sql, params = [], []
        for part in parts:
            if part == x:
                sql.append(inner_sql)
                params.extend(inner_params)
            elif isinstance(part, tuple):
                sql.append("%s")
                params.append(part[1])
            else:
                sql.append(part)
        return "".join(sql), tuple(params)


def _join(items, separator=", "):
    joined = []
    for item in items:
        if joined:
            joined.append(separator)
        joined.append(item)
    return joined


def protect_wagtail_exports() -> None:
    """Every Wagtail admin listing export (snippets, reports, form submissions) follows the cell rule.

    Wagtail's ``SpreadsheetExportMixin`` writes CSV cells as they are and lets openpyxl refuse
    control characters (a 500); its ``preprocess_field_value`` is the documented place to change a
    cell, so it is wrapped once here (called from ``AccountsConfig.ready``).
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "follows_cell_rule", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(original(self, field, value, export_format))

    preprocess_field_value.follows_cell_rule = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
