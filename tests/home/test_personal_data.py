"""The personal-data download covers every app, and closing an account scrubs copied names."""

import json

import pytest
from django.urls import reverse

from accounts import roles
from attendance import checkin
from attendance.models import AttendanceRecord, Method
from courses import services as courses
from quizzes.services import attempts
from tests.attendance.factories import TrainingSessionFactory
from tests.courses.factories import lessons_of, make_course
from tests.factories import UserFactory, VenueFactory
from tests.quizzes import factories as quiz_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_trainee():
    """A trainee who enrolled, finished a course, took a quiz and checked in."""
    user = UserFactory(real_name="冯学员", roles=[roles.TRAINEE])
    course = make_course(modules=1, lessons_per_module=1, title="配额清缴实务")
    courses.enrol(user, course)
    courses.complete_lesson(user, lessons_of(course)[0])
    courses.issue_certificate(user, course)
    quiz = quiz_factories.make_quiz([quiz_factories.true_false(answer=True)], title="清缴测验")
    attempt, _created = attempts.start_attempt(user, quiz)
    attempts.submit_attempt(attempt)
    venue = VenueFactory(name="历城区分会场")
    session = TrainingSessionFactory(title="动员培训会", venues=[venue])
    checkin.check_in(user, session.pk, venue.pk, method=Method.CODE)
    return user


def test_download_contains_learning_quizzes_and_attendance(client, active_trainee):
    client.force_login(active_trainee)
    data = json.loads(client.get(reverse("accounts:download_data")).content)
    assert data["profile"]["real_name"] == "冯学员"
    assert [e["course"] for e in data["learning"]["enrolments"]] == ["配额清缴实务"]
    assert len(data["learning"]["lessons_completed"]) == 1
    assert data["learning"]["certificates"][0]["code"]
    assert [a["quiz"] for a in data["quiz_attempts"]] == ["清缴测验"]
    assert data["attendance"][0]["session"] == "动员培训会"
    assert data["attendance"][0]["venue"] == "历城区分会场"


def test_closing_the_account_keeps_records_and_scrubs_certificate_names(client, active_trainee):
    certificate = active_trainee.certificates.get()
    assert certificate.trainee_name == "冯学员"
    client.force_login(active_trainee)
    client.post(reverse("accounts:delete"), {"confirm": "on"})
    certificate.refresh_from_db()
    assert certificate.trainee_name == "—"
    assert AttendanceRecord.objects.filter(user=active_trainee).count() == 1
    assert active_trainee.enrolments.count() == 1


def test_my_data_obeys_the_review_policy_of_after_close_quizzes(client):
    """The download shows a score only when the review page would (review_access decides both)."""
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import QuizPage

    user = UserFactory(real_name="严学员", roles=[roles.TRAINEE])
    closes = timezone.now() + timedelta(hours=1)
    quiz = quiz_factories.make_quiz(
        [quiz_factories.true_false(answer=True)],
        title="闭卷测验",
        closes_at=closes,
        review_timing=QuizPage.ReviewTiming.AFTER_CLOSE,
    )
    attempt, _created = attempts.start_attempt(user, quiz)
    attempts.submit_attempt(attempt)
    client.force_login(user)
    before = json.loads(client.get(reverse("accounts:download_data")).content)["quiz_attempts"][0]
    assert before["score"] is None and before["passed"] is None and before["results_from"]
    attempt.refresh_from_db()
    assert attempt.score is not None  # graded, only held back
    QuizPage.objects.filter(pk=quiz.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    after = json.loads(client.get(reverse("accounts:download_data")).content)["quiz_attempts"][0]
    assert after["score"] == str(attempt.score) and after["passed"] is attempt.passed
