"""The demo: grounded question banks per course, quizzes attached to the demo courses, idempotent."""

from decimal import Decimal

import pytest

from courses.calculator import settle
from courses.models import LessonPage, ModulePage
from quizzes import demo
from quizzes.models import Attempt, Question, QuestionCategory, QuizPage
from quizzes.services.grading import score_fraction

pytestmark = pytest.mark.django_db


def run(module):
    return [func() for _label, func in module.steps()]


def test_demo_without_courses_still_runs():
    run(demo)
    assert Question.objects.count() >= 45 and QuizPage.objects.count() == 0


def demo_counts():
    return [Question.objects.count(), QuizPage.objects.count(), Attempt.objects.count()]


def check_demo_banks_and_quizzes():
    """Called by tests/test_demo.py after setup_demo ran (twice): one demo run serves every app's checks."""
    for category in QuestionCategory.objects.all():
        questions = list(category.questions.prefetch_related("options"))
        assert len(questions) >= 15, category.name
        assert {q.kind for q in questions} == set(Question.Kind.values), category.name
        for question in questions:
            assert "来源：" in question.explanation, question.reference
            correct = {o.pk for o in question.options.all() if o.is_correct}
            key = {
                "true_false": "true" if question.correct_boolean else "false",
                "numeric": str(question.numeric_answer),
                "short_text": (question.accepted_answer_list or [""])[0],
            }.get(question.kind, "")
            assert score_fraction(question, correct, correct, key) == 1, question.reference

    # The facts' worked example, and the 5% cap, as numeric questions computed by the calculator.
    shortfall = Question.objects.get(reference="SC-06")
    assert shortfall.kind == "numeric" and shortfall.numeric_answer == Decimal(20000)
    assert settle(1_000_000, 930_000, 80_000).shortfall == 20000
    cap = Question.objects.get(reference="CC-03")
    assert cap.numeric_answer == 50000 and "5%" in cap.stem
    assert Question.objects.get(reference="CC-04").numeric_answer == 117283  # rounded down
    assert set(cap.tags.names()) == {"CCER"}

    chinese = QuizPage.objects.filter(locale__language_code="zh-hans")
    assert chinese.count() == 6
    for quiz in chinese:
        module = quiz.get_parent().specific
        assert isinstance(module, ModulePage) and quiz.live
        assert quiz.lesson and LessonPage.objects.child_of(module).filter(pk=quiz.lesson_id).exists()
    finals = chinese.filter(slug="final-quiz")
    assert all(q.fixed_questions.count() >= 15 and q.time_limit_minutes == 30 for q in finals)
    assert QuizPage.objects.filter(locale__language_code="en").count() == 6
