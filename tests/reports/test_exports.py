"""Exporters: registry, filters, scope, formula neutralisation, CSV with BOM, XLSX, headers in the user's language."""

import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from accounts.access import VenueScope
from accounts.spreadsheet import safe_cell as neutralise
from attendance.models import Status
from reports.errors import reporting_scope as scope_for
from reports.exports import Exporter, registry
from reports.exports.writers import csv_chunks, write_csv, write_xlsx

from .conftest import build_world
from .factories import certified_course, enrol, settlement_quiz, take_quiz

pytestmark = pytest.mark.django_db

DANGEROUS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]


def export(identifier, scope=None, **data):
    cls = registry.get(identifier)
    form = cls.form(scope or VenueScope.everything(), data=data)
    assert form.is_valid(), form.errors
    return cls(scope or VenueScope.everything(), form.cleaned_data)


def parse_csv(exporter) -> list[list[str]]:
    raw = b"".join(csv_chunks(exporter))
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_registry_lists_the_five_exports():
    assert registry.identifiers() == ["attendance", "rosters", "quiz_results", "course_completions", "coverage"]
    from reports.errors import ReportError

    with pytest.raises(ReportError) as error:
        registry.get("nope")
    assert error.value.code == "unknown_export"


def test_attendance_csv_rows_and_chinese_headers(world):
    with translation.override("zh-hans"):
        rows = parse_csv(export("attendance", session=world.session.pk))
    header, body = rows[0], rows[1:]
    assert header[0] == "培训场次" and "状态" in header
    assert len(body) == 4
    status = header.index("状态")
    by_name = {row[header.index("姓名")]: row for row in body}
    assert by_name["甲"][status] == "出席"
    assert by_name["乙"][status] == "迟到"
    assert by_name["甲"][header.index("城市")] == "济南市"
    assert by_name["甲"][header.index("区县")] == "历下区"


def test_headers_and_labels_follow_the_language(world):
    with translation.override("en"):
        rows = parse_csv(export("attendance", session=world.session.pk, status=Status.LATE))
    assert rows[0][:3] == ["Training session", "Session starts", "City"]
    assert len(rows) == 2
    assert rows[1][rows[0].index("Status")] == "Late"
    assert rows[1][rows[0].index("City")] == "Jinan"


def test_filters_city_county_venue_organisation_status(world):
    def count(**data):
        return len(parse_csv(export("attendance", **data))) - 1

    assert count(city="370200") == 1
    assert count(county="370103") == 1
    assert count(venue=world.lixia.pk) == 2
    assert count(organisation=world.unit_lixia.pk) == 2
    assert count(status=Status.ABSENT) == 1
    assert count(city="370100", status=Status.PRESENT) == 1


def test_roster_includes_expected_people_without_record(world):
    with translation.override("zh-hans"):
        rows = parse_csv(export("rosters", venue=world.shinan.pk))
    header = rows[0]
    statuses = {row[header.index("姓名")]: row[header.index("状态")] for row in rows[1:]}
    assert statuses == {"丁": "请假", "戊": "未记录"}


def test_coordinator_exports_contain_only_their_venues(world):
    scope = scope_for(world.coordinator)
    for identifier in ("attendance", "rosters"):
        rows = parse_csv(export(identifier, scope))
        venue_column = rows[0].index("分会场") if "分会场" in rows[0] else 4
        assert {row[venue_column] for row in rows[1:]} == {"历下区分会场"}
    form = registry.get("attendance").form(scope, data={"venue": world.shinan.pk})
    assert not form.is_valid() and "venue" in form.errors


def test_formula_cells_are_neutralised_in_csv_and_xlsx(world, tmp_path):
    names = []
    for n, text in enumerate(DANGEROUS):
        world.t1.__class__.objects.filter(pk=world.t1.pk).update(real_name=text)
        world.lixia.__class__.objects.filter(pk=world.lixia.pk).update(name=f"{text}{n}")
        exporter = export("attendance", venue=world.lixia.pk, status=Status.PRESENT)
        row = parse_csv(exporter)[1]
        assert row[5] == "'" + text, row
        assert row[4] == f"'{text}{n}"
        names.append(row[5])
        write_xlsx(exporter, tmp_path / f"{n}.xlsx")
        cells = [c.value for c in next(load_workbook(tmp_path / f"{n}.xlsx").active.iter_rows(min_row=2, max_row=2))]
        assert cells[5] == "'" + text.replace("\r", "\n")  # XML reading turns a lone CR into LF
    assert len(names) == len(DANGEROUS)


def test_python_rows_are_neutralised_by_the_writers(tmp_path):
    class Plain(Exporter):
        identifier = "plain"
        verbose_name = "plain"

        def headers(self):
            return ["=a", "b"]

        def rows(self):
            yield ['=HYPERLINK("http://x")', -3]
            yield ["@x", "ok"]

    exporter = Plain(VenueScope.everything())
    rows = parse_csv(exporter)
    assert rows == [["'=a", "b"], ['\'=HYPERLINK("http://x")', "-3"], ["'@x", "ok"]]
    write_xlsx(exporter, tmp_path / "p.xlsx")
    values = [[c.value for c in r] for r in load_workbook(tmp_path / "p.xlsx").active.iter_rows()]
    assert values == [["'=a", "b"], ['\'=HYPERLINK("http://x")', -3], ["'@x", "ok"]]
    assert neutralise(-3) == -3 and neutralise("") == "" and neutralise("a=b") == "a=b"


def test_csv_file_and_xlsx_file_hold_the_same_rows(world, tmp_path):
    exporter = export("attendance")
    assert write_csv(exporter, tmp_path / "a.csv") == 4
    assert write_xlsx(exporter, tmp_path / "a.xlsx") == 4
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as handle:
        from_csv = list(csv.reader(handle))
    from_xlsx = [["" if c is None else str(c) for c in row] for row in load_workbook(tmp_path / "a.xlsx").active.values]
    assert from_csv == from_xlsx
    assert (tmp_path / "a.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


def test_quiz_results_course_completions_and_coverage(world):
    course = certified_course([world.t1])
    enrol([world.t4], course)
    quiz = settlement_quiz()
    take_quiz(world.t1, quiz, right=True)
    take_quiz(world.t4, quiz, right=False)
    with translation.override("en"):
        quiz_rows = parse_csv(export("quiz_results", passed="yes"))
        completions = parse_csv(export("course_completions", course=str(course.translation_key)))
        not_done = parse_csv(export("course_completions", completed="no"))
        coverage = parse_csv(export("coverage", gap="no_attendee"))
        qingdao_quiz = parse_csv(export("quiz_results", city="370200"))
    assert len(quiz_rows) == 2 and quiz_rows[1][quiz_rows[0].index("Passed")] == "Yes"
    assert len(qingdao_quiz) == 2 and qingdao_quiz[1][qingdao_quiz[0].index("Passed")] == "No"
    header = completions[0]
    done = {row[header.index("Name")]: row[header.index("Completed")] for row in completions[1:]}
    assert done == {"甲": "Yes", "丁": "No"}
    assert completions[1][header.index("Certificate")] or completions[2][header.index("Certificate")]
    assert [row[1] for row in not_done[1:]] == ["丁"]
    names = {row[0] for row in coverage[1:]}
    assert "历下热电有限公司" not in names and "黄岛电厂" in names


@pytest.mark.parametrize("size", [0, 8])
def test_export_query_count_is_flat(db, django_assert_max_num_queries, size):
    build_world(extra_venues=size, trainees_per_extra=5)
    for identifier in registry.identifiers():
        exporter = export(identifier)
        with django_assert_max_num_queries(2):  # coverage looks up the settlement quizzes first
            rows = sum(len(b) for b in exporter.batches())
        if identifier == "attendance":
            assert rows == 4 + size * 5


def test_database_written_csv_matches_the_python_writer(world):
    """SQLite joins the cells into lines and PostgreSQL uses COPY: same values, same order as Python's csv."""
    from accounts.models import User

    User.objects.filter(pk=world.t1.pk).update(real_name='王, "大" 明\n第二行', phone="")
    User.objects.filter(pk=world.t2.pk).update(real_name="=1+2\r", job_title="x")
    for identifier in registry.identifiers():
        exporter = export(identifier)
        from_python = [["" if v is None else str(v) for v in row] for batch in exporter.batches() for row in batch]
        from_database = list(csv.reader(io.StringIO(b"".join(exporter.database_csv()).decode("utf-8"))))
        assert from_database == from_python, identifier
    names = [row[5] for row in parse_csv(export("attendance"))[1:]]
    assert '王, "大" 明\n第二行' in names and "'=1+2\r" in names
