"""The final submit of autosaved answers: nothing is lost, nothing is rewritten, one grade."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import AttemptAnswer, SelectedOption
from quizzes.services import save_answers, start_attempt, submit_attempt

from . import factories
from .test_attempts import answer_all_correctly

pytestmark = pytest.mark.django_db


def statements(captured, verb: str, table: str) -> list[str]:
    return [q["sql"] for q in captured if q["sql"].upper().startswith(verb) and table in q["sql"]]


def test_submitting_the_autosaved_answers_rewrites_no_selection(trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, shuffle_options=True)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    save_answers(attempt, values)  # the page's autosave
    selected_before = set(SelectedOption.objects.filter(answer__attempt=attempt).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as captured:
        attempt, graded = submit_attempt(attempt, values)  # the form sends the same values
    assert graded and attempt.percent == 100
    assert not statements(captured, "DELETE", "quizzes_selectedoption")
    assert not statements(captured, "INSERT", "quizzes_selectedoption")
    assert set(SelectedOption.objects.filter(answer__attempt=attempt).values_list("pk", flat=True)) == selected_before


def test_an_answer_changed_in_the_final_form_is_the_one_graded(trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, shuffle_options=False)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    save_answers(attempt, values)
    single = AttemptAnswer.objects.filter(attempt=attempt, question__kind="single").order_by("position").first()
    wrong = next(str(i) for i in range(len(single.option_order)) if str(i) != values[single.position])
    attempt, graded = submit_attempt(attempt, {**values, single.position: wrong})
    assert graded and attempt.percent < 100
    answers = {a.position: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    assert answers[single.position].is_correct is False
    assert all(a.is_correct for position, a in answers.items() if position != single.position)
    _attempt, graded_again = submit_attempt(attempt, values)  # a second click changes nothing
    assert not graded_again
    assert AttemptAnswer.objects.get(pk=single.pk).is_correct is False
