"""The final submit of autosaved answers: nothing is lost, nothing is rewritten, one grade."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import AttemptAnswer, SelectedOption
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.factories import UserFactory

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


def test_the_form_submit_takes_a_few_statements_and_grades_once(
    client, trainee, mixed_questions, django_assert_max_num_queries
):
    from django.urls import reverse

    from quizzes.models import Attempt

    quiz = factories.make_quiz(mixed_questions, shuffle_options=True)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    save_answers(attempt, values)  # autosaved
    client.force_login(trainee)
    url = reverse("quizzes:submit", args=[attempt.public_id])
    form = {"action": "submit", **{f"q-{p}": v for p, v in values.items()}}
    client.get(reverse("quizzes:history"))  # the session and the content cache are warm, as in a burst
    submit_attempt(start_attempt(UserFactory(), quiz)[0])  # the quiz's answer keys are cached
    # Session (the database store in tests), user, attempt, answers, their selections; then a
    # savepoint around two writes: the attempt closed and graded, the answers graded.
    with django_assert_max_num_queries(9) as captured:
        response = client.post(url, form)
    assert response.status_code == 302 and response.url.endswith("/review/")
    writes = [q["sql"] for q in captured if q["sql"].upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert len(writes) == 2, writes
    first = Attempt.objects.get(pk=attempt.pk)
    assert first.percent == 100 and first.passed and first.graded_at
    assert AttemptAnswer.objects.filter(attempt=attempt, is_correct=True).count() == len(mixed_questions)
    response = client.post(url, form)  # a double click
    assert response.url.endswith("/review/")
    assert Attempt.objects.get(pk=attempt.pk).graded_at == first.graded_at


def test_an_answer_saved_while_the_submit_grades_is_the_one_graded(trainee, mixed_questions, monkeypatch):
    """The submit reads and grades before it writes: an autosave landing in between makes it read again."""
    from quizzes.models import Attempt
    from quizzes.services import attempts

    quiz = factories.make_quiz(mixed_questions, shuffle_options=False)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    save_answers(attempt, values)
    single = AttemptAnswer.objects.filter(attempt=attempt, question__kind="single").get()
    wrong = next(str(i) for i in range(len(single.option_order)) if str(i) != values[single.position])
    real_keys, reads = attempts.answer_keys, []

    def keys_after_an_autosave(question_ids):
        reads.append(question_ids)
        if len(reads) == 1:  # between the submit's read and its write: another tab saves a wrong choice
            save_answers(Attempt.objects.get(pk=attempt.pk), {single.position: wrong})
        return real_keys(question_ids)

    monkeypatch.setattr(attempts, "answer_keys", keys_after_an_autosave)
    attempt, graded = submit_attempt(attempt)
    assert graded and len(reads) == 2  # read again after the autosave
    assert attempt.percent < 100
    answer = AttemptAnswer.objects.get(pk=single.pk)
    assert answer.is_correct is False
    assert set(SelectedOption.objects.filter(answer=answer).values_list("option_id", flat=True)) == {
        single.option_order[int(wrong)]
    }


def test_a_corrected_answer_key_grades_the_next_submit(trainee):
    question = factories.single(correct=0)
    quiz = factories.make_quiz([question], shuffle_options=False)
    first, _ = start_attempt(trainee, quiz)
    assert submit_attempt(first, {1: "0"})[0].percent == 100  # the answer key is cached now
    wrong, right = question.options.order_by("sort_order")[:2]
    wrong.is_correct, right.is_correct = False, True
    wrong.save()  # an editor corrects the key
    right.save()
    second, _ = start_attempt(UserFactory(), quiz)
    assert submit_attempt(second, {1: "0"})[0].percent == 0
    third, _ = start_attempt(UserFactory(), quiz)
    assert submit_attempt(third, {1: "1"})[0].percent == 100


def test_a_changed_pass_mark_applies_to_the_next_submit(trainee):
    quiz = factories.make_quiz([factories.single(correct=0), factories.single(correct=0)], shuffle_options=False)
    quiz.pass_mark = 50
    quiz.save_revision().publish()
    first, _ = start_attempt(trainee, quiz)
    assert submit_attempt(first, {1: "0", 2: "1"})[0].passed is True
    quiz.refresh_from_db()
    quiz.pass_mark = 60
    quiz.save_revision().publish()
    second, _ = start_attempt(UserFactory(), quiz)
    assert submit_attempt(second, {1: "0", 2: "1"})[0].passed is False
