"""Typed-up sign-in sheets: encodings, headings, row errors in a dry run, atomic and idempotent imports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from attendance import codes, services, sheet_import
from attendance.models import AttendanceRecord, ExpectedParticipant, SheetImport, Status
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SHEET = """姓名,单位,手机,签名,备注
张三,华能测试热电有限公司,13800000001,张三,
李四,华能测试热电有限公司,13800000002,,
王五,不存在的单位,13800000003,王五,
赵六,华能测试热电有限公司,12345,赵六,
张三,华能测试热电有限公司,13800000001,张三,
"""


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="华能测试热电有限公司")


@pytest.fixture
def session_venue(session, venue):
    return session.session_venues.get(venue=venue)


@pytest.fixture
def zhang(make_trainee, organisation, session, venue):
    person = make_trainee(real_name="张三", phone="13800000001", organisation=organisation)
    ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    return person


def plan(session_venue, text_or_bytes, user, filename="sheet.csv"):
    data = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return sheet_import.plan_import(session_venue, sheet_import.read_sheet(data, filename), user)


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "UTF-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "UTF-8 (BOM)"),
        (lambda t: t.encode("gbk"), "GB18030/GBK"),
        (lambda t: t.encode("gb18030"), "GB18030/GBK"),
        (lambda t: t.encode("utf-16"), "UTF-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16"],
)
def test_encodings_are_detected(encode, expected):
    text = "签到表\n姓名,单位,手机\n欧阳娜娜,鲁北化工有限公司,13800000009\n"
    sheet = sheet_import.read_sheet(encode(text), "sheet.csv")
    assert sheet.encoding == expected
    assert sheet.rows == [(3, {"name": "欧阳娜娜", "organisation": "鲁北化工有限公司", "phone": "13800000009"})]


def test_english_headings_and_tabs():
    data = "Name\tOrganization\tMobile\tStatus\tRemarks\tShoe size\nAnna Li\tX\t13800000009\tlate\thi\t38\n"
    sheet = sheet_import.read_sheet(data.encode(), "sheet.txt")
    assert set(sheet.columns) == {"name", "organisation", "phone", "status", "note"}
    assert sheet.rows[0][1]["status"] == "late" and sheet.ignored_headings == ["Shoe size"]


def test_xlsx_with_numeric_phone_cells():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["签到表 S1-V1-XXXX"])
    sheet.append(["序号", "姓名", "单位", "手机号码", "状态"])
    sheet.append([1, "孙七", "鲁北化工有限公司", 13800000007, "迟到"])
    sheet.append([2, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = sheet_import.read_sheet(buffer.getvalue(), "签到表.xlsx")
    assert parsed.encoding == "XLSX"
    assert parsed.rows == [
        (3, {"name": "孙七", "organisation": "鲁北化工有限公司", "phone": "13800000007", "status": "迟到"})
    ]


def test_missing_heading_row_is_a_file_error():
    with pytest.raises(sheet_import.SheetError) as info:
        sheet_import.read_sheet(b"a,b\n1,2\n", "x.csv")
    assert info.value.code == "no_header"


def test_dry_run_reports_row_errors_and_writes_nothing(session_venue, zhang, organisation, venue_coordinator):
    result = plan(session_venue, SHEET, venue_coordinator)
    by_line = {row.line: row for row in result.rows}
    assert by_line[2].ok and by_line[2].user == zhang and by_line[2].action == "create"
    assert by_line[3].ok and by_line[3].status == Status.ABSENT and by_line[3].action == "new_account"  # no signature
    assert "未知单位" in by_line[4].errors[0]
    assert "手机号" in by_line[5].errors[0]
    assert "重复" in by_line[6].errors[0]
    assert result.writes == 2 and len(result.error_rows) == 3
    assert not AttendanceRecord.objects.exists()


def test_unknown_and_foreign_venues(session, session_venue, other_venue, zhang, venue_coordinator):
    own_code = codes.sheet_code(session.pk, session_venue.venue_id)
    other_code = codes.sheet_code(session.pk, other_venue.pk)
    text = f"姓名,分会场\n张三,{own_code}\n张三2,{other_code}\n张三3,火星分会场\n张三4,{other_venue.name}\n"
    rows = plan(session_venue, text, venue_coordinator).rows
    assert rows[0].ok
    # A venue of this session that the coordinator does not run is as unknown as a made-up one.
    assert all("未知分会场" in row.errors[0] for row in rows[1:])


def upload(client, session, venue, name, data):
    url = reverse("attendance:import_upload", args=[session.pk, venue.pk])
    response = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def test_import_through_the_pages_is_atomic_idempotent_and_traceable(
    client, session, venue, zhang, organisation, venue_coordinator
):
    client.force_login(venue_coordinator)
    good = "\n".join(SHEET.splitlines()[:3]) + "\n"
    preview_url = upload(client, session, venue, "第一分会场签到表.csv", good.encode("gbk"))
    preview = client.get(preview_url).content.decode()
    assert "GB18030/GBK" in preview and "新增记录" in preview and not AttendanceRecord.objects.exists()

    client.post(preview_url)
    records = {r.user.real_name: r for r in AttendanceRecord.objects.select_related("user")}
    assert set(records) == {"张三", "李四"}
    assert records["张三"].status == Status.PRESENT and records["李四"].status == Status.ABSENT
    assert (records["张三"].source_file, records["张三"].source_line) == ("第一分会场签到表.csv", 2)
    assert records["张三"].sheet_import == SheetImport.objects.get()
    assert services.is_walk_in_account(records["李四"].user)
    assert records["张三"].changes.get().source_line == 2

    # The same sheet again: every row is "no change", nothing is written.
    second_url = upload(client, session, venue, "第一分会场签到表.csv", good.encode("gbk"))
    assert "无变化" in client.get(second_url).content.decode()
    client.post(second_url)
    assert AttendanceRecord.objects.count() == 2
    assert sum(r.changes.count() for r in AttendanceRecord.objects.all()) == 2
    assert SheetImport.objects.filter(rows_written=0).count() == 1


def test_rows_with_errors_block_the_import_unless_skipped(
    client, session, venue, zhang, organisation, venue_coordinator
):
    client.force_login(venue_coordinator)
    preview_url = upload(client, session, venue, "sheet.csv", SHEET.encode("gbk"))
    html = client.get(preview_url).content.decode()
    assert "row-error" in html and "未知单位“不存在的单位”" in html
    blocked = client.post(preview_url, follow=True)
    assert "请修正有错误的行" in blocked.content.decode()
    assert not AttendanceRecord.objects.exists()  # all or nothing
    client.post(preview_url, {"skip_errors": "1"})
    assert AttendanceRecord.objects.count() == 2


def test_import_changes_a_status_and_keeps_history(session, session_venue, zhang, venue_coordinator):
    services.mark(session_venue, [zhang.pk], Status.ABSENT, by=venue_coordinator)
    upload_file = SimpleUploadedFile("late.csv", "姓名,手机,状态\n张三,13800000001,迟到\n".encode())
    stored = sheet_import.store_upload(session_venue, upload_file, venue_coordinator)
    assert sheet_import.apply_import(stored, session_venue, venue_coordinator) == 1
    record = AttendanceRecord.objects.get(user=zhang)
    assert record.status == Status.LATE and record.source_line == 2
    last = record.changes.last()
    assert (last.from_status, last.to_status, last.method, last.source_file) == ("absent", "late", "import", "late.csv")


def test_unreadable_upload_is_explained(client, session, venue, venue_coordinator):
    """A file that cannot be read as a sheet is refused at upload (400), so nothing is stored."""
    client.force_login(venue_coordinator)
    url = reverse("attendance:import_upload", args=[session.pk, venue.pk])
    response = client.post(url, {"file": SimpleUploadedFile("broken.xlsx", b"not a zip file")})
    assert response.status_code == 400 and "无法打开" in response.content.decode()
    bad = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert bad.status_code == 400 and ".csv" in bad.content.decode()
    assert not SheetImport.objects.exists()


def test_preview_never_names_the_owner_of_a_phone_number(session_venue, venue_coordinator, make_trainee):
    make_trainee(real_name="省外某人", phone="13800000077")
    result = plan(session_venue, "姓名,手机\n冒名者,13800000077\n", venue_coordinator)
    (row,) = result.rows
    assert row.errors and "省外某人" not in " ".join(map(str, row.errors))
    assert row.user is None


def test_imported_names_lose_control_characters(session_venue, venue_coordinator):
    result = plan(session_venue, "姓名\n\x01=HYPERLINK(1)\n", venue_coordinator)
    assert result.rows[0].name == "=HYPERLINK(1)"


# --- Status changes, downgrades, totals, header-only files and check-in times ------------------------


def stored_sheet(session_venue, text, user, name="sheet.csv"):
    return sheet_import.store_upload(session_venue, SimpleUploadedFile(name, text.encode()), user)


def test_a_downgrade_is_listed_and_needs_the_coordinators_choice(
    client, session, venue, session_venue, zhang, venue_coordinator
):
    services.mark(session_venue, [zhang.pk], Status.EXCUSED, by=venue_coordinator)
    stored = stored_sheet(session_venue, "姓名,手机,状态\n张三,13800000001,缺席\n", venue_coordinator)
    client.force_login(venue_coordinator)
    url = reverse("attendance:import_preview", args=[session.pk, venue.pk, stored.pk])
    html = client.get(url).content.decode()
    assert 'id="downgrades"' in html and "请假" in html and "缺席" in html
    assert 'name="downgrade" value="2"' in html
    # Imported without ticking it: the excused mark stays, nothing is written.
    client.post(url)
    assert AttendanceRecord.objects.get(user=zhang).status == Status.EXCUSED
    # Ticked: the change is written, and the record says it came from the sheet.
    client.post(url, {"downgrade": "2"})
    record = AttendanceRecord.objects.get(user=zhang)
    assert record.status == Status.ABSENT and record.method == "import"
    roster = client.get(reverse("attendance:roster", args=[session.pk, venue.pk])).content.decode()
    assert "签到表导入" in roster or "纸质签到表" in roster
    assert "协调员" not in roster.split('class="roster-table"')[1].split("</table>")[0]


def test_apply_every_downgrade_option(session, session_venue, zhang, venue_coordinator):
    services.mark(session_venue, [zhang.pk], Status.PRESENT, by=venue_coordinator)
    stored = stored_sheet(session_venue, "姓名,手机,状态\n张三,13800000001,缺席\n", venue_coordinator)
    assert sheet_import.apply_import(stored, session_venue, venue_coordinator) == 0
    assert AttendanceRecord.objects.get(user=zhang).status == Status.PRESENT
    assert sheet_import.apply_import(stored, session_venue, venue_coordinator, all_downgrades=True) == 1
    assert AttendanceRecord.objects.get(user=zhang).status == Status.ABSENT


def test_an_upgrade_is_listed_as_a_change_and_written(session, session_venue, zhang, venue_coordinator):
    services.mark(session_venue, [zhang.pk], Status.ABSENT, by=venue_coordinator)
    text = "姓名,手机,状态\n张三,13800000001,出席\n"
    planned = plan(session_venue, text, venue_coordinator).rows[0]
    assert planned.status_changes and not planned.downgrade and planned.current_status == Status.ABSENT


def test_a_total_line_is_recognised_and_skipped(session_venue, zhang, venue_coordinator):
    result = plan(session_venue, "姓名,手机\n张三,13800000001\n合计：1人,\n", venue_coordinator)
    assert [row.name for row in result.rows] == ["张三"] and result.summary_lines == [3]
    result = plan(session_venue, "Name,Phone\n张三,13800000001\nTotal: 1,\n", venue_coordinator)
    assert len(result.rows) == 1 and result.summary_lines == [3]


def test_a_header_only_file_says_there_are_no_rows(client, session, venue, session_venue, venue_coordinator):
    stored = stored_sheet(session_venue, "姓名,单位,手机\n", venue_coordinator)
    client.force_login(venue_coordinator)
    url = reverse("attendance:import_preview", args=[session.pk, venue.pk, stored.pk])
    html = client.get(url).content.decode()
    assert 'id="no-rows"' in html and "没有可导入的行" in html
    with pytest.raises(services.AttendanceError) as error:
        sheet_import.apply_import(stored, session_venue, venue_coordinator)
    assert error.value.code == "no_rows"


def test_a_check_in_time_column_is_read_and_validated(session, session_venue, zhang, venue_coordinator):
    from django.utils import timezone

    late = timezone.localtime(session.late_after + timezone.timedelta(minutes=5)).strftime("%H:%M")
    early = timezone.localtime(session.checkin_opens_at + timezone.timedelta(minutes=1)).strftime("%H:%M")
    text = f"姓名,手机,签到时间\n张三,13800000001,{late}\n李四,13800000002,25:99\n王五,13800000003,{early}\n"
    rows = {row.name: row for row in plan(session_venue, text, venue_coordinator).rows}
    assert rows["张三"].status == Status.LATE and rows["张三"].signed_at.strftime("%H:%M") == late
    assert rows["李四"].errors and "签到时间" in rows["李四"].errors[0]
    assert rows["王五"].status == Status.PRESENT
    stored = stored_sheet(session_venue, "姓名,手机,签到时间\n张三,13800000001," + late + "\n", venue_coordinator)
    sheet_import.apply_import(stored, session_venue, venue_coordinator)
    record = AttendanceRecord.objects.get(user=zhang)
    assert record.status == Status.LATE and timezone.localtime(record.status_given_at).strftime("%H:%M") == late
