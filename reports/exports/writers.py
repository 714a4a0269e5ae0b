"""CSV (UTF-8 with BOM, so Excel shows Chinese) and XLSX (openpyxl write-only), written once for all exports.

Both take rows in batches from the exporter and never hold more than one batch, so memory stays flat:
CSV is streamed as it is produced; XLSX is written to a file (a zip needs its end written last).
"""

import csv
import io
from collections.abc import Callable, Iterator

from django.utils import translation
from openpyxl import Workbook

from accounts.spreadsheet import safe_cell

from .base import Exporter

BOM = "\ufeff"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def _header(exporter: Exporter) -> list[str]:
    with translation.override(exporter.language):
        return [safe_cell(str(h)) for h in exporter.headers()]


def csv_chunks(exporter: Exporter, progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """The CSV as a stream of UTF-8 chunks, starting with the BOM and the header row.

    Rows come in batches from the exporter (one encode per batch), lines ending CRLF as RFC 4180
    says; a query exporter's rows come already written as CSV by the database (on PostgreSQL by
    COPY, whose lines end with LF).
    """
    from_database = exporter.database_csv() if hasattr(exporter, "database_csv") else None
    ending = "\n" if from_database is not None and connection_vendor(exporter) == "postgresql" else "\r\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=ending)
    buffer.write(BOM)
    writer.writerow(_header(exporter))
    yield buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    if from_database is not None:
        for chunk in from_database:
            yield chunk
            if progress:
                progress(chunk.count(b"\n"))
        return
    for batch in exporter.batches():
        writer.writerows(batch)
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        if progress:
            progress(len(batch))


def connection_vendor(exporter) -> str:
    from django.db import connections

    return connections[getattr(exporter, "using", "default")].vendor


def write_csv(exporter: Exporter, path, progress: Callable[[int], None] | None = None) -> int:
    """Write the CSV to a file; returns the number of data rows written."""
    rows = 0

    def counted(n: int) -> None:
        nonlocal rows
        rows += n
        if progress:
            progress(n)

    with open(path, "wb") as handle:
        for chunk in csv_chunks(exporter, counted):
            handle.write(chunk)
    return rows


def write_xlsx(exporter: Exporter, path, progress: Callable[[int], None] | None = None) -> int:
    """Write an XLSX workbook in openpyxl's write-only mode (rows go to disk as they come)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(exporter.verbose_name)[:31] or "export")
    sheet.append(_header(exporter))
    rows = 0
    for batch in exporter.batches():
        # Cells already follow accounts.spreadsheet's rule (in SQL or in Exporter.batches).
        for row in batch:
            sheet.append(row)
        rows += len(batch)
        if progress:
            progress(len(batch))
    workbook.save(path)
    return rows
