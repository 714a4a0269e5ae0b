"""Bad input gets a 4xx with a clear message, never a 500, and writes nothing.

Check-in codes and links, attempt autosaves, coordinator forms, too many form fields or files,
and malformed, oversized or zip-bomb uploads to the sign-in sheet and question-bank imports.
(Site-wide limits on any form are in tests/test_bad_input.py.)
"""

import functools
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from openpyxl import Workbook

from attendance import checkin
from attendance.models import AttendanceChange, AttendanceRecord, SheetImport
from quizzes.models import AttemptAnswer, Question

pytestmark = pytest.mark.django_db

TEN_KB = 10 * 1024


def message(text: str, **params) -> str:
    """A UI message as the (Chinese) page shows it, HTML-escaped."""
    with translation.override("zh-hans"):
        translated = translation.gettext(text)
    return escape(translated % params if params else translated)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def attendance_state() -> tuple:
    return (
        list(AttendanceRecord.objects.order_by("pk").values_list("pk", "status", "venue_id")),
        AttendanceChange.objects.count(),
    )


# --- check-in codes and links ----------------------------------------------------------------------

GARBAGE_CODES = {
    "10 kB of digits": "7" * TEN_KB,
    "10 kB of letters": "x" * TEN_KB,
    "Chinese": "一二三四五六",
    "emoji": "🙂" * 6,
    "NUL in the middle": "123\x00456",
    "right-to-left override": "\u202e123456",
    "negative number": "-12345",
    "SQL": "' OR 1=1 --",
    "blank": "   ",
    "six wrong digits": "000000",
}


@pytest.mark.parametrize("code", GARBAGE_CODES.values(), ids=GARBAGE_CODES.keys())
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_garbage_check_in_codes_are_refused(w, code, accept):
    before = attendance_state()
    response = signed_in(w.other_trainee).post(reverse("attendance:checkin_code"), {"code": code}, HTTP_ACCEPT=accept)
    assert response.status_code == 400
    if accept == "application/json" and response["Content-Type"].startswith("application/json"):
        assert response.json()["ok"] is False and response.json()["message"]  # a code the service refused
    else:
        assert 'class="errorlist' in response.content.decode()  # the form says what is wrong with it
    assert attendance_state() == before


def test_a_sane_code_still_works_next_to_the_garbage(w):
    """The refusals above are about the input, not a broken form: the screen's code checks in."""
    info = checkin.session_info(w.session.pk)
    code = checkin.screen_state_code(info, w.venue_y.pk).code
    AttendanceRecord.objects.filter(user=w.other_trainee).delete()
    response = signed_in(w.other_trainee).post(reverse("attendance:checkin_code"), {"code": code})
    assert response.status_code == 200
    assert AttendanceRecord.objects.filter(user=w.other_trainee, venue=w.venue_y).exists()


def scan_paths(w) -> dict:
    s, x = w.session.pk, w.venue_x.pk
    return {
        "10 kB code": (f"/attendance/c/{s}/{x}/{'9' * TEN_KB}/", 400),
        "unicode code": (f"/attendance/c/{s}/{x}/一二三四五六/", 400),
        "emoji code": (f"/attendance/c/{s}/{x}/🙂🙂🙂/", 400),
        "NUL in the code": (f"/attendance/c/{s}/{x}/123%00456/", 400),
        "negative session": (f"/attendance/c/-1/{x}/123456/", 404),
        "negative venue": (f"/attendance/c/{s}/-{x}/123456/", 404),
        "session 2**63": (f"/attendance/c/{2**63}/{x}/123456/", 404),
        "25-digit venue": (f"/attendance/c/{s}/{10**24}/123456/", 404),
        "unknown session": (f"/attendance/c/{s + 1000}/{x}/123456/", 400),
        "venue not in the session": (f"/attendance/c/{s}/{w.venue_y.pk + 1000}/123456/", 400),
        "garbage ticket": ("/attendance/check-in/t/garbage/", 400),
        "10 kB ticket": (f"/attendance/check-in/t/{'a' * TEN_KB}/", 400),
        "NUL in the ticket": ("/attendance/check-in/t/a%00b/", 400),
    }


@pytest.mark.parametrize(
    "case",
    [
        "10 kB code",
        "unicode code",
        "emoji code",
        "NUL in the code",
        "negative session",
        "negative venue",
        "session 2**63",
        "25-digit venue",
        "unknown session",
        "venue not in the session",
        "garbage ticket",
        "10 kB ticket",
        "NUL in the ticket",
    ],
)
def test_garbage_scan_links_and_tickets(w, case):
    path, status = scan_paths(w)[case]
    before = attendance_state()
    client = signed_in(w.trainee)
    response = client.get(path)
    assert response.status_code == status
    if status == 400 and "NUL" in case:
        # config/upload_limits.py refuses a NUL byte anywhere in the address before any view runs.
        assert "网址中含有无效字符" in response.content.decode()
    elif status == 400:
        with translation.override("zh-hans"):
            assert escape(str(checkin.INVALID_LINK)) in response.content.decode()
    if "/check-in/t/" in path:
        assert client.post(path, {"device_time": "x" * TEN_KB}).status_code == 400
    assert attendance_state() == before


def test_forged_ticket_is_refused(w):
    """A ticket for venue Y with the signature of a ticket for venue X does not check anyone in."""
    from attendance import codes

    real = codes.make_ticket(w.session.pk, w.venue_x.pk, w.other_trainee.pk)
    forged = real.replace(f"{w.session.pk}-{w.venue_x.pk}", f"{w.session.pk}-{w.venue_y.pk}", 1)
    if forged == real:  # whatever the format, flip one character of the payload
        forged = ("1" if real[0] != "1" else "2") + real[1:]
    before = attendance_state()
    response = signed_in(w.other_trainee).post(reverse("attendance:checkin_ticket", args=[forged]))
    assert response.status_code == 400
    assert attendance_state() == before


# --- ids too big for the database in other URLs ------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("coordinator_x", "/attendance/roster/{huge}/{venue}/"),
        ("coordinator_x", "/attendance/screen/{session}/{huge}/"),
        ("coordinator_x", "/attendance/roster/{session}/{venue}/import/{huge}/"),
        ("trainee", "/attendance/records/{huge}/"),
        ("trainee", "/quiz/{huge}/start/"),
        ("instructor", "/admin/quiz-results/{huge}/"),
        ("instructor", "/admin/quiz-results/{huge}/analysis/"),
    ],
)
def test_ids_longer_than_the_database_allows_are_not_found(w, role, path):
    url = path.format(huge=10**24, session=w.session.pk, venue=w.venue_x.pk)
    client = signed_in(getattr(w, role))
    response = client.post(url) if url.endswith("/start/") else client.get(url)
    assert response.status_code == 404


def test_roster_filters_ignore_garbage(w):
    client = signed_in(w.coordinator_x)
    response = client.get(reverse("attendance:roster_home"), {"session": "9" * 50, "q": "ab" + "x" * TEN_KB})
    assert response.status_code == 200
    roster = reverse("attendance:roster", args=[w.session.pk, w.venue_x.pk])
    assert client.get(roster, {"status": "?" * 100, "page": "x" * TEN_KB}).status_code == 200
    # A NUL byte is refused for the whole site (config/upload_limits.py), with nothing read or written.
    assert client.get(reverse("attendance:roster_home"), {"q": "a\x00b"}).status_code == 400


@pytest.mark.parametrize("user", ["abc", "-1", str(10**24), "1.5", ""])
def test_walk_in_with_a_garbage_person_id_is_not_found(w, user):
    before = attendance_state()
    url = reverse("attendance:walk_in", args=[w.session.pk, w.venue_x.pk])
    assert signed_in(w.coordinator_x).post(url, {"person": user}).status_code == 404
    assert attendance_state() == before


# --- attempt autosave ------------------------------------------------------------------------------

AUTOSAVE_BODIES = {
    "not JSON": b"\xff\xfe{garbage",
    "a JSON list": b"[1, 2]",
    "a JSON string": b'"position"',
    "no position": b'{"value": "0"}',
    "position as text": b'{"position": "first", "value": "0"}',
    "25-digit position": json.dumps({"position": 10**24, "value": "0"}).encode(),
    "negative position": b'{"position": -1, "value": "0"}',
    "position zero": b'{"position": 0, "value": "0"}',
    "5,000-digit option": json.dumps({"position": 1, "value": "9" * 5000}).encode(),
    "option as an object": b'{"position": 1, "value": {"a": 1}}',
    "100,000 options": json.dumps({"position": 1, "value": ["0"] * 100_000}).encode(),
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "3 MB body": json.dumps({"position": 1, "value": "x" * 3_000_000}).encode(),
}


@pytest.mark.parametrize("body", AUTOSAVE_BODIES.values(), ids=AUTOSAVE_BODIES.keys())
def test_garbage_autosaves_are_refused(w, body):
    before = list(AttemptAnswer.objects.order_by("pk").values_list("saved_at", "response_text"))
    url = reverse("quizzes:autosave", args=[w.open_attempt.public_id])
    response = signed_in(w.trainee).post(url, body, content_type="application/json")
    assert response.status_code == 400
    if response["Content-Type"].startswith("application/json"):
        assert response.json()["ok"] is False
    assert list(AttemptAnswer.objects.order_by("pk").values_list("saved_at", "response_text")) == before


def test_a_sane_autosave_still_works(w):
    url = reverse("quizzes:autosave", args=[w.open_attempt.public_id])
    response = signed_in(w.trainee).post(url, {"position": 1, "value": "0"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["ok"] is True


# --- too many form fields or files -----------------------------------------------------------------


def many_fields(n: int = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 500) -> dict:
    return {f"field{i}": "1" for i in range(n)}


@pytest.mark.parametrize(
    ("role", "url_name", "args"),
    [
        ("trainee", "attendance:checkin_code", ()),
        ("coordinator_x", "attendance:mark", ("@session", "@venue_x")),
        ("coordinator_x", "attendance:walk_in", ("@session", "@venue_x")),
        ("coordinator_x", "attendance:import_upload", ("@session", "@venue_x")),
        ("trainee", "quizzes:submit", ("@open_attempt.public_id",)),
        ("instructor", "quizzes_admin:bank_import", ()),
    ],
)
def test_too_many_form_fields_is_a_400(w, role, url_name, args):
    from .test_role_matrix import ref

    before = attendance_state()
    url = reverse(url_name, args=[ref(w, a) for a in args])
    response = signed_in(getattr(w, role)).post(url, many_fields())
    assert response.status_code == 400
    assert attendance_state() == before


def test_too_many_files_is_a_400(w):
    url = reverse("attendance:import_upload", args=[w.session.pk, w.venue_x.pk])
    files = {f"file{i}": SimpleUploadedFile(f"{i}.csv", b"x") for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)}
    assert signed_in(w.coordinator_x).post(url, files).status_code == 400
    assert SheetImport.objects.count() == 1


# --- uploads: sign-in sheets and question banks ----------------------------------------------------


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@functools.cache
def zip_bomb_xlsx(unpacked_mb: int = 40) -> bytes:
    """A real workbook whose first sheet unpacks to ``unpacked_mb`` MB of rows (about 1/1000 of that packed)."""
    template = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["姓名", "单位"]])))
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    chunk = row * (1024 * 1024 // len(row))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in template.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item.filename, template.read(item.filename))
                continue
            with bomb.open(item.filename, "w") as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org'
                )
                sheet.write(b'/spreadsheetml/2006/main"><sheetData>')
                for _ in range(unpacked_mb):
                    sheet.write(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def broken_xml_xlsx() -> bytes:
    """A valid zip with the parts of a workbook, but the sheet's XML cut off in the middle."""
    good = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["姓名"], ["张三"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as broken:
        for item in good.infolist():
            data = good.read(item.filename)
            broken.writestr(item.filename, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)
    return out.getvalue()


JUNK = bytes(range(256)) * 40
SIX_MB = b"a,b\n" * (6 * 1024 * 1024 // 4)
UNREADABLE_XLSX = "This XLSX file could not be opened."
ZIP_BOMB = "This XLSX file unpacks to more than %(mb)d MB; split it into smaller files."
SHEET_UPLOADS = {
    # case: (file name, content, the message the coordinator reads)
    "empty file": ("sheet.csv", b"", "The submitted file is empty."),
    "binary junk named .csv": ("sheet.csv", JUNK, None),
    "binary junk named .xlsx": ("sheet.xlsx", JUNK, UNREADABLE_XLSX),
    "PDF named .xlsx": ("sheet.xlsx", b"%PDF-1.4\n" + JUNK, UNREADABLE_XLSX),
    "XLSX with broken XML": ("sheet.xlsx", broken_xml_xlsx, UNREADABLE_XLSX),
    "zip bomb XLSX": ("sheet.xlsx", zip_bomb_xlsx, ZIP_BOMB),
    "a 200 kB cell": (
        "sheet.csv",
        ("姓名,单位\n" + "张" * 200_000 + ",单位\n").encode(),
        "This CSV file could not be read: a cell is too long or the file is damaged.",
    ),
    "no name column": ("sheet.csv", "单位,手机\n测试公司,13800000000\n".encode(), None),
    "an .exe": ("setup.exe", b"MZ" + JUNK, "Upload a .csv or .xlsx file."),
    "6 MB (the form's limit is 5 MB)": ("sheet.csv", SIX_MB, "The file is larger than 5 MB."),
}  # fmt: skip


def media_files() -> set:
    root = Path(settings.MEDIA_ROOT) / "attendance" / "sheets"
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("case", SHEET_UPLOADS.keys())
def test_malformed_sign_in_sheets_are_refused_and_nothing_is_stored(w, case):
    name, content, text = SHEET_UPLOADS[case]
    content = content() if callable(content) else content
    files_before, imports_before = media_files(), SheetImport.objects.count()
    url = reverse("attendance:import_upload", args=[w.session.pk, w.venue_x.pk])
    response = signed_in(w.coordinator_x).post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="errorlist' in body
    if text:
        assert (message(text, mb=20) if "%(mb)d" in text else message(text)) in body
    assert SheetImport.objects.count() == imports_before
    assert media_files() == files_before


BANK_UPLOADS = {
    "empty file": ("bank.csv", b"", "The submitted file is empty."),
    "binary junk named .csv": ("bank.csv", JUNK, None),
    "binary junk named .xlsx": ("bank.xlsx", JUNK, "This is not a readable .xlsx file."),
    "XLSX with broken XML": ("bank.xlsx", broken_xml_xlsx, "This is not a readable .xlsx file."),
    "zip bomb XLSX": ("bank.xlsx", zip_bomb_xlsx, ZIP_BOMB),
    "a 200 kB cell": (
        "bank.csv",
        ("reference,category,type,stem\n" + "x" * 200_000 + ",c,single,s\n").encode(),
        "This CSV file could not be read: a cell is too long or the file is damaged.",
    ),
    "no columns it knows": ("bank.csv", b"a,b\n1,2\n", "This column is missing."),
    "an .exe": ("bank.exe", b"MZ" + JUNK, "Upload a .csv or .xlsx file."),
    "6 MB (the form's limit is 5 MB)": ("bank.csv", SIX_MB, "The file is larger than 5 MB."),
}  # fmt: skip


@pytest.mark.parametrize("case", BANK_UPLOADS.keys())
def test_malformed_question_banks_are_refused_and_nothing_is_imported(w, case):
    name, content, text = BANK_UPLOADS[case]
    content = content() if callable(content) else content
    questions = list(Question.objects.order_by("pk").values_list("pk", "reference", "stem"))
    url = reverse("quizzes_admin:bank_import")
    response = signed_in(w.instructor).post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    if text:
        expected = message(text, mb=20) if "%(mb)d" in text else message(text)
        assert expected in response.content.decode()
    assert list(Question.objects.order_by("pk").values_list("pk", "reference", "stem")) == questions


@pytest.mark.parametrize(
    ("role", "url_name", "args"),
    [
        ("coordinator_x", "attendance:import_upload", ("@session", "@venue_x")),
        ("instructor", "quizzes_admin:bank_import", ()),
    ],
)
def test_uploads_over_the_site_wide_limit_are_refused_before_reading(w, role, url_name, args):
    """A 26 MB file gets 413 from config/upload_limits.py before any view or parser sees it."""
    from .test_role_matrix import ref

    url = reverse(url_name, args=[ref(w, a) for a in args])
    huge = SimpleUploadedFile("huge.csv", b"x" * (settings.MAX_REQUEST_BODY_BYTES + 1024 * 1024))
    imports, questions = SheetImport.objects.count(), Question.objects.count()
    response = signed_in(getattr(w, role)).post(url, {"file": huge})
    assert response.status_code == 413
    assert message("The upload is too large (limit %(mb)d MB).", mb=25) in response.content.decode()
    assert (SheetImport.objects.count(), Question.objects.count()) == (imports, questions)
