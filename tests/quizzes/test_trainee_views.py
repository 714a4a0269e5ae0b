"""Trainee pages: nothing secret reaches the browser early; forged fields are ignored; clicks are idempotent."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.services import unmet_requirements
from quizzes.models import Attempt, QuizPage
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.factories import UserFactory
from tests.quizzes import factories
from tests.quizzes.test_attempts import answer_all_correctly, correct_keys

pytestmark = pytest.mark.django_db

SECRETS_IN_QUESTIONS = ["解析", "全国碳排放权注册登记系统", "20000", "is_correct", "correct-option", "tag-correct"]


def start_in_browser(client, quiz) -> Attempt:
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302
    return Attempt.objects.get(public_id=response.url.rstrip("/").split("/")[-1])


def autosave(client, attempt, payload):
    return client.post(
        reverse("quizzes:autosave", args=[attempt.public_id]), json.dumps(payload), content_type="application/json"
    )


def test_quiz_page_anonymous_and_signed_in(client, trainee, quiz):
    html = client.get(quiz.url).content.decode()
    assert "/accounts/login/" in html
    client.force_login(trainee)
    html = client.get(quiz.url).content.decode()
    assert reverse("quizzes:start", args=[quiz.pk]) in html
    assert "60%" in html


def test_double_click_on_start_opens_one_attempt(client, trainee, quiz):
    client.force_login(trainee)
    first = start_in_browser(client, quiz)
    second = start_in_browser(client, quiz)
    assert first.pk == second.pk and Attempt.objects.count() == 1
    assert client.get(reverse("quizzes:start", args=[quiz.pk])).status_code == 405


def test_attempt_page_and_autosave_reveal_nothing(client, trainee, quiz):
    client.force_login(trainee)
    attempt = start_in_browser(client, quiz)
    response = client.get(reverse("quizzes:attempt", args=[attempt.public_id]))
    html = response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")
    assert "单选题" in html and "tCO2e" in html
    for secret in SECRETS_IN_QUESTIONS:
        assert secret not in html, secret
    option_values = set(re.findall(r'name="q-1" value="([^"]+)"', html))
    assert option_values == {"0", "1", "2", "3"}  # positions, never option ids
    response = autosave(client, attempt, {"position": 1, "value": "2"})
    assert response.status_code == 200
    assert set(response.json()) == {"ok", "position", "saved_at"}


def test_forged_score_and_correct_fields_are_ignored(client, trainee, quiz):
    client.force_login(trainee)
    attempt = start_in_browser(client, quiz)
    wrong = next(k for k in "0123" if k not in correct_keys(attempt.answers.get(position=1)))
    response = autosave(
        client, attempt, {"position": 1, "value": wrong, "correct": True, "score": 100, "awarded": 5, "passed": True}
    )
    assert response.status_code == 200
    client.post(
        reverse("quizzes:submit", args=[attempt.public_id]),
        {"action": "submit", "q-1": wrong, "score": "6", "percent": "100", "passed": "on", "q-1-correct": "1"},
    )
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score == 0 and attempt.passed is False
    assert attempt.answers.get(position=1).is_correct is False


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"position": 1, "value": "7"}, 400, "bad_answer"),
        ({"position": 42, "value": "1"}, 400, "no_such_question"),
        ({"position": "x"}, 400, "bad_request"),
        ({"position": 1, "value": {"a": 1}}, 400, "bad_request"),
    ],
)
def test_autosave_refuses_bad_requests(client, trainee, quiz, payload, status, code):
    client.force_login(trainee)
    attempt = start_in_browser(client, quiz)
    response = autosave(client, attempt, payload)
    assert response.status_code == status and response.json()["code"] == code


def test_autosave_after_time_up_is_refused(client, trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, time_limit_minutes=1)
    attempt, _ = start_attempt(trainee, quiz, now=timezone.now() - timedelta(minutes=5))
    client.force_login(trainee)
    response = autosave(client, attempt, {"position": 3, "value": "false"})
    assert response.status_code == 409 and response.json()["code"] == "time_up"
    # Opening the attempt now says the time is up; reading grades nothing, the submit does.
    response = client.get(reverse("quizzes:attempt", args=[attempt.public_id]))
    assert response.status_code == 302 and response.url.endswith("/review/")
    page = client.get(response.url).content.decode()
    assert "时间已到" in page
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.graded_at is None
    response = client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "submit"})
    assert response.status_code == 302 and response.url.endswith("/review/")
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.timed_out


def test_other_peoples_attempts_are_404_and_anonymous_goes_to_login(client, trainee, quiz):
    attempt, _ = start_attempt(trainee, quiz)
    for name in ("quizzes:attempt", "quizzes:review"):
        url = reverse(name, args=[attempt.public_id])
        assert client.get(url).status_code == 302
        client.force_login(UserFactory())
        assert client.get(url).status_code == 404
        client.logout()
    client.force_login(UserFactory())
    assert autosave(client, attempt, {"position": 1, "value": "0"}).status_code == 404


def test_no_javascript_save_then_submit(client, trainee, quiz):
    client.force_login(trainee)
    attempt = start_in_browser(client, quiz)
    values = {f"q-{p}": v for p, v in answer_all_correctly(attempt).items()}
    response = client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "save", **values})
    assert response.status_code == 302 and response.url.endswith(f"/attempt/{attempt.public_id}/")
    html = client.get(response.url).content.decode()
    assert "checked" in html and 'value="20000.000000"' in html
    attempt.refresh_from_db()
    assert attempt.is_open
    response = client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "submit", **values})
    assert response.url.endswith("/review/")
    # A second click on "Submit" (or a second tab) grades nothing again.
    graded_at = Attempt.objects.get(pk=attempt.pk).graded_at
    client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "submit"})
    attempt.refresh_from_db()
    assert attempt.graded_at == graded_at and attempt.percent == 100


def submitted_attempt(user, **quiz_fields):
    questions = [factories.single(correct=1), factories.numeric(answer="20000")]
    quiz = factories.make_quiz(questions, **quiz_fields)
    attempt, _ = start_attempt(user, quiz)
    values = answer_all_correctly(attempt)
    values[2] = "1"  # wrong numeric answer
    save_answers(attempt, values)
    return submit_attempt(attempt)[0]


def review_html(client, attempt) -> str:
    response = client.get(reverse("quizzes:review", args=[attempt.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_review_score_only(client, trainee):
    attempt = submitted_attempt(trainee, review_content=QuizPage.ReviewContent.SCORE)
    client.force_login(trainee)
    html = review_html(client, attempt)
    assert "50%" in html
    for secret in ["解析", "20000", "correct-option", "单选题"]:
        assert secret not in html


def test_review_correct_answers_without_explanations(client, trainee):
    attempt = submitted_attempt(trainee, review_content=QuizPage.ReviewContent.ANSWERS)
    client.force_login(trainee)
    html = review_html(client, attempt)
    assert "50%" in html and "correct-option" in html and "20000" in html
    assert "解析" not in html


def test_review_with_explanations(client, trainee):
    attempt = submitted_attempt(trainee)
    client.force_login(trainee)
    html = review_html(client, attempt)
    assert "解析" in html and "碳排放权交易管理办法" in html


def test_review_after_close_holds_everything_back(client, trainee):
    closes = timezone.now() + timedelta(days=1)
    attempt = submitted_attempt(
        trainee, review_timing=QuizPage.ReviewTiming.AFTER_CLOSE, closes_at=closes, time_limit_minutes=None
    )
    client.force_login(trainee)
    for html in (review_html(client, attempt), client.get(reverse("quizzes:history")).content.decode()):
        assert "50%" not in html and "解析" not in html and "20000" not in html
    assert "50%" not in client.get(attempt.quiz.url).content.decode()
    QuizPage.objects.filter(pk=attempt.quiz_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    html = review_html(client, attempt)
    assert "50%" in html and "解析" in html


def test_history_lists_my_attempts_only(client, trainee, quiz):
    mine, _ = start_attempt(trainee, quiz)
    submit_attempt(mine)
    start_attempt(UserFactory(), quiz)
    client.force_login(trainee)
    html = client.get(reverse("quizzes:history")).content.decode()
    assert html.count(str(mine.public_id)) == 1 and quiz.title in html
    assert html.count("/review/") == 1


def test_lesson_shows_quiz_and_course_requires_a_pass(client, trainee, mixed_questions):
    module, lesson = factories.module_and_lesson()
    quiz = factories.make_quiz(mixed_questions, module=module, lesson=lesson)
    course = quiz.get_parent().get_parent().specific
    client.force_login(trainee)
    html = client.get(lesson.url).content.decode()
    assert quiz.url in html and "测验" in html
    assert any(quiz.title in str(item) for item in unmet_requirements(trainee, course))
    attempt, _ = start_attempt(trainee, quiz)
    save_answers(attempt, answer_all_correctly(attempt))
    submit_attempt(attempt)
    html = client.get(lesson.url).content.decode()
    assert "100%" in html
    assert unmet_requirements(trainee, course) == []


def test_a_quiz_published_after_the_lesson_was_read_appears_below_it(client, trainee, mixed_questions):
    """The lesson's quiz list is cached per content generation: publishing a quiz shows it at once."""
    module, lesson = factories.module_and_lesson()
    client.force_login(trainee)
    assert "/quiz-" not in client.get(lesson.url).content.decode()
    quiz = factories.make_quiz(mixed_questions, module=module, lesson=lesson, live=False)
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    assert quiz.url in client.get(lesson.url).content.decode()
    quiz.unpublish()
    assert quiz.url not in client.get(lesson.url).content.decode()


def test_lesson_page_read_again_follows_the_trainees_attempts(client, trainee, mixed_questions):
    """The lesson body is shared by everyone; the quiz box below it is the trainee's own, every time."""
    module, lesson = factories.module_and_lesson()
    quiz = factories.make_quiz(mixed_questions, module=module, lesson=lesson)
    client.force_login(trainee)
    client.get(lesson.url)
    client.get(lesson.url)
    before = client.get(lesson.url).content.decode()
    assert quiz.url in before
    attempt, _ = start_attempt(trainee, quiz)
    during = client.get(lesson.url).content.decode()
    assert during != before  # "Continue the quiz" now
    save_answers(attempt, answer_all_correctly(attempt))
    submit_attempt(attempt)
    assert "100%" in client.get(lesson.url).content.decode()
