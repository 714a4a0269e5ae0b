"""Attendance in a real browser: the projected venue screen, phones checking in by code and by
QR link (signing in on the way), the screen's list updating, a walk-in, and a GBK sheet preview."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from accounts import roles
from attendance import codes
from attendance.models import AttendanceRecord, ExpectedParticipant, Method
from tests.attendance.factories import TrainingSessionFactory
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory, VenueFactory

UPDATE_TIMEOUT = 15_000  # the screen polls every 4 s


def sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def phone_shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"attendance-phone-{name}.png"), full_page=True)


@pytest.fixture
def event(db):
    venue = VenueFactory(name="济南市历下区分会场")
    session = TrainingSessionFactory(title="全国碳市场履约动员会", venues=[venue, VenueFactory(name="青岛市分会场")])
    coordinator = UserFactory(real_name="历下联络员", roles=[roles.COORDINATOR])
    venue.coordinators.add(coordinator)
    organisation = OrganisationFactory(name="华能济南黄台发电有限公司")
    typist = UserFactory(real_name="陈输码", organisation=organisation, roles=[roles.TRAINEE])
    scanner = UserFactory(real_name="林扫码", organisation=organisation, roles=[roles.TRAINEE])
    for person in (typist, scanner):
        ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    return {"session": session, "venue": venue, "coordinator": coordinator, "typist": typist, "scanner": scanner}


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_screen_code_and_qr_check_ins_update_the_list(live_server, page, browser, screenshot, viewport, event):
    session, venue = event["session"], event["venue"]
    sign_in(page.context, live_server, event["coordinator"])
    page.goto(f"{live_server.url}/attendance/screen/{session.pk}/{venue.pk}/")
    expect(page.get_by_role("heading", name=session.title)).to_be_visible()
    expect(page.locator("#screen-qr svg")).to_be_visible()
    expect(page.locator("#screen-waiting")).to_contain_text("陈输码")
    expect(page.locator("#screen-count")).to_have_text("0")
    screenshot("screen-before")

    # A phone types the code shown in large digits.
    phone = browser.new_context(viewport=PHONE, locale="zh-CN")
    sign_in(phone, live_server, event["typist"])
    typist_page = phone.new_page()
    typist_page.goto(f"{live_server.url}/attendance/check-in/")
    code = page.locator("#screen-code").inner_text().replace(" ", "")
    typist_page.get_by_label("屏幕上的签到码").fill(code)
    typist_page.get_by_role("button", name="签到").click()
    expect(typist_page.locator(".outcome")).to_contain_text("签到成功")
    expect(typist_page.locator(".outcome")).to_contain_text(venue.name)
    phone_shot(typist_page, "code-done")
    phone.close()

    # Another phone "scans" the QR code: its link, signing in on the way.
    qr_link = page.locator("#screen-qr-link").get_attribute("href")
    scanner = browser.new_context(viewport=PHONE, locale="zh-CN")
    scanner_page = scanner.new_page()
    scanner_page.goto(qr_link)
    expect(scanner_page).to_have_url(re.compile(r"/accounts/login/\?next=.*check-in"))
    scanner_page.locator('input[name="login"]').fill(event["scanner"].email)
    scanner_page.locator('input[name="password"]').fill(TEST_PASSWORD)
    scanner_page.locator('form button[type="submit"]').last.click()
    expect(scanner_page.get_by_text(venue.name)).to_be_visible()
    phone_shot(scanner_page, "qr-confirm")
    scanner_page.get_by_role("button", name="在此签到").click()
    expect(scanner_page.locator(".outcome")).to_contain_text("签到成功")
    phone_shot(scanner_page, "qr-done")
    scanner.close()

    # The projector's list catches up without a reload.
    expect(page.locator("#screen-count")).to_have_text("2", timeout=UPDATE_TIMEOUT)
    expect(page.locator("#screen-checked-in")).to_contain_text("陈输码")
    expect(page.locator("#screen-checked-in")).to_contain_text("林扫码")
    expect(page.locator("#screen-waiting-count")).to_have_text("0")
    screenshot("screen-after")
    methods = dict(AttendanceRecord.objects.values_list("user__real_name", "method"))
    assert methods == {"陈输码": Method.CODE, "林扫码": Method.QR}


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_coordinator_marks_a_walk_in(live_server, page, screenshot, viewport, event):
    session, venue = event["session"], event["venue"]
    UserFactory(real_name="周临时", phone="13912340000", roles=[roles.TRAINEE])
    sign_in(page.context, live_server, event["coordinator"])
    page.goto(f"{live_server.url}/attendance/roster/{session.pk}/{venue.pk}/")
    expect(page.get_by_role("heading", name=venue.name)).to_be_visible()
    screenshot("roster")
    page.get_by_role("link", name="现场补录").first.click()
    page.get_by_label("手机号码").fill("13912340000")
    page.get_by_role("button", name="搜索").click()
    page.get_by_role("button", name="登记为出席", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("周临时")
    row = page.locator("tr", has_text="周临时")
    expect(row).to_contain_text("出席")
    expect(row).to_contain_text("补录")
    screenshot("roster-walk-in")
    record = AttendanceRecord.objects.get(user__real_name="周临时")
    assert record.method == Method.COORDINATOR and record.recorded_by == event["coordinator"]


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_gbk_sheet_preview_shows_the_bad_row(live_server, page, screenshot, viewport, event):
    session, venue = event["session"], event["venue"]
    sheet = (
        "姓名,单位,手机,签名\n陈输码,华能济南黄台发电有限公司,,陈输码\n林扫码,华能济南黄台发电有限公司,12345,林扫码\n"
    )
    sign_in(page.context, live_server, event["coordinator"])
    page.goto(f"{live_server.url}/attendance/roster/{session.pk}/{venue.pk}/import/")
    page.get_by_label("已填写的签到表（CSV 或 XLSX）").set_input_files(
        files=[{"name": "历下签到表.csv", "mimeType": "text/csv", "buffer": sheet.encode("gbk")}]
    )
    page.get_by_role("button", name="预览").click()
    expect(page.get_by_role("heading", name="导入预览")).to_be_visible()
    expect(page.get_by_text("GB18030/GBK")).to_be_visible()
    bad = page.locator("tr[data-line='3']")
    expect(bad).to_have_class("row-error")
    expect(bad).to_contain_text("手机号“12345”格式错误")
    expect(page.locator("tr[data-line='2']")).to_contain_text("新增记录")
    screenshot("import-preview")
    assert not AttendanceRecord.objects.exists()  # a preview writes nothing


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_phone_retries_a_check_in_answered_503(live_server, page, viewport, event):
    """Two 503s (a server restarting behind the load balancer), then the third try is recorded once."""
    session, venue = event["session"], event["venue"]
    sign_in(page.context, live_server, event["typist"])
    page.goto(f"{live_server.url}/attendance/check-in/")
    refused = []

    def unavailable_twice(route):
        if route.request.method == "POST" and len(refused) < 2:
            refused.append(route.request.url)
            route.fulfill(status=503, content_type="text/html", body="<h1>Service unavailable</h1>")
        else:
            route.continue_()

    page.route("**/attendance/**", unavailable_twice)
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    page.get_by_label("屏幕上的签到码").fill(code)
    page.get_by_role("button", name="签到").click()
    expect(page.locator(".outcome")).to_contain_text("签到成功", timeout=UPDATE_TIMEOUT)
    assert len(refused) == 2
    assert AttendanceRecord.objects.filter(session=session, user=event["typist"]).count() == 1
