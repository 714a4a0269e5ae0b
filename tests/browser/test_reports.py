"""Reports in a real browser: an organiser drills from the province to one sub-venue in the Wagtail
admin, downloads the CSV and the XLSX, and both files hold exactly that venue's records."""

import csv
import io

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts import roles
from attendance.models import AttendanceRecord, Status
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import UserFactory
from tests.reports.conftest import build_world

STATUS_LABELS = {"present": "出席", "late": "迟到", "excused": "请假", "absent": "缺席"}


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def expected_rows(session, venue) -> set:
    records = AttendanceRecord.objects.filter(session=session, venue=venue).select_related("user")
    return {(r.user.real_name, STATUS_LABELS[r.status]) for r in records}


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_organiser_drills_down_and_downloads_csv_and_xlsx(live_server, page, screenshot, viewport, tmp_path):
    world = build_world()
    organiser = UserFactory(roles=[roles.ORGANISER], organisation=None)
    sign_in(page, live_server, organiser)

    page.goto(f"{live_server.url}/admin/reports/")
    expect(page.get_by_role("heading", name="培训场次")).to_be_visible()
    page.get_by_role("link", name=world.session.title).click()  # the session, at province level
    expect(page.locator(".report-trail")).to_contain_text("山东省")
    expect(page.locator("svg.report-chart").first).to_be_visible()
    screenshot("province")

    page.locator(".report-table").get_by_role("link", name="济南市").click()
    expect(page.locator(".report-trail")).to_contain_text("济南市")
    page.locator(".report-table").get_by_role("link", name="历下区").click()
    expect(page.locator(".report-trail")).to_contain_text("历下区")
    page.locator(".report-table").get_by_role("link", name="历下区分会场").click()
    roster = page.locator("#roster")
    expect(roster).to_contain_text("甲")
    expect(roster).to_contain_text("乙")
    expect(roster).not_to_contain_text("丙")
    screenshot("venue")

    with page.expect_download() as csv_download:
        page.locator('[data-export="csv"]').click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    with page.expect_download() as xlsx_download:
        page.locator('[data-export="xlsx"]').click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)

    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and csv_path.suffix == ".csv"
    csv_rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    xlsx_rows = [["" if v is None else str(v) for v in row] for row in load_workbook(xlsx_path).active.values]
    want = expected_rows(world.session, world.lixia)
    assert len(want) == 2
    for rows in (csv_rows, xlsx_rows):
        header = rows[0]
        name, status, venue = header.index("姓名"), header.index("状态"), header.index("分会场")
        assert {(row[name], row[status]) for row in rows[1:]} == want
        assert {row[venue] for row in rows[1:]} == {"历下区分会场"}
    assert csv_rows == xlsx_rows


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_coordinator_dashboard_on_a_phone(live_server, page, screenshot, viewport):
    world = build_world()
    sign_in(page, live_server, world.coordinator)
    page.goto(f"{live_server.url}/admin/reports/attendance/?session={world.session.pk}&city=370100")
    table = page.locator(".report-table").first
    expect(table).to_contain_text("历下区")
    expect(table).not_to_contain_text("市中区")
    expect(page.get_by_text("您只能看到自己负责的分会场。")).to_be_visible()
    screenshot("coordinator-city")
    page.goto(f"{live_server.url}/admin/reports/coverage/")
    expect(page.locator("#units-table")).to_contain_text("历下热电有限公司")
    screenshot("coordinator-coverage")
    assert Status.PRESENT in STATUS_LABELS
