"""The demo: grounded question banks per course, quizzes attached to the demo courses, idempotent."""

import re
from decimal import Decimal

import pytest

from courses.calculator import settle
from courses.models import LessonPage, ModulePage
from quizzes import demo
from quizzes.demo_banks import all_banks, bank_problems
from quizzes.models import Attempt, Option, Question, QuestionCategory, QuizPage
from quizzes.services.grading import score_fraction

pytestmark = pytest.mark.django_db
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(module):
    return [func() for _label, func in module.steps()]


def test_demo_without_courses_still_runs():
    run(demo)
    assert Question.objects.filter(locale__language_code="zh-hans").count() >= 45 and QuizPage.objects.count() == 0


def test_every_demo_bank_follows_the_format():
    banks = all_banks()
    assert {bank["course"] for bank in banks} >= {"trading-rules", "settlement-compliance", "ccer-offsets"}
    for bank in banks:
        assert bank_problems(bank) == [], bank["prefix"]


def test_the_format_check_finds_problems():
    bank = {
        "course": "x",
        "prefix": "X",
        "category": {"zh": "类"},
        "questions": [
            {"ref": "X-01", "kind": "single", "correct": [3], "zh": {"stem": "?", "options": ["a", "b"]}},
            {"ref": "Y-02", "kind": "settle", "settle": {}, "figure": "profit", "zh": {"stem": "?"}, "en": {}},
        ],
    }
    problems = bank_problems(bank)
    assert "bank: the category needs a 'zh' and an 'en' name" in problems
    assert "X-01: en: a stem is required" in problems
    assert "X-01: 'correct' must list option indices" in problems
    assert "Y-02: reference does not start with X-" in problems
    assert "Y-02: 'figure' must name a field of courses.calculator.Settlement" in problems


def test_demo_banks_load_in_both_languages_and_twice_changes_nothing():
    run(demo)
    counts = (Question.objects.count(), Option.objects.count(), QuestionCategory.objects.count())
    run(demo)
    assert (Question.objects.count(), Option.objects.count(), QuestionCategory.objects.count()) == counts
    chinese = Question.objects.filter(locale__language_code="zh-hans")
    english = Question.objects.filter(locale__language_code="en")
    assert chinese.count() == english.count() >= 48
    pairs = {q.reference: q for q in chinese}
    for question in english.select_related("category").prefetch_related("options"):
        original = pairs[question.reference]
        assert question.translation_key == original.translation_key
        assert question.category.locale_id == question.locale_id
        assert question.category.translation_key == original.category.translation_key
        assert (question.kind, question.points, question.numeric_answer) == (
            original.kind,
            original.points,
            original.numeric_answer,
        )
        assert [o.is_correct for o in question.options.all()] == [o.is_correct for o in original.options.all()]
        assert not CJK.search(question.stem + question.unit + "".join(o.text for o in question.options.all()))
        assert "Source:" in question.explanation
    first = all_banks()[0]["questions"][0]
    assert english.get(reference=first["ref"]).stem == demo.as_html(first["en"]["stem"])
    assert chinese.get(reference=first["ref"]).stem == demo.as_html(first["zh"]["stem"])


def demo_counts():
    return [Question.objects.count(), QuizPage.objects.count(), Attempt.objects.count()]


def check_demo_banks_and_quizzes():
    """Called by tests/test_demo.py after setup_demo ran (twice): one demo run serves every app's checks."""
    for category in QuestionCategory.objects.select_related("locale"):
        questions = list(category.questions.prefetch_related("options"))
        assert len(questions) >= 15, category.name
        assert {q.kind for q in questions} == set(Question.Kind.values), category.name
        cited = "来源：" if category.locale.language_code == "zh-hans" else "Source:"
        for question in questions:
            assert question.locale_id == category.locale_id
            assert cited in question.explanation, question.reference
            correct = {o.pk for o in question.options.all() if o.is_correct}
            key = {
                "true_false": "true" if question.correct_boolean else "false",
                "numeric": str(question.numeric_answer),
                "short_text": (question.accepted_answer_list or [""])[0],
            }.get(question.kind, "")
            assert score_fraction(question, correct, correct, key) == 1, question.reference

    # The facts' worked example, and the 5% cap, as numeric questions computed by the calculator.
    for language in ("zh-hans", "en"):
        bank = Question.objects.filter(locale__language_code=language)
        shortfall = bank.get(reference="CC-08")
        assert shortfall.kind == "numeric" and shortfall.numeric_answer == Decimal(20000)
        capped = bank.get(reference="SC-06")  # a capped coal unit's first-cycle obligation
        assert capped.numeric_answer == 950000
        cap = bank.get(reference="CC-03")
        assert cap.numeric_answer == 61728 and set(cap.tags.names()) == {"CCER"}  # 5 %, rounded down
        assert bank.get(reference="CC-04").numeric_answer == 43660
    assert settle(1_000_000, 930_000, 80_000).shortfall == 20000

    chinese = QuizPage.objects.filter(locale__language_code="zh-hans")
    assert chinese.count() == 6
    for quiz in chinese:
        module = quiz.get_parent().specific
        assert isinstance(module, ModulePage) and quiz.live
        assert quiz.lesson and LessonPage.objects.child_of(module).filter(pk=quiz.lesson_id).exists()
    finals = chinese.filter(slug="final-quiz")
    assert all(q.fixed_questions.count() >= 15 and q.time_limit_minutes == 30 for q in finals)
    english = QuizPage.objects.filter(locale__language_code="en")
    assert english.count() == 6
    for quiz in english:
        assert not CJK.search(quiz.title + quiz.intro), quiz.title
        # the translated page lists (and draws) the English versions of its questions
        assert {row.question.locale_id for row in quiz.fixed_questions.select_related("question")} <= {quiz.locale_id}
        assert {rule.category.locale_id for rule in quiz.draw_rules.select_related("category")} <= {quiz.locale_id}
    check_quiz_pages_read_in_their_language()


def check_quiz_pages_read_in_their_language():
    """/en/…/module-check/ and /en/…/final-quiz/: intro, questions, options, units and the review's
    explanations in English, no Chinese question text; the Chinese pages stay Chinese."""
    from django.test import Client
    from django.urls import reverse

    from accounts import roles
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(roles=[roles.TRAINEE]))
    chinese_texts = [q.stem for q in Question.objects.filter(locale__language_code="zh-hans")]
    for slug in ("module-check", "final-quiz"):
        for language in ("en", "zh-hans"):
            quiz = QuizPage.objects.live().filter(slug=slug, locale__language_code=language).order_by("path").first()
            page = client.get(quiz.url).content.decode()
            assert quiz.intro in page
            response = client.post(reverse("quizzes:start", args=[quiz.pk]))
            attempt = Attempt.objects.get(public_id=response.url.rstrip("/").split("/")[-1])
            asked = [a.question for a in attempt.answers.select_related("question", "question__locale")]
            assert {q.locale.language_code for q in asked} == {language}
            html = client.get(response.url).content.decode()
            questions = html[html.index('class="card question') : html.index("</main>")]
            assert all(q.stem in questions for q in asked)
            if language == "en":
                assert not CJK.search(questions), CJK.findall(questions)
                assert not any(text in html for text in chinese_texts)
            client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "submit"})
            review = client.get(reverse("quizzes:review", args=[attempt.public_id])).content.decode()
            review = review[review.index('class="card question') : review.index("</main>")]
            cited = "Source:" if language == "en" else "来源："
            assert review.count(cited) == len(asked)
            if language == "en":  # a cited document's own number (环办气候函…) may stay in Chinese
                prose = re.sub(r"<p>Source:.*?</p>", "", review)
                assert not CJK.search(prose), CJK.findall(prose)
