"""Question banks and quizzes for tests, made through the quizzes services and Wagtail's tree API."""

import itertools
from decimal import Decimal

from courses.models import LessonPage, ModulePage
from quizzes.models import Question, QuestionCategory, QuizDrawRule, QuizPage, QuizQuestion
from quizzes.services.bank import OptionSpec, save_question
from tests.courses.factories import make_course

_counter = itertools.count(1)
Kind = Question.Kind


def category(name: str = "交易规则") -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name)[0]


def single(cat=None, correct: int = 0, points=1, **fields) -> Question:
    """Four options, the ``correct``-th right."""
    n = next(_counter)
    texts = [f"选项{n}-{i}" for i in range(4)]
    return save_question(
        category=cat or category(),
        kind=Kind.SINGLE,
        stem=f"<p>单选题 {n}</p>",
        points=Decimal(points),
        options=[OptionSpec(t, i == correct) for i, t in enumerate(texts)],
        explanation=f"<p>解析 {n}：依据《碳排放权交易管理办法（试行）》。</p>",
        **fields,
    )


def multiple(cat=None, correct=(0, 1), partial=False, points=2, **fields) -> Question:
    n = next(_counter)
    return save_question(
        category=cat or category(),
        kind=Kind.MULTIPLE,
        stem=f"<p>多选题 {n}</p>",
        points=Decimal(points),
        scoring=Question.Scoring.PARTIAL if partial else Question.Scoring.ALL_OR_NOTHING,
        options=[OptionSpec(f"多选{n}-{i}", i in correct) for i in range(4)],
        **fields,
    )


def true_false(cat=None, answer=True, **fields) -> Question:
    n = next(_counter)
    return save_question(
        category=cat or category(), kind=Kind.TRUE_FALSE, stem=f"<p>判断题 {n}</p>", correct_boolean=answer, **fields
    )


def numeric(cat=None, answer="50000", tolerance="0", unit="tCO2e", **fields) -> Question:
    n = next(_counter)
    return save_question(
        category=cat or category("履约清缴"),
        kind=Kind.NUMERIC,
        stem=f"<p>计算题 {n}</p>",
        numeric_answer=Decimal(answer),
        tolerance=Decimal(tolerance),
        unit=unit,
        **fields,
    )


def short_text(cat=None, accepted="全国碳排放权注册登记系统\n注册登记系统", **fields) -> Question:
    n = next(_counter)
    return save_question(
        category=cat or category(), kind=Kind.SHORT_TEXT, stem=f"<p>填空题 {n}</p>", accepted_answers=accepted, **fields
    )


def module_and_lesson(course=None) -> tuple[ModulePage, LessonPage]:
    course = course or make_course(modules=1, lessons_per_module=1)
    module = ModulePage.objects.descendant_of(course).order_by("path").first()
    lesson = LessonPage.objects.child_of(module).order_by("path").first()
    return module, lesson


def make_quiz(questions=(), *, module=None, draw=(), **fields) -> QuizPage:
    """A live quiz under a module (a new one-module course unless given)."""
    n = next(_counter)
    if module is None:
        module, _lesson = module_and_lesson()
    defaults = {"title": f"测验{n}", "slug": f"quiz-{n}", "shuffle_options": False}
    if draw:
        defaults["selection"] = QuizPage.Selection.RANDOM
    quiz = QuizPage(
        **{**defaults, **fields},
        fixed_questions=[QuizQuestion(question=q, sort_order=i) for i, q in enumerate(questions)],
        draw_rules=[QuizDrawRule(category=c, count=k, sort_order=i) for i, (c, k) in enumerate(draw)],
    )
    module.add_child(instance=quiz)
    return quiz
