"""A trainee takes a quiz on a phone: autosave survives a reload and a dropped connection,
submitting shows only what the review policy allows, and a timed quiz submits itself."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import Attempt, QuizPage
from quizzes.services import start_attempt
from tests.browser.conftest import PHONE, hold_script
from tests.factories import UserFactory
from tests.quizzes import factories
from tests.quizzes.test_attempts import correct_keys


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def saved(page):
    """Wait for the next autosave the page sends to be confirmed by the server."""
    return page.expect_response(lambda r: "/answer/" in r.url and r.request.method == "POST" and r.status == 200)


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_take_quiz_reload_offline_submit_and_review(live_server, page, screenshot, viewport):
    questions = [
        factories.single(correct=2),
        factories.multiple(correct=(0, 2)),
        factories.true_false(answer=False),
        factories.numeric(answer="20000"),
        factories.short_text(),
    ]
    quiz = factories.make_quiz(questions, review_content=QuizPage.ReviewContent.ANSWERS, shuffle_options=True)
    trainee = UserFactory()
    sign_in(page, live_server, trainee)

    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="开始测验").click()
    expect(page.get_by_role("heading", name=quiz.title)).to_be_visible()
    attempt = Attempt.objects.get(user=trainee)
    answers = {a.position: a for a in attempt.answers.select_related("question")}

    # Single choice and multiple choice: each click is saved at once.
    with saved(page):
        page.locator(f'input[name="q-1"][value="{correct_keys(answers[1])[0]}"]').check()
    for key in correct_keys(answers[2]):
        with saved(page):
            page.locator(f'input[name="q-2"][value="{key}"]').check()
    with saved(page):
        page.get_by_label("错误").check()
    with saved(page):
        page.locator("#id_q-4").fill("20,000")
    expect(page.locator("#save-status")).to_have_text("答案已全部保存")
    screenshot("answering")

    # A reload mid-attempt loses nothing: the page comes back from the server's copy.
    page.reload()
    expect(page.locator(f'input[name="q-1"][value="{correct_keys(answers[1])[0]}"]')).to_be_checked()
    expect(page.locator("#id_q-4")).to_have_value("20,000")
    expect(page.locator('input[name="q-3"][value="false"]')).to_be_checked()

    # The connection drops while typing: the answer waits in the browser and is sent on reload.
    page.route("**/answer/", lambda route: route.abort())
    page.locator("#id_q-5").fill("注册登记系统")
    expect(page.locator("#save-status")).to_have_text(re.compile("网络中断"))
    page.unroute("**/answer/")
    with saved(page):
        page.reload()
    expect(page.locator("#id_q-5")).to_have_value("注册登记系统")
    expect(page.locator("#save-status")).to_have_text("答案已全部保存")
    assert attempt.answers.get(position=5).response_text == "注册登记系统"
    screenshot("after-reload")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="提交答案").click()
    expect(page.locator(".score")).to_contain_text("100%")
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.percent == 100
    # Policy "score and correct answers": correct answers shown, explanations not.
    expect(page.locator(".correct-option").first).to_be_visible()
    expect(page.get_by_text("解析", exact=False)).to_have_count(0)
    screenshot("review")


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_an_answer_chosen_before_the_autosave_script_runs_is_saved(live_server, page, viewport):
    quiz = factories.make_quiz([factories.true_false(answer=False), factories.numeric(answer="5")])
    trainee = UserFactory()
    attempt, _ = start_attempt(trainee, quiz)
    sign_in(page, live_server, trainee)
    release = hold_script(page, "**/quizzes/attempt*.js")

    page.goto(f"{live_server.url}/quiz/attempt/{attempt.public_id}/", wait_until="commit")
    page.get_by_label("错误").check()
    assert attempt.answers.get(position=1).response_text == ""
    with saved(page):
        release()
    expect(page.locator("#save-status")).to_have_text("答案已全部保存")
    assert attempt.answers.get(position=1).response_text == "false"
    assert attempt.answers.get(position=2).response_text == ""  # untouched answers are not sent


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_timed_quiz_submits_itself_when_time_runs_out(live_server, page, screenshot, viewport):
    questions = [factories.true_false(answer=True), factories.numeric(answer="50000")]
    quiz = factories.make_quiz(questions, time_limit_minutes=1)
    trainee = UserFactory()
    # Started 52 seconds ago: eight seconds are left when the page opens.
    attempt, _ = start_attempt(trainee, quiz, now=timezone.now() - timedelta(seconds=52))
    sign_in(page, live_server, trainee)

    page.goto(f"{live_server.url}/quiz/attempt/{attempt.public_id}/")
    timer = page.locator(".timer")
    expect(timer).to_have_text(re.compile(r"剩余时间 0:0\d"))
    with saved(page):
        page.get_by_label("正确").check()
    screenshot("timer")
    # Nobody presses submit: the page submits at the deadline and the server grades it.
    expect(page).to_have_url(re.compile(r"/review/$"), timeout=20_000)
    expect(page.locator(".score")).to_contain_text("50%")
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score == 1
    screenshot("expired-review")
    # Going back to the attempt page only shows the review.
    page.goto(f"{live_server.url}/quiz/attempt/{attempt.public_id}/")
    expect(page).to_have_url(re.compile(r"/review/$"))
