"""Courses in a real browser: a trainee learns on a phone, an instructor edits and an organiser
approves in the Wagtail admin, a certificate is downloaded and its code verified."""

import re
import subprocess

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from courses import services
from courses.demo import build_course_indexes, build_workflow_and_permissions
from courses.models import CourseIndexPage, LessonPage
from home.demo import build_home_pages
from tests.browser.conftest import DESKTOP, PHONE, hold_script
from tests.courses.factories import lessons_of, make_course
from tests.factories import UserFactory

from .axe import assert_accessible

LESSON_BODY = [
    {
        "type": "markdown",
        "value": "## 应清缴配额\n\n应清缴配额等于**核查排放量**。\n\n| E | A | C |\n|---|---|---|\n| 1 | 2 | 3 |",
    },
    {"type": "calculator", "value": {"title": "试算清缴", "intro": "", "verified_emissions": 1000000}},
]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def course_tree(lessons_per_module=2, body=None):
    build_home_pages()
    build_course_indexes()
    build_workflow_and_permissions()
    index = CourseIndexPage.objects.get(locale__language_code="zh-hans")
    return make_course(modules=2, lessons_per_module=lessons_per_module, index=index, body=body or LESSON_BODY)


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_trainee_enrols_reads_calculates_completes_on_a_phone(live_server, page, screenshot, viewport):
    course = course_tree()
    trainee = UserFactory()
    sign_in(page, live_server, trainee)

    page.goto(live_server.url + course.url)
    expect(page.get_by_role("heading", name=course.title, level=1)).to_be_visible()
    assert_accessible(page)
    screenshot("course")
    page.get_by_role("button", name="报名本课程").click()

    # Enrolling leads straight to the first lesson.
    first = lessons_of(course)[0]
    expect(page).to_have_url(re.compile(re.escape(first.url) + "$"))
    expect(page.get_by_text("你已报名")).to_be_visible()
    expect(page.locator(".lesson-body table")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing overflows

    # The calculator answers in place with JavaScript.
    page.get_by_label("持有配额（吨）").fill("930,000")
    page.get_by_label("持有 CCER（吨）").fill("80000")
    page.get_by_role("button", name="计算").click()
    result = page.locator("[data-result]")
    expect(result.locator('[data-field="usable_ccer"]')).to_have_text("50,000")
    expect(result.locator('[data-field="shortfall"]')).to_have_text("20,000")
    # First cycle: a capped coal unit (allocation 700,000 t ⇒ due 900,000 t), explained step by step in place.
    page.get_by_label("持有配额（吨）").fill("850000")
    page.get_by_label("免费配额（吨）").fill("700000")
    page.get_by_label("机组类型").select_option("coal_300mw_plus")
    expect(result.locator('[data-field="allowances_due"]')).to_have_text("900,000")
    expect(result.locator('[data-field="shortfall"]')).to_have_text("5,000")
    expect(result.locator("[data-steps] li").first).to_contain_text(
        "免费配额 700,000 吨 + 经核查排放量的 20% 即 200,000 吨"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_label("持有 CCER（吨）").fill("-1")
    expect(page.locator("[data-error]")).to_have_text("持有 CCER不能为负数。")
    assert_accessible(page)
    screenshot("lesson-calculator")

    page.get_by_role("button", name="标记为已完成").click()
    expect(page.get_by_text("已标记本课时完成。")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(lessons_of(course)[1].url) + "$"))
    expect(page.get_by_role("progressbar", name="课程进度")).to_have_attribute("aria-valuenow", "25")

    page.goto(live_server.url + "/learning/")
    expect(page.get_by_role("heading", name="我的学习")).to_be_visible()
    expect(page.get_by_role("progressbar", name="进度")).to_have_attribute("aria-valuenow", "25")
    expect(page.get_by_role("link", name=re.compile("从上次中断处继续"))).to_be_visible()
    screenshot("my-learning")


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_calculator_works_without_javascript(live_server, browser, viewport):
    course = course_tree(lessons_per_module=1)
    context = browser.new_context(java_script_enabled=False, viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + lessons_of(course)[0].url)
    page.get_by_label("持有配额（吨）").fill("930000")
    page.get_by_label("持有 CCER（吨）").fill("80000")
    page.get_by_role("button", name="计算").click()
    expect(page).to_have_url(re.compile(r"\?calc=.*ccer_held=80000"))
    expect(page.locator('[data-field="shortfall"]')).to_have_text("20,000")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_calculator_answers_figures_typed_before_its_script_ran(live_server, page, viewport):
    course = course_tree(lessons_per_module=1)
    release = hold_script(page, "**/courses/calculator*.js")
    page.goto(live_server.url + lessons_of(course)[0].url, wait_until="commit")
    page.get_by_label("持有配额（吨）").fill("930000")
    page.get_by_label("持有 CCER（吨）").fill("80000")
    expect(page.locator("[data-result]")).to_be_hidden()
    release()
    expect(page.locator('[data-field="shortfall"]')).to_have_text("20,000")
    expect(page).not_to_have_url(re.compile(r"\?calc="))  # answered in place


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_instructor_edits_lesson_organiser_approves_and_it_is_published(live_server, page, screenshot, viewport):
    from accounts import roles

    course = course_tree(lessons_per_module=1)
    lesson = lessons_of(course)[0]
    instructor = UserFactory(roles=[roles.INSTRUCTOR])
    organiser = UserFactory(roles=[roles.ORGANISER])

    sign_in(page, live_server, instructor)
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("清缴配额的计算（修订）")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=re.compile("Submit to Course review|提交给课程审核")).click()
    expect(page.locator(".messages")).to_contain_text("已经提交进行审核")
    screenshot("instructor-submitted")
    assert LessonPage.objects.get(pk=lesson.pk).title != "清缴配额的计算（修订）"  # not live yet

    page.context.clear_cookies()
    sign_in(page, live_server, organiser)
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=re.compile("批准|Approve")).first.click()
    expect(page.locator(".messages")).to_contain_text("清缴配额的计算（修订）")
    screenshot("organiser-approved")

    published = LessonPage.objects.get(pk=lesson.pk)
    assert published.live and published.title == "清缴配额的计算（修订）"
    page.goto(live_server.url + published.url)
    expect(page.get_by_role("heading", name="清缴配额的计算（修订）", level=1)).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_certificate_download_and_verification(live_server, page, screenshot, viewport, tmp_path):
    course = course_tree(lessons_per_module=1)
    trainee = UserFactory(real_name="钱学员")
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    sign_in(page, live_server, trainee)

    page.goto(live_server.url + course.url)
    expect(page.get_by_role("progressbar", name="进度")).to_have_attribute("aria-valuenow", "100")
    page.get_by_role("button", name="领取证书").click()
    # The same page says so and offers the download (no silent download).
    expect(page.get_by_text("你的证书已生成。")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载证书").first.click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    assert "钱学员" in text and course.title in text
    code = re.search(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", text).group(0)

    page.context.clear_cookies()  # anyone may verify
    page.goto(live_server.url + "/learning/verify/")
    page.get_by_label("验证码").fill(code.lower())
    page.get_by_role("button", name="验证").click()
    expect(page.get_by_role("heading", name=re.compile("证书有效"))).to_be_visible()
    expect(page.get_by_text("钱学员")).to_be_visible()
    screenshot("verified")
