"""One cell rule for every CSV and XLSX the platform writes (accounts/spreadsheet.py).

Property: whatever text people stored (names, organisations, venues, notes, titles — control
characters and formula starts included), no cell of any export starts a formula, holds a
character a spreadsheet cannot hold, or makes the export fail; and the SQL twin of the rule
gives exactly what the Python rule gives.
"""

import csv
import io

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from accounts.access import VenueScope
from accounts.models import Organisation, User, Venue
from accounts.spreadsheet import FORMULA_STARTS, UNHOLDABLE, SafeCellText, safe_cell, safe_text
from attendance.models import AttendanceRecord, TrainingSession
from courses.models import Certificate
from reports.exports import registry
from reports.exports.writers import csv_chunks, write_xlsx
from tests.attendance.factories import TrainingSessionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# NUL excepted: PostgreSQL cannot store it and every input path refuses it (see SafeCellText).
stored_text = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(["", "\x01=", "=", "\x0b+", "@", "-", "\t=", "\r=", "\n@", "\x1f\x01-", "'="]),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=25),
)

WAGTAIL_EXPORTS = [
    "wagtailsnippets_attendance_attendancerecord:list",
    "wagtailsnippets_attendance_trainingsession:list",
    "wagtailsnippets_accounts_organisation:list",
    "wagtailsnippets_accounts_venue:list",
    "wagtailsnippets_courses_certificate:list",
    "wagtailsnippets_courses_enrolment:list",
]


def assert_safe_cell(value, where):
    if not isinstance(value, str):
        return
    assert not value.startswith(FORMULA_STARTS), (where, value)
    assert not any(c in UNHOLDABLE for c in value), (where, value)


def check_csv(data: bytes, where):
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")):
        for cell in row:
            assert_safe_cell(cell, where)


def check_xlsx(data: bytes, where):
    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (where, cell.value)
                assert_safe_cell(cell.value, where)


def plant(w, text):
    """The same text in every field people type that exports show."""
    User.objects.filter(pk=w.trainee.pk).update(real_name=text[:50], job_title=text[:100])
    Organisation.objects.filter(pk=w.org_1.pk).update(name=text[:200] or "o")
    Venue.objects.filter(pk=w.venue_x.pk).update(name=text[:200] or "v")
    AttendanceRecord.objects.filter(pk=w.record.pk).update(note=text[:300])
    TrainingSession.objects.filter(pk=w.session.pk).update(title=text[:200] or "t")
    Certificate.objects.filter(pk=w.certificate.pk).update(trainee_name=text[:100], organisation_name=text[:200])


@pytest.fixture
def superuser_client(w):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True, organisation=None))
    return client


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=stored_text)
def test_no_export_cell_starts_a_formula_and_no_stored_text_breaks_an_export(w, superuser_client, tmp_path, text):
    plant(w, text)
    for exporter_class in registry.all():
        exporter = exporter_class(VenueScope.everything())
        check_csv(b"".join(csv_chunks(exporter)), exporter_class.identifier)
        write_xlsx(exporter_class(VenueScope.everything()), tmp_path / "x.xlsx")
        check_xlsx((tmp_path / "x.xlsx").read_bytes(), exporter_class.identifier)
    urls = [(reverse("quizzes_admin:results", args=[w.quiz.pk]), {"export": fmt}) for fmt in ("csv", "xlsx")]
    urls += [(reverse("quizzes_admin:bank_export"), {"format": fmt}) for fmt in ("csv", "xlsx")]
    urls += [(reverse(name), {"export": fmt}) for name in WAGTAIL_EXPORTS for fmt in ("csv", "xlsx")]
    for url, query in urls:
        response = superuser_client.get(url, query)
        assert response.status_code == 200, (url, query)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        (check_xlsx if "xlsx" in query.values() else check_csv)(body, (url, query))


def test_the_reported_attack_is_written_as_text():
    cell = safe_cell('\x01=HYPERLINK("http://x","y")')
    assert cell == '\'=HYPERLINK("http://x","y")'
    assert safe_cell("正常姓名") == "正常姓名" and safe_cell(-3) == -3 and safe_cell(None) == ""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=stored_text)
@example(text="\x01=a\x0b" * 8200)  # longer than a cell may be, and stripped first
def test_the_sql_rule_equals_the_python_rule(db, text):
    session = TrainingSession.objects.filter(title="cells").first() or TrainingSessionFactory(title="cells")
    TrainingSession.objects.filter(pk=session.pk).update(description=text)  # a text column: any length
    rows = TrainingSession.objects.filter(pk=session.pk).annotate(cell=SafeCellText(F("description")))
    assert rows.values_list("cell", flat=True).get() == safe_text(text)
