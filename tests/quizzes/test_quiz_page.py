"""The quiz page in the course tree: where it may live, its rules, and the editor."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bench.grading import measure
from courses.models import CoursePage, LessonPage, ModulePage
from quizzes.models import Attempt, QuizPage
from quizzes.services import start_attempt
from tests.factories import UserFactory
from tests.quizzes import factories

pytestmark = pytest.mark.django_db


def test_a_quiz_ends_a_module_and_nothing_else():
    module, lesson = factories.module_and_lesson()
    assert QuizPage.can_create_at(module)
    assert "quizzes.QuizPage" in [f"{m._meta.app_label}.{m.__name__}" for m in ModulePage.allowed_subpage_models()]
    assert not QuizPage.can_create_at(lesson)
    assert not QuizPage.can_create_at(CoursePage.objects.get(pk=module.get_parent().pk))
    assert not LessonPage.can_create_at(factories.make_quiz([factories.single()], module=module))


def test_review_after_close_needs_a_closing_time():
    quiz = QuizPage(title="t", review_timing=QuizPage.ReviewTiming.AFTER_CLOSE)
    with pytest.raises(ValidationError) as info:
        quiz.clean()
    assert "closes_at" in info.value.message_dict


def test_editor_can_add_a_quiz_under_a_module(admin_client):
    module, _lesson = factories.module_and_lesson()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", module.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "fixed_questions" in html and "draw_rules" in html


def test_instructor_sees_the_question_bank_menu(client, instructor):
    factories.single()
    client.force_login(instructor)
    response = client.get(reverse("wagtailsnippets_quizzes_question:list"))
    assert response.status_code == 200
    assert reverse("quizzes_admin:bank_import") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_close_expired_attempts_command(mixed_questions, capsys):
    quiz = factories.make_quiz(mixed_questions, time_limit_minutes=5)
    start_attempt(UserFactory(), quiz, now=timezone.now() - timedelta(hours=1))
    call_command("close_expired_attempts")
    assert "1 expired" in capsys.readouterr().out
    assert Attempt.objects.get().status == "submitted"


def test_bench_grading_measures_and_leaves_nothing():
    result = measure(runs=1)
    assert result["percent"] == "100.00" and result["grade_cpu_ms"] > 0
    assert not QuizPage.objects.exists() and not Attempt.objects.exists()
