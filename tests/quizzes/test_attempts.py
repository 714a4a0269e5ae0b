"""The attempt lifecycle: start, autosave, submit, grading, limits, time, idempotency."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import LessonCompletion
from quizzes.models import Attempt, AttemptAnswer, SelectedOption
from quizzes.services import (
    LATE_GRACE,
    QuizError,
    close_expired_attempts,
    grade_attempt,
    save_answer,
    save_answers,
    start_attempt,
    submit_attempt,
)
from tests.factories import UserFactory
from tests.quizzes import factories

pytestmark = pytest.mark.django_db


def key_of(answer, option_text) -> str:
    """The position the trainee sees for an option (what the browser sends)."""
    texts = dict(answer.question.options.values_list("pk", "text"))
    return str([texts[i] for i in answer.option_order].index(option_text))


def correct_keys(answer) -> list[str]:
    right = set(answer.question.options.filter(is_correct=True).values_list("pk", flat=True))
    return [str(i) for i, pk in enumerate(answer.option_order) if pk in right]


def answer_all_correctly(attempt) -> dict:
    values = {}
    for answer in attempt.answers.select_related("question"):
        kind = answer.question.kind
        if kind == "single":
            values[answer.position] = correct_keys(answer)[0]
        elif kind == "multiple":
            values[answer.position] = correct_keys(answer)
        elif kind == "true_false":
            values[answer.position] = "true" if answer.question.correct_boolean else "false"
        elif kind == "numeric":
            values[answer.position] = str(answer.question.numeric_answer)
        else:
            values[answer.position] = answer.question.accepted_answer_list[0]
    return values


def test_start_creates_one_answer_row_per_question(trainee, quiz, mixed_questions):
    attempt, created = start_attempt(trainee, quiz)
    assert created and attempt.number == 1 and attempt.is_open
    assert [a.question_id for a in attempt.answers.order_by("position")] == [q.pk for q in mixed_questions]
    choice = attempt.answers.get(position=1)
    assert sorted(choice.option_order) == sorted(choice.question.options.values_list("pk", flat=True))


def test_start_twice_returns_the_open_attempt(trainee, quiz):
    first, created = start_attempt(trainee, quiz)
    second, created_again = start_attempt(trainee, quiz)
    assert created and not created_again and first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_database_refuses_a_second_open_attempt(trainee, quiz):
    """The last line of defence when two requests race past the service's check."""
    start_attempt(trainee, quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            quiz=quiz, quiz_key=quiz.translation_key, user=trainee, number=2, started_at=timezone.now()
        )
    assert Attempt.objects.filter(status="in_progress").count() == 1


def test_autosave_and_submit_grades_on_the_server(trainee, quiz):
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    for position, value in values.items():
        save_answer(attempt, position, value)
    attempt, graded = submit_attempt(attempt)
    assert graded and attempt.status == "submitted"
    assert attempt.score == attempt.max_score == Decimal(6) and attempt.percent == 100 and attempt.passed
    assert not attempt.answers.filter(is_correct=False).exists()


def test_partial_credit_and_wrong_answers(trainee, quiz):
    attempt, _ = start_attempt(trainee, quiz)
    multi = attempt.answers.get(position=2)
    right = correct_keys(multi)
    wrong = next(k for k in ("0", "1", "2", "3") if k not in right)
    save_answers(attempt, {1: "0", 2: [right[0], wrong], 3: "true", 4: "20000.4", 5: "注册登记系统"})
    attempt, _ = submit_attempt(attempt)
    awarded = dict(attempt.answers.values_list("position", "awarded"))
    assert awarded == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}  # (1 right − 1 wrong) / 2 = 0
    assert attempt.score == 2 and attempt.percent == Decimal("33.33") and attempt.passed is False


def test_saving_again_replaces_the_choice(trainee, quiz):
    attempt, _ = start_attempt(trainee, quiz)
    save_answer(attempt, 2, ["0", "1"])
    save_answer(attempt, 2, ["3"])
    answer = attempt.answers.get(position=2)
    assert list(answer.selected.values_list("pk", flat=True)) == [answer.option_order[3]]


@pytest.mark.parametrize(
    ("position", "value", "code"),
    [(1, "9", "bad_answer"), (1, ["0", "1"], "bad_answer"), (3, "maybe", "bad_answer"), (99, "0", "no_such_question")],
)
def test_invalid_answers_are_refused(trainee, quiz, position, value, code):
    attempt, _ = start_attempt(trainee, quiz)
    with pytest.raises(QuizError) as info:
        save_answer(attempt, position, value)
    assert info.value.code == code


def test_submit_twice_grades_once(trainee, quiz):
    attempt, _ = start_attempt(trainee, quiz)
    save_answer(attempt, 3, "false")
    first, graded = submit_attempt(attempt)
    graded_at = first.graded_at
    second, graded_again = submit_attempt(attempt, {1: correct_keys(attempt.answers.get(position=1))[0]})
    assert graded and not graded_again
    assert second.graded_at == graded_at and second.score == first.score == 1
    with pytest.raises(QuizError) as info:
        save_answer(attempt, 1, "0")
    assert info.value.code == "submitted"


def test_attempt_limit(trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, max_attempts=2)
    for _ in range(2):
        attempt, _ = start_attempt(trainee, quiz)
        submit_attempt(attempt)
    with pytest.raises(QuizError) as info:
        start_attempt(trainee, quiz)
    assert info.value.code == "no_attempts_left"
    assert list(Attempt.objects.order_by("number").values_list("number", flat=True)) == [1, 2]


def test_closed_quiz_and_empty_quiz(trainee, mixed_questions):
    closed = factories.make_quiz(mixed_questions, closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(QuizError) as info:
        start_attempt(trainee, closed)
    assert info.value.code == "closed"
    with pytest.raises(QuizError) as info:
        start_attempt(trainee, factories.make_quiz([]))
    assert info.value.code == "no_questions"


def test_time_limit_refuses_late_answers_and_grades_what_was_saved(trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, time_limit_minutes=10)
    start = timezone.now()
    attempt, _ = start_attempt(trainee, quiz, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    save_answer(attempt, 3, "false", now=start + timedelta(minutes=9))
    save_answer(attempt, 4, "20000", now=start + timedelta(minutes=10) + LATE_GRACE)  # within the grace
    late = start + timedelta(minutes=11)
    with pytest.raises(QuizError) as info:
        save_answer(attempt, 5, "注册登记系统", now=late)
    assert info.value.code == "time_up"
    # A late submit (e.g. the no-JS form) is accepted but its answers are ignored.
    attempt, graded = submit_attempt(attempt, {5: "注册登记系统", 1: "2"}, now=late)
    assert graded and attempt.timed_out
    assert attempt.score == 2
    assert attempt.answers.get(position=5).response_text == ""


def test_expired_attempts_are_closed_and_graded(trainee, mixed_questions):
    quiz = factories.make_quiz(mixed_questions, time_limit_minutes=5)
    start = timezone.now() - timedelta(minutes=30)
    attempt, _ = start_attempt(trainee, quiz, now=start)
    save_answer(attempt, 3, "false", now=start + timedelta(minutes=1))
    other = UserFactory()
    fresh, _ = start_attempt(other, quiz)
    assert close_expired_attempts() == 1
    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert attempt.status == "submitted" and attempt.timed_out and attempt.score == 1
    assert fresh.is_open
    # Starting again after expiry opens attempt 2 rather than returning the expired one.
    second, created = start_attempt(trainee, quiz)
    assert created and second.number == 2


def test_passing_completes_the_linked_lesson_once(trainee, mixed_questions):
    module, lesson = factories.module_and_lesson()
    quiz = factories.make_quiz(mixed_questions, module=module, lesson=lesson, max_attempts=0)
    for _ in range(2):
        attempt, _ = start_attempt(trainee, quiz)
        save_answers(attempt, answer_all_correctly(attempt))
        attempt, _ = submit_attempt(attempt)
        assert attempt.passed
    completion = LessonCompletion.objects.get(user=trainee, lesson=lesson)
    assert completion.source == LessonCompletion.Source.QUIZ


def test_failing_does_not_complete_the_lesson(trainee, mixed_questions):
    module, lesson = factories.module_and_lesson()
    quiz = factories.make_quiz(mixed_questions, module=module, lesson=lesson)
    attempt, _ = start_attempt(trainee, quiz)
    submit_attempt(attempt)
    assert not LessonCompletion.objects.filter(user=trainee).exists()


def test_random_draw_per_category(trainee):
    trading, ccer = factories.category("交易"), factories.category("CCER")
    for _ in range(6):
        factories.single(cat=trading)
        factories.true_false(cat=ccer)
    factories.single(cat=trading, is_active=False)
    quiz = factories.make_quiz(draw=[(trading, 3), (ccer, 2)], shuffle_questions=True)
    attempt, _ = start_attempt(trainee, quiz)
    categories = list(attempt.answers.values_list("question__category__name", flat=True))
    assert sorted(categories) == sorted(["交易"] * 3 + ["CCER"] * 2)
    assert not attempt.answers.filter(question__is_active=False).exists()


def test_shuffled_options_are_a_permutation(trainee):
    questions = [factories.single() for _ in range(8)]
    quiz = factories.make_quiz(questions, shuffle_options=True)
    attempt, _ = start_attempt(trainee, quiz)
    orders = [a.option_order for a in attempt.answers.all()]
    natural = [list(a.question.options.values_list("pk", flat=True)) for a in attempt.answers.all()]
    assert all(sorted(o) == sorted(n) for o, n in zip(orders, natural, strict=True))
    assert orders != natural  # 8 questions × 4 options: all in natural order has odds (1/24)^8


def test_attempts_are_counted_across_translations(trainee, mixed_questions):
    from wagtail.models import Locale

    quiz = factories.make_quiz(mixed_questions, max_attempts=1)
    attempt, _ = start_attempt(trainee, quiz)
    submit_attempt(attempt)
    english = Locale.objects.get_or_create(language_code="en")[0]
    quiz.get_parent().get_parent().get_parent().get_parent().copy_for_translation(english)  # the home page
    translated = quiz.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    translated.refresh_from_db()
    with pytest.raises(QuizError) as info:
        start_attempt(trainee, translated)
    assert info.value.code == "no_attempts_left"


def test_grading_100_questions_takes_constant_queries(trainee, django_assert_max_num_queries):
    questions = []
    for i in range(20):
        questions += [
            factories.single(),
            factories.multiple(partial=bool(i % 2)),
            factories.true_false(),
            factories.numeric(),
            factories.short_text(),
        ]
    quiz = factories.make_quiz(questions, shuffle_options=True)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    with django_assert_max_num_queries(8):
        save_answers(attempt, values)
    assert SelectedOption.objects.filter(answer__attempt=attempt).count() == 20 + 40
    with django_assert_max_num_queries(12):
        attempt, graded = submit_attempt(attempt)
    assert graded and attempt.percent == 100 and attempt.max_score == 120
    assert AttemptAnswer.objects.filter(attempt=attempt, is_correct=True).count() == 100
    with django_assert_max_num_queries(5):  # answers+questions, correct options, selections, 2 writes
        grade_attempt(attempt)
