"""axe-core on the pages people work in, signed in, at phone (375×812) and desktop (1280×800) sizes:
course, lesson with the calculator, quiz attempt, check-in (code entry with an error, QR confirm),
the coordinator's roster, venue screen and sheet import (refusing a file), a record's history, and the
organiser's reports dashboard in the Wagtail admin. Site pages must also fit a 375 px phone.

No serious or critical violation is allowed. The data is the security tests' data set
(tests/security/world.py) plus a lesson with the settlement calculator.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from accounts import roles
from attendance import codes
from attendance.models import ExpectedParticipant
from courses.demo import build_course_indexes
from home.demo import build_home_pages
from tests.courses.factories import lessons_of, make_course
from tests.factories import UserFactory
from tests.security.world import build_world

from .axe import assert_accessible, axe_violations, describe
from .conftest import PHONE

CALCULATOR_BODY = [
    {"type": "markdown", "value": "## 应清缴配额\n\n应清缴配额等于**核查排放量**。"},
    {"type": "calculator", "value": {"title": "试算清缴", "intro": "", "verified_emissions": 1000000}},
]


def assert_fits_the_phone(page, viewport):
    """Nothing on a site page is wider than a 375 px phone (the page never scrolls sideways)."""
    if viewport == PHONE:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def check(page, viewport):
    assert_accessible(page)
    assert_fits_the_phone(page, viewport)


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


@pytest.fixture
def world(db):
    build_home_pages()
    build_course_indexes()
    return build_world()


def open_page(page, live_server, user, path, heading=None):
    sign_in(page, live_server, user)
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    if heading:
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def test_course_page(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.trainee, world.course.url, heading=world.course.title)
    screenshot("course")
    check(page, viewport)


def test_lesson_with_calculator(live_server, page, screenshot, viewport, world):
    course = make_course(modules=1, lessons_per_module=1, body=CALCULATOR_BODY)
    lesson = lessons_of(course)[0]
    open_page(page, live_server, world.trainee, lesson.url, heading=lesson.title)
    check(page, viewport)
    # The calculator's answer and its error message are part of the page too.
    page.get_by_label("持有配额（吨）").fill("930000")
    page.get_by_label("持有 CCER（吨）").fill("80000")
    page.get_by_role("button", name="计算").click()
    expect(page.locator('[data-result] [data-field="shortfall"]')).to_have_text("20,000")
    check(page, viewport)
    page.get_by_label("持有 CCER（吨）").fill("-1")
    page.get_by_role("button", name="计算").click()
    expect(page.locator("[data-error]")).to_be_visible()
    screenshot("lesson-calculator")
    check(page, viewport)


def test_quiz_attempt(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.trainee, f"/quiz/attempt/{world.open_attempt.public_id}/")
    expect(page.locator('input[name="q-1"]').first).to_be_visible()
    screenshot("attempt")
    check(page, viewport)


def test_quiz_review(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.trainee, f"/quiz/attempt/{world.submitted_attempt.public_id}/review/")
    screenshot("review")
    check(page, viewport)


def test_check_in_by_code_with_a_wrong_code(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.other_trainee, "/attendance/check-in/", heading="签到")
    check(page, viewport)
    page.get_by_label("屏幕上的签到码").fill("000000")
    page.get_by_role("button", name="签到").click()
    expect(page.locator(".outcome")).to_be_visible()
    screenshot("code-refused")
    check(page, viewport)


def test_check_in_qr_confirm(live_server, page, screenshot, viewport, world):
    newcomer = UserFactory(real_name="丙学员", default_venue=world.venue_y, roles=[roles.TRAINEE])
    ExpectedParticipant.objects.create(session=world.session, venue=world.venue_y, user=newcomer)
    ticket = codes.make_ticket(world.session.pk, world.venue_y.pk, newcomer.pk)
    open_page(page, live_server, newcomer, f"/attendance/check-in/t/{ticket}/")
    expect(page.get_by_text(world.venue_y.name).first).to_be_visible()
    check(page, viewport)
    page.get_by_role("button", name="在此签到").click()
    expect(page.locator(".outcome")).to_contain_text("签到成功")
    screenshot("qr-done")
    check(page, viewport)


def test_coordinator_roster(live_server, page, screenshot, viewport, world):
    path = f"/attendance/roster/{world.session.pk}/{world.venue_x.pk}/"
    open_page(page, live_server, world.coordinator_x, path, heading=world.venue_x.name)
    screenshot("roster")
    check(page, viewport)


def test_sheet_import_with_an_unreadable_file(live_server, page, screenshot, viewport, world, tmp_path):
    path = f"/attendance/roster/{world.session.pk}/{world.venue_x.pk}/import/"
    open_page(page, live_server, world.coordinator_x, path)
    junk = tmp_path / "签到表.xlsx"
    junk.write_bytes(b"not a spreadsheet")
    page.locator('input[type="file"]').set_input_files(str(junk))
    page.get_by_role("button", name="预览").click()
    expect(page.locator(".errorlist")).to_contain_text("无法打开")
    screenshot("import-refused")
    check(page, viewport)


def test_record_history(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.trainee, f"/attendance/records/{world.record.pk}/")
    screenshot("record-history")
    check(page, viewport)


def test_venue_screen(live_server, page, screenshot, viewport, world):
    open_page(page, live_server, world.coordinator_x, f"/attendance/screen/{world.session.pk}/{world.venue_x.pk}/")
    expect(page.locator("#screen-qr svg")).to_be_visible()
    screenshot("screen")
    check(page, viewport)


def test_organiser_reports_dashboard(live_server, page, screenshot, viewport, world):
    """Wagtail's admin chrome passes too, so axe runs on the whole page, not only our content."""
    open_page(page, live_server, world.organiser, "/admin/reports/")
    expect(page.locator(".report-nav")).to_be_visible()
    screenshot("dashboard")
    violations = axe_violations(page)
    assert not violations, describe(violations)
