"""CSV and XLSX downloads of quiz results and the question bank.

CSV is UTF-8 with a byte-order mark so Excel on Chinese Windows opens it correctly; XLSX is
streamed with openpyxl's write-only mode. Every cell goes through the one cell rule
(``accounts.spreadsheet.safe_cell``): control characters a spreadsheet cannot hold are removed,
then text starting like a formula gets a leading apostrophe.
"""

import csv
import io
from datetime import datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.spreadsheet import safe_cell as _rule

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """A value a spreadsheet will display and never evaluate (times in local time, as text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
    return _rule(value)


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, headers: list, rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([safe_cell(h) for h in headers])
        for row in rows:
            yield writer.writerow([safe_cell(v) for v in row])

    response = StreamingHttpResponse((line.encode("utf-8") for line in lines()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(headers: list, rows, title: str = "Sheet1") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(h) for h in headers])
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in map(safe_cell, row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, headers: list, rows, title: str = "Sheet1") -> HttpResponse:
    response = HttpResponse(xlsx_bytes(headers, rows, title), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
