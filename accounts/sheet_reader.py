"""Reading uploaded spreadsheets (CSV or XLSX) into rows of text, keyed by recognised headings.

Shared by every import (sign-in sheets, participant lists): the department's lists come from
16 cities' offices, saved as UTF-8 (with or without BOM), GBK/GB18030 on Chinese Windows, or
XLSX, with headings in Chinese or English and sometimes a title row above them.
"""

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
from django.utils.translation import gettext as _

from .errors import DomainError
from .spreadsheet import strip_control_characters
from .uploads import UnsafeUpload, check_xlsx_archive


class SpreadsheetError(DomainError):
    """The file as a whole cannot be read."""


def norm(value) -> str:
    """Cell text as people meant it: NFKC (full-width digits and letters become ASCII), trimmed.

    Control characters never reach a stored name (they would break or arm exports)."""
    return strip_control_characters(unicodedata.normalize("NFKC", str(value or ""))).strip()


def heading_key(value) -> str:
    """Headings compared after NFKC, lower-casing and removing spaces and a trailing colon or star."""
    return "".join(norm(value).lower().split()).rstrip(":：*")


def heading_lookup(headings: dict[str, list[str]]) -> dict[str, str]:
    """{field: [aliases]} -> {normalised alias: field}."""
    return {heading_key(alias): name for name, aliases in headings.items() for alias in aliases}


def decode_text(data: bytes, error_class=SpreadsheetError) -> tuple[str, str]:
    """Text and the encoding used: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(data).best()
    guessed = (guess.encoding if guess else "") or ""
    # Spreadsheets saved on Chinese Windows are GBK; short files can fool a detector
    # into Big5 or a Latin code page, so the GB family is tried first unless the
    # detector is sure of something else that decodes the bytes.
    order = ["gb18030", guessed] if guessed.replace("_", "").lower() not in {"utf16", "utf32"} else [guessed]
    for encoding in order:
        if not encoding:
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return text, "GB18030/GBK" if encoding == "gb18030" else encoding
    raise error_class("encoding", _("The file's text encoding was not recognised. Save it as UTF-8 CSV or XLSX."))


def csv_rows(text: str, error_class=SpreadsheetError) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:  # e.g. a cell longer than the csv module's field limit (128 kB)
        raise error_class(
            "unreadable", _("This CSV file could not be read: a cell is too long or the file is damaged.")
        ) from exc


def xlsx_rows(data: bytes, max_rows: int, error_class=SpreadsheetError) -> list[list[str]]:
    """The first worksheet's rows as text (a few rows more than ``max_rows``, so "too long" can be told)."""
    from openpyxl import load_workbook

    try:
        check_xlsx_archive(data)
    except UnsafeUpload as exc:
        raise error_class(exc.code, exc.message) from exc
    rows = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append([cell_text(v) for v in values])
            if len(rows) > max_rows + 20:
                break
        workbook.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged file (zip, XML or cells)
        raise error_class("unreadable", _("This XLSX file could not be opened.")) from exc
    return rows


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed into a number cell
    return str(value)


def raw_rows(data: bytes, filename: str, max_rows: int, error_class=SpreadsheetError) -> tuple[list[list[str]], str]:
    """All rows of a CSV or XLSX file as text, and the encoding (or "XLSX")."""
    if filename.lower().endswith(".xlsx"):
        return xlsx_rows(data, max_rows, error_class), "XLSX"
    text, encoding = decode_text(data, error_class)
    return csv_rows(text, error_class), encoding


@dataclass
class Table:
    columns: dict  # field -> column index
    rows: list  # (line number, {field: normalised text})
    encoding: str
    ignored_headings: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)  # line number -> the row's cells as read (e.g. to spot a total line)


def read_table(
    data: bytes,
    filename: str,
    *,
    lookup: dict[str, str],
    key_field: str,
    missing_heading_message,
    max_rows: int,
    error_class=SpreadsheetError,
) -> Table:
    """Rows below the first row (of the first 20) whose headings name ``key_field``; blank rows skipped."""
    rows_in, encoding = raw_rows(data, filename, max_rows, error_class)
    found = next(
        (
            (index, row, keys)
            for index, row in enumerate(rows_in[:20])
            if key_field in (keys := [lookup.get(heading_key(cell)) for cell in row])
        ),
        None,
    )
    if found is None:
        raise error_class("no_header", missing_heading_message)
    index, row, keys = found
    columns, ignored = {}, []
    for position, (cell, key) in enumerate(zip(row, keys, strict=True)):
        if key and key not in columns:
            columns[key] = position
        elif norm(cell) and not key:
            ignored.append(norm(cell))
    rows, raw = [], {}
    for line, values in enumerate(rows_in[index + 1 :], start=index + 2):
        cells = {name: norm(values[pos]) if pos < len(values) else "" for name, pos in columns.items()}
        rows.append((line, cells))
        raw[line] = values
    return Table(columns=columns, rows=rows, encoding=encoding, ignored_headings=ignored, raw=raw)


def check_row_count(rows: list, max_rows: int, error_class=SpreadsheetError) -> None:
    if len(rows) > max_rows:
        raise error_class("too_long", _("At most %(n)s rows can be imported at once.") % {"n": max_rows})
