"""One question bank in two languages: translations share a key and their answers; a quiz page asks its
questions in its own language; English quiz pages read in English, Chinese ones in Chinese."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Locale

from quizzes.models import Attempt, Question, QuestionCategory, QuizPage
from quizzes.services import save_answers, start_attempt, submit_attempt
from quizzes.services.attempts import draw_questions
from quizzes.services.bank import OptionSpec, save_question
from quizzes.services.regrade import regrade_question
from quizzes.services.translation import localise_quiz, question_in_locale, questions_in_locale
from tests.quizzes import factories

pytestmark = pytest.mark.django_db
CJK = re.compile(r"[\u4e00-\u9fff]")
Kind = Question.Kind


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(question: Question, locale, stem: str, **texts) -> Question:
    """The English version of a question, saved through the bank's service (same reference)."""
    options = texts.pop("options", None)
    right = [o.is_correct for o in question.options.order_by("sort_order")]
    return save_question(
        category=question.category,
        reference=question.reference,
        locale=locale,
        kind=question.kind,
        stem=f"<p>{stem}</p>",
        points=question.points,
        scoring=question.scoring,
        correct_boolean=question.correct_boolean,
        numeric_answer=question.numeric_answer,
        tolerance=question.tolerance,
        options=[OptionSpec(text, flag) for text, flag in zip(options or [], right, strict=True)],
        tags=list(question.tags.names()),
        **texts,
    )


def english_quiz(quiz: QuizPage, locale) -> QuizPage:
    """The quiz page's English translation, made as Wagtail's "Translate" action makes it, published."""
    home = quiz.get_ancestors().filter(depth=2).first().specific
    if home.get_translation_or_none(locale) is None:
        home.copy_for_translation(locale).save_revision().publish()
    translated = quiz.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return QuizPage.objects.get(pk=translated.pk)


# --- the bank -------------------------------------------------------------------------------------------


def test_a_translation_shares_the_key_and_what_decides_the_score(english):
    original = factories.single(correct=0, points=1)
    translated = translate(original, english, "Which product is traded?", options=["CEA", "B", "C", "D"])
    assert translated.translation_key == original.translation_key and translated.reference == original.reference
    assert translated.category.locale == english
    assert translated.category.translation_key == original.category.translation_key
    assert QuestionCategory.objects.filter(translation_key=original.category.translation_key).count() == 2

    # The author corrects the Chinese question: the right option and the points follow in English.
    save_question(
        category=original.category,
        reference=original.reference,
        kind=Kind.SINGLE,
        stem=original.stem,
        points=Decimal(3),
        options=[OptionSpec(o.text, i == 2) for i, o in enumerate(original.options.order_by("sort_order"))],
    )
    translated.refresh_from_db()
    assert translated.points == 3
    assert [o.is_correct for o in translated.options.order_by("sort_order")] == [False, False, True, False]
    assert [o.text for o in translated.options.order_by("sort_order")] == ["CEA", "B", "C", "D"]  # texts stay


def test_question_in_locale_falls_back_to_the_original(english):
    translated_one = factories.true_false()
    alone = factories.true_false()
    english_version = translate(translated_one, english, "Allowances are allocated for free.")
    assert question_in_locale(translated_one, english) == english_version
    assert question_in_locale(alone, english) == alone
    assert question_in_locale(english_version, Locale.get_default()) == translated_one
    assert questions_in_locale([alone, translated_one], english.pk) == [alone, english_version]


def test_a_reference_names_one_question_in_every_language(english):
    from django.core.exceptions import ValidationError

    first = factories.true_false()
    other = Question(
        reference=first.reference, locale=english, category=first.category, kind=Kind.TRUE_FALSE, stem="<p>x</p>"
    )
    with pytest.raises(ValidationError) as info:
        other.full_clean()
    assert "reference" in info.value.message_dict


# --- drawing in the page's language -----------------------------------------------------------------------


def test_an_english_quiz_asks_the_english_versions_and_falls_back(english, trainee):
    first, second = factories.single(), factories.numeric(unit="吨")
    first_en = translate(first, english, "Which product?", options=["CEA", "B", "C", "D"])
    quiz = factories.make_quiz([first, second])
    translated = english_quiz(quiz, english)
    assert [q.pk for q in draw_questions(quiz)] == [first.pk, second.pk]
    assert [q.pk for q in draw_questions(translated)] == [first_en.pk, second.pk]  # no translation: the original

    attempt, _ = start_attempt(trainee, translated)
    asked = list(attempt.answers.order_by("position").select_related("question"))
    assert [a.question_id for a in asked] == [first_en.pk, second.pk]  # the attempt stores what was drawn
    assert asked[0].option_order == list(first_en.options.order_by("sort_order").values_list("pk", flat=True))


def test_translating_a_quiz_page_points_its_fixed_questions_at_the_translations(english):
    questions = [factories.true_false() for _ in range(3)]
    english_versions = [translate(q, english, f"Statement {i}") for i, q in enumerate(questions[:2])]
    translated = english_quiz(factories.make_quiz(questions), english)  # quizzes.signals localises the copy
    listed = list(translated.fixed_questions.order_by("sort_order").values_list("question_id", flat=True))
    assert listed == [english_versions[0].pk, english_versions[1].pk, questions[2].pk]
    assert localise_quiz(translated) == 0  # already done: nothing changes


def test_a_random_draw_takes_the_page_language_first(english, trainee):
    category = factories.category("抽题")
    chinese = [factories.true_false(cat=category) for _ in range(6)]
    english_versions = {translate(q, english, f"Statement {i}").pk for i, q in enumerate(chinese[:3])}
    quiz = factories.make_quiz(draw=[(category, 3)])
    translated = english_quiz(quiz, english)
    for _ in range(5):
        assert {q.pk for q in draw_questions(translated)} == english_versions
        assert {q.locale_id for q in draw_questions(quiz)} == {Locale.get_default().pk}
    translated.draw_rules.update(count=5)
    drawn = draw_questions(translated)
    assert len(drawn) == 5 and english_versions < {q.pk for q in drawn}  # topped up with untranslated ones
    assert len({q.translation_key for q in drawn}) == 5  # never one question twice in two languages


# --- grading and regrading -----------------------------------------------------------------------------------


def test_text_answers_are_accepted_per_language(english, trainee):
    chinese = factories.short_text(accepted="注册登记系统")
    translate(chinese, english, "Where are allowances settled?", accepted_answers="national registry\nregistry")
    quiz = factories.make_quiz([chinese], max_attempts=0)
    translated = english_quiz(quiz, english)
    results = {}
    for page, typed in ((translated, "National Registry"), (translated, "注册登记系统"), (quiz, "注册登记系统")):
        attempt, _ = start_attempt(trainee, page)
        save_answers(attempt, {1: typed})
        attempt, _ = submit_attempt(attempt)
        results[page.locale.language_code, typed] = attempt.percent
    assert results == {("en", "National Registry"): 100, ("en", "注册登记系统"): 0, ("zh-hans", "注册登记系统"): 100}


def test_regrading_a_question_regrades_both_languages(english, trainee):
    chinese = factories.numeric(answer="100")
    translate(chinese, english, "How many?", unit="t")
    quiz = factories.make_quiz([chinese], max_attempts=0)
    translated = english_quiz(quiz, english)
    for page in (quiz, translated):
        attempt, _ = start_attempt(trainee, page)
        save_answers(attempt, {1: "120"})
        submit_attempt(attempt)
    assert set(Attempt.objects.values_list("percent", flat=True)) == {0}
    save_question(
        category=chinese.category,
        reference=chinese.reference,
        kind=Kind.NUMERIC,
        stem=chinese.stem,
        numeric_answer=Decimal(120),
    )
    assert regrade_question(chinese) == {"changed": 2, "newly_passed": 2}
    assert set(Attempt.objects.values_list("percent", flat=True)) == {100}


# --- import and export ---------------------------------------------------------------------------------------


def test_the_bank_file_carries_the_language(english):
    from quizzes.services import bank_io
    from tests.quizzes.test_bank_io import csv_bytes, row

    rows = [
        row(reference="B-1", language="zh-hans", category="交易规则", type="single", stem="交易产品？",
            option_a="配额", option_b="排污权", correct="A", unit="", tags="trading"),
        row(reference="B-1", language="en", category="Trading rules", type="single", stem="What is traded?",
            option_a="Allowances", option_b="Discharge permits", correct="A", tags="trading"),
        row(reference="B-2", language="en", category="Trading rules", type="short_text", stem="Registry city?",
            accepted_answers="Wuhan"),
    ]  # fmt: skip
    assert bank_io.import_questions("bank.csv", csv_bytes(rows)) == {"created": 3, "updated": 0}
    chinese, translated = (
        Question.objects.get(locale__language_code="zh-hans"),
        Question.objects.get(reference="B-1", locale=english),
    )
    assert chinese.translation_key == translated.translation_key
    assert translated.category.name == "Trading rules"
    assert translated.category.translation_key == chinese.category.translation_key

    exported = list(bank_io.export_rows(Question.objects.order_by("reference", "locale__language_code")))
    languages = [(r[0], r[1]) for r in exported]
    assert languages == [("B-1", "en"), ("B-1", "zh-hans"), ("B-2", "en")]
    assert bank_io.import_questions("again.csv", csv_bytes(exported)) == {"created": 0, "updated": 3}


def test_language_rows_of_one_question_must_agree(english):
    from quizzes.services import bank_io
    from tests.quizzes.test_bank_io import csv_bytes, row

    rows = [
        row(reference="B-1", category="交易规则", type="single", stem="？", option_a="甲", option_b="乙", correct="A"),
        row(reference="B-1", language="en", category="Trading", type="single", stem="?", option_a="x", option_b="y",
            correct="B"),
        row(reference="B-1", language="EN", category="Trading", type="single", stem="?", option_a="x", option_b="y",
            correct="A"),
        row(reference="B-3", language="fr", category="x", type="true_false", stem="?", correct="true"),
    ]  # fmt: skip
    with pytest.raises(bank_io.ImportFailed) as info:
        bank_io.import_questions("bank.csv", csv_bytes(rows))
    problems = {(e.row, e.column) for e in info.value.errors}
    assert problems == {(3, "correct"), (4, "reference"), (5, "language")}
    assert not Question.objects.exists()


# --- the admin -----------------------------------------------------------------------------------------------


def test_instructors_translate_a_question_and_see_the_original_beside_it(client, instructor, english):
    original = factories.single(correct=1, tags=["trading"])
    client.force_login(instructor)
    url = reverse("simple_translation:submit_snippet_translation", args=["quizzes", "question", original.pk])
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    translated = Question.objects.get(translation_key=original.translation_key, locale=english)
    assert [o.is_correct for o in translated.options.order_by("sort_order")] == [False, True, False, False]
    assert set(translated.tags.names()) == {"trading"} and translated.category.locale == english

    edit = client.get(reverse("wagtailsnippets_quizzes_question:edit", args=[translated.pk])).content.decode()
    assert "其他语言版本" in edit and original.stem in edit  # the panel, in the admin's language (zh-Hans)


# --- what readers see ----------------------------------------------------------------------------------------

ENGLISH_TEXTS = {
    Kind.SINGLE: {"stem": "Which product is traded on the national market?", "options": ["CEA", "B", "C", "D"]},
    Kind.MULTIPLE: {"stem": "Which trading methods exist?", "options": ["Listing", "Block", "Futures", "OTC"]},
    Kind.TRUE_FALSE: {"stem": "Allowances are mostly allocated for free."},
    Kind.NUMERIC: {"stem": "What is the shortfall?", "unit": "t"},
    Kind.SHORT_TEXT: {"stem": "Where are allowances settled?", "accepted_answers": "national registry"},
}


def question_html(html: str) -> str:
    """The questions' part of an attempt or review page (not the header's language switcher)."""
    start = html.index('class="card question')
    return html[start : html.index("</main>", start)]


def test_english_quiz_pages_are_english_and_chinese_ones_chinese(client, trainee, english, mixed_questions):
    for question in mixed_questions:
        texts = dict(ENGLISH_TEXTS[question.kind])
        translate(question, english, texts.pop("stem"), explanation="<p>Source: the Measures, Article 29.</p>", **texts)
    quiz = factories.make_quiz(mixed_questions, intro="<p>五道练习题。</p>", max_attempts=0)
    translated = english_quiz(quiz, english)
    translated.intro = "<p>Five practice questions.</p>"
    translated.save_revision().publish()
    client.force_login(trainee)

    page = client.get(translated.url).content.decode()
    assert translated.url.startswith("/en/") and "Five practice questions." in page and "五道练习题" not in page
    attempt = start_in(client, translated)
    html = question_html(client.get(reverse("quizzes:attempt", args=[attempt.public_id])).content.decode())
    for texts in ENGLISH_TEXTS.values():
        assert texts["stem"] in html
    assert "Listing" in html and ">t<" in html.replace(" ", "")  # options and the unit
    assert not CJK.search(html), CJK.findall(html)
    client.post(reverse("quizzes:submit", args=[attempt.public_id]), {"action": "submit"})
    review = question_html(client.get(reverse("quizzes:review", args=[attempt.public_id])).content.decode())
    assert review.count("Source: the Measures, Article 29.") == 5 and "national registry" in review
    assert not CJK.search(review), CJK.findall(review)

    attempt = start_in(client, quiz)
    html = question_html(client.get(reverse("quizzes:attempt", args=[attempt.public_id])).content.decode())
    assert all(CJK.search(q.stem) and q.stem in html for q in mixed_questions)
    assert not any(texts["stem"] in html for texts in ENGLISH_TEXTS.values())


def start_in(client, quiz) -> Attempt:
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302, response
    return Attempt.objects.get(public_id=response.url.rstrip("/").split("/")[-1])


def test_item_analysis_counts_both_languages_as_one_question(english, trainee, instructor):
    from quizzes.services.analysis import item_analysis
    from quizzes.services.results import submitted_attempts
    from tests.factories import UserFactory

    chinese = factories.single(correct=0)
    translate(chinese, english, "Which product?", options=["CEA", "Energy rights", "Permits", "Certificates"])
    quiz = factories.make_quiz([chinese], shuffle_options=False)
    translated = english_quiz(quiz, english)
    for page, choice in ((quiz, "0"), (translated, "0"), (translated, "2")):
        attempt, _ = start_attempt(UserFactory(), page)
        save_answers(attempt, {1: choice})
        submit_attempt(attempt)
    for page in (quiz, translated):
        (item,) = item_analysis(page, submitted_attempts(page))
        assert item.answered == 3 and round(item.facility, 2) == 0.67
        assert [(count, right) for _label, count, right in item.frequencies] == [
            (2, True),
            (0, False),
            (1, False),
            (0, False),
        ]
    (english_item,) = item_analysis(translated, submitted_attempts(translated))
    assert english_item.question.locale == english and english_item.frequencies[0][0] == "CEA"


def test_the_question_list_shows_one_language_at_a_time(client, instructor, english):
    original = factories.true_false()
    translate(original, english, "Allowances are mostly allocated for free.")
    client.force_login(instructor)
    url = reverse("wagtailsnippets_quizzes_question:list")
    chinese = client.get(url, {"locale": "zh-hans"}).content.decode()
    in_english = client.get(url, {"locale": "en"}).content.decode()
    assert original.stem_text in chinese and "Allowances are mostly allocated" not in chinese
    assert "Allowances are mostly allocated" in in_english and original.stem_text not in in_english


def test_versions_with_other_options_are_reported_not_guessed(english):
    from quizzes.services.translation import sync_translations

    original = factories.single(correct=0)
    translated = translate(original, english, "Which?", options=["A", "B", "C", "D"])
    translated.options.order_by("sort_order").last().delete()  # the English version lost an option
    original.options.update(is_correct=False)
    original.options.filter(sort_order=3).update(is_correct=True)
    assert sync_translations(original) == [translated]
    assert list(translated.options.order_by("sort_order").values_list("is_correct", flat=True)) == [True, False, False]
