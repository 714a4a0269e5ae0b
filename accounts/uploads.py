"""Checks on uploaded spreadsheets before a parser opens them (sign-in sheets, question banks).

An XLSX file is a zip archive: a few hundred kilobytes can unpack to gigabytes of XML (a
"zip bomb"), which openpyxl would read in full. Python's zipfile never inflates a member
beyond the size declared in the archive, so the declared sizes are a safe bound to check.
"""

import io
import zipfile

from django.utils.translation import gettext as _

# A 5,000-row sign-in sheet or a bank of a few thousand questions unpacks to a few megabytes.
MAX_XLSX_UNPACKED_BYTES = 20 * 1024 * 1024


class UnsafeUpload(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def check_xlsx_archive(data: bytes, limit: int = MAX_XLSX_UNPACKED_BYTES) -> None:
    """Raise UnsafeUpload when ``data`` is a zip archive that unpacks to more than ``limit`` bytes.

    Something that is not a zip archive at all passes: the spreadsheet reader then refuses it
    with its own "cannot be opened" message.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return
    if unpacked > limit:
        raise UnsafeUpload(
            "too_large_unpacked",
            _("This XLSX file unpacks to more than %(mb)d MB; split it into smaller files.")
            % {"mb": limit // (1024 * 1024)},
        )
