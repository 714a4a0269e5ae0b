"""Bulk authoring: CSV/XLSX import with row-level errors and nothing half-imported; round-trip export."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from quizzes.models import Question, QuestionCategory
from quizzes.services import bank_io
from tests.quizzes import factories

pytestmark = pytest.mark.django_db

HEADER = bank_io.COLUMNS


def row(**cells) -> list[str]:
    return [cells.get(column, "") for column in HEADER]


GOOD_ROWS = [
    row(
        reference="T-1",
        category="交易规则",
        type="single",
        stem="交易产品是？",
        option_a="CEA",
        option_b="CCER",
        correct="A",
        explanation="见《碳排放权交易管理办法（试行）》。",
        tags="trading",
    ),
    row(
        reference="T-2",
        category="CCER 抵销",
        type="multiple",
        stem="<p>可以<b>抵销</b>的是？</p><script>x</script>",
        option_a="CCER",
        option_b="国际信用",
        option_c="符合条件的 CCER",
        correct="A,C",
        scoring="partial",
        points="2",
        tags="CCER, settlement",
    ),
    row(reference="T-3", category="履约清缴", type="true_false", stem="配额可以跨年使用。", correct="对"),
    row(
        reference="T-4",
        category="履约清缴",
        type="numeric",
        stem="核查排放 1,000,000 t，CCER 上限？",
        numeric_answer="50,000",
        tolerance="0",
        unit="t",
        tags="CCER",
    ),
    row(
        reference="T-5",
        category="交易规则",
        type="short_text",
        stem="登记结算在哪个系统？",
        accepted_answers="全国碳排放权注册登记系统|注册登记系统",
        active="false",
    ),
]


def csv_bytes(rows, encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for r in rows:
        sheet.append([float(c) if c.replace(".", "").isdigit() and c else c for c in r])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("bank.csv", csv_bytes(GOOD_ROWS)),
        ("bank.csv", csv_bytes(GOOD_ROWS, "gb18030")),
        ("bank.xlsx", xlsx_bytes(GOOD_ROWS)),
    ],
    ids=["csv-utf8", "csv-gb18030", "xlsx"],
)
def test_import_every_kind(filename, content):
    assert bank_io.import_questions(filename, content) == {"created": 5, "updated": 0}
    single = Question.objects.get(reference="T-1")
    assert single.kind == "single" and [o.is_correct for o in single.options.all()] == [True, False]
    assert single.stem == "<p>交易产品是？</p>" and set(single.tags.names()) == {"trading"}
    multiple = Question.objects.get(reference="T-2")
    assert multiple.scoring == "partial" and multiple.points == 2 and "<script>" not in multiple.stem
    assert [o.is_correct for o in multiple.options.all()] == [True, False, True]
    assert Question.objects.get(reference="T-3").correct_boolean is True
    numeric = Question.objects.get(reference="T-4")
    assert numeric.numeric_answer == 50000 and numeric.unit == "t"
    short = Question.objects.get(reference="T-5")
    assert short.accepted_answer_list == ["全国碳排放权注册登记系统", "注册登记系统"] and not short.is_active
    assert set(QuestionCategory.objects.values_list("name", flat=True)) == {"交易规则", "CCER 抵销", "履约清缴"}


def test_a_bad_row_imports_nothing_and_every_problem_is_reported():
    bad = [
        *GOOD_ROWS,
        row(reference="B-1", category="x", type="single", stem="?", option_a="a", option_b="b", correct="A,B"),
        row(reference="B-2", category="x", type="essay", stem="?"),
        row(reference="B-3", category="", type="numeric", stem="?", numeric_answer="lots"),
        row(reference="T-1", category="x", type="true_false", stem="?", correct="maybe"),
    ]
    with pytest.raises(bank_io.ImportFailed) as info:
        bank_io.import_questions("bank.csv", csv_bytes(bad))
    problems = {(e.row, e.column) for e in info.value.errors}
    assert (7, "correct") in problems  # a single-choice question with two right options
    assert (8, "type") in problems
    assert {(9, "category"), (9, "numeric_answer")} <= problems
    assert {(10, "reference"), (10, "correct")} <= problems
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()


def test_missing_columns_and_wrong_files():
    with pytest.raises(bank_io.ImportFailed) as info:
        bank_io.import_questions("bank.csv", b"reference,stem\nA,B\n")
    assert {e.column for e in info.value.errors} == {"category", "type"}
    with pytest.raises(bank_io.ImportFailed):
        bank_io.import_questions("bank.xlsx", b"not a zip")
    with pytest.raises(bank_io.ImportFailed):
        bank_io.import_questions("bank.txt", b"")


def test_export_then_import_round_trips_and_updates_in_place():
    bank_io.import_questions("bank.csv", csv_bytes(GOOD_ROWS))
    factories.single(reference="=cmd|' /C calc'!A0")  # a formula-like reference survives as text
    ids = dict(Question.objects.values_list("reference", "pk"))
    rows = list(bank_io.export_rows(Question.objects.order_by("reference")))
    assert any(r[0] == "=cmd|' /C calc'!A0" for r in rows)
    from quizzes.exports import xlsx_bytes as make_xlsx

    content = make_xlsx(HEADER, rows)
    assert load_workbook(io.BytesIO(content)).active["A2"].value == "'=cmd|' /C calc'!A0"
    assert bank_io.import_questions("again.xlsx", content) == {"created": 0, "updated": 6}
    assert dict(Question.objects.values_list("reference", "pk")) == ids
    again = list(bank_io.export_rows(Question.objects.order_by("reference")))
    assert [[str(c) for c in r] for r in again] == [[str(c) for c in r] for r in rows]


def test_admin_import_and_export_views(client, instructor, trainee):
    client.force_login(instructor)
    url = reverse("quizzes_admin:bank_import")
    assert client.get(url).status_code == 200
    bad = [*GOOD_ROWS, row(reference="B-1", category="x", type="essay", stem="?")]
    response = client.post(url, {"file": _upload(csv_bytes(bad))})
    assert response.status_code == 400 and "import-error" in response.content.decode()
    assert not Question.objects.exists()
    response = client.post(url, {"file": _upload(csv_bytes(GOOD_ROWS))})
    assert response.status_code == 302 and Question.objects.count() == 5
    response = client.get(reverse("quizzes_admin:bank_export"), {"format": "csv"})
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf") and body.count(b"T-") == 5
    response = client.get(reverse("quizzes_admin:bank_export"), {"format": "xlsx"})
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 6
    client.force_login(trainee)
    assert client.get(url).status_code == 302


def _upload(content: bytes, name: str = "bank.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")
