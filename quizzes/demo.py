"""Demo data: a bilingual question bank per demo course and quizzes at the end of its modules.

The banks are the modules of ``quizzes.demo_banks`` (the format is described there). Idempotent:
questions are saved by reference and language, quiz pages are found by slug, so running
``setup_demo`` again changes nothing. Without the courses demo the quizzes step only builds the banks.
"""

from decimal import Decimal

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale

from courses.calculator import settle
from courses.models import CoursePage, LessonPage, ModulePage

from .demo_banks import all_banks, bank_problems
from .models import Question, QuestionCategory, QuizDrawRule, QuizPage, QuizQuestion
from .services.bank import OptionSpec, save_question

KINDS = {
    "single": Question.Kind.SINGLE,
    "multiple": Question.Kind.MULTIPLE,
    "true_false": Question.Kind.TRUE_FALSE,
    "numeric": Question.Kind.NUMERIC,
    "settle": Question.Kind.NUMERIC,
    "text": Question.Kind.SHORT_TEXT,
}
# Bank language keys → Wagtail locale language codes.
LANGUAGE_CODES = {"zh": "zh-hans", "en": "en"}
MODULE_CHECK = {
    "title": {"zh-hans": "单元小测", "en": "Module check"},
    "intro": {
        "zh-hans": "<p>从本课程题库随机抽取 5 道题，不计时，可反复练习。</p>",
        "en": "<p>Five questions drawn at random from this course's question bank. No time limit; "
        "practise as often as you like.</p>",
    },
}
FINAL_QUIZ = {
    "title": {"zh-hans": "课程结业测验", "en": "Final course quiz"},
    "intro": {
        "zh-hans": "<p>本课程全部题目，限时 30 分钟，60 分及格，最多 3 次机会。提交后可查看答案与解析。</p>",
        "en": "<p>Every question of this course. 30 minutes, pass mark 60%, at most 3 attempts. "
        "After submitting you can see the answers and explanations.</p>",
    },
}


def as_html(text: str) -> str:
    return text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"


def question_fields(spec: dict, language: str) -> dict:
    """``save_question`` arguments for one language version of a bank question."""
    texts = spec[language]
    kind = spec["kind"]
    default_points = 2 if kind in ("multiple", "settle") else 1
    fields = {
        "kind": KINDS[kind],
        "stem": as_html(texts["stem"]),
        "explanation": texts.get("explanation", ""),
        "tags": spec.get("tags", []),
        "points": Decimal(str(spec.get("points", default_points))),
        "unit": texts.get("unit", ""),
    }
    if kind in ("single", "multiple"):
        fields["options"] = [OptionSpec(text, i in spec["correct"]) for i, text in enumerate(texts["options"])]
        if spec.get("scoring") == "partial":
            fields["scoring"] = Question.Scoring.PARTIAL
    elif kind == "true_false":
        fields["correct_boolean"] = spec["correct"]
    elif kind == "numeric":
        fields.update(numeric_answer=Decimal(spec["value"]), tolerance=Decimal(spec.get("tolerance", "0")))
    elif kind == "settle":
        figure = getattr(settle(**spec["settle"]), spec["figure"])
        fields.update(numeric_answer=Decimal(figure), tolerance=Decimal(spec.get("tolerance", "0")))
    else:
        fields["accepted_answers"] = "\n".join(texts["accepted"])
    return fields


def _locales() -> dict:
    """Bank language key → Locale (the banks are bilingual, so both locales are made if missing)."""
    return {key: Locale.objects.get_or_create(language_code=code)[0] for key, code in LANGUAGE_CODES.items()}


def _category(bank: dict, locales: dict) -> QuestionCategory:
    """The bank's category in Chinese, with its English translation (one translation key)."""
    source = locales["zh"]
    category = QuestionCategory.objects.filter(name=bank["category"]["zh"], locale=source).first()
    if category is None:
        category = QuestionCategory.objects.create(
            name=bank["category"]["zh"], locale=source, description=f"Demo: {bank['course']}"
        )
    for language, locale in locales.items():
        if language != "zh":
            translated = category.in_locale(locale.pk)
            if translated.name != bank["category"][language]:
                translated.name = bank["category"][language]
                translated.save()
    return category


def build_question_banks() -> int:
    locales = _locales()
    for bank in all_banks():
        problems = bank_problems(bank)
        if problems:
            raise ValueError(f"Demo bank {bank.get('prefix')}: " + "; ".join(problems))
        category = _category(bank, locales)
        for spec in bank["questions"]:
            for language, locale in locales.items():
                save_question(
                    category=category, reference=spec["ref"], locale=locale, **question_fields(spec, language)
                )
    return Question.objects.count()


def _add_quiz(module, slug: str, title: str, lesson, **fields) -> QuizPage:
    existing = QuizPage.objects.child_of(module).filter(slug=slug).first()
    if existing:
        return existing
    quiz = module.add_child(instance=QuizPage(title=title, slug=slug, lesson=lesson, **fields))
    quiz.save_revision().publish()
    return quiz


def _translate(quiz: QuizPage, texts: dict) -> None:
    """The English quiz page: a Wagtail translation of the Chinese one (same translation key)."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None or quiz.get_translation_or_none(english) is not None:
        return
    if quiz.get_parent().get_translation_or_none(english) is None:
        return  # the English course tree is not there
    with translation.override("en"):
        copied = quiz.copy_for_translation(english)
    translated = QuizPage.objects.get(pk=copied.pk)  # with its questions in English (quizzes.signals)
    translated.title = texts["title"]["en"]
    translated.intro = texts["intro"]["en"]
    translated.save_revision().publish()


def build_demo_quizzes() -> int:
    """Per course: a short random check after the first module, a timed final quiz after the last."""
    for bank in all_banks():
        course = CoursePage.objects.filter(import_source=bank["course"], locale__language_code="zh-hans").first()
        category = QuestionCategory.objects.filter(name=bank["category"]["zh"], locale__language_code="zh-hans").first()
        if course is None or category is None:
            continue
        modules = list(ModulePage.objects.child_of(course).order_by("path"))
        if not modules:
            continue
        first, last = modules[0], modules[-1]
        check = _add_quiz(
            first,
            "module-check",
            MODULE_CHECK["title"]["zh-hans"],
            LessonPage.objects.child_of(first).order_by("path").last(),
            intro=MODULE_CHECK["intro"]["zh-hans"],
            selection=QuizPage.Selection.RANDOM,
            required_for_completion=False,
            max_attempts=0,
            draw_rules=[QuizDrawRule(category=category, count=5)],
        )
        final = _add_quiz(
            last,
            "final-quiz",
            FINAL_QUIZ["title"]["zh-hans"],
            LessonPage.objects.child_of(last).order_by("path").last(),
            intro=FINAL_QUIZ["intro"]["zh-hans"],
            time_limit_minutes=30,
            max_attempts=3,
            pass_mark=60,
            fixed_questions=[
                QuizQuestion(question=q, sort_order=i)
                for i, q in enumerate(category.questions.filter(is_active=True).order_by("reference"))
            ],
        )
        _translate(check, MODULE_CHECK)
        _translate(final, FINAL_QUIZ)
    return QuizPage.objects.count()


def build_demo_attempt() -> int:
    """The demo trainee has passed the first course's module check once (history and results to look at)."""
    from accounts.models import User

    from .services import save_answers, start_attempt, submit_attempt

    trainee = User.objects.filter(email="trainee@example.org").first()
    quiz = QuizPage.objects.live().filter(slug="module-check", locale__language_code="zh-hans").order_by("path").first()
    if trainee is None or quiz is None or quiz.attempts.filter(user=trainee).exists():
        return 0
    attempt, _ = start_attempt(trainee, quiz)
    save_answers(attempt, {a.position: correct_value(a) for a in attempt.answers.select_related("question")})
    submit_attempt(attempt)
    return 1


def correct_value(answer):
    """The right answer as the browser would send it (positions for options)."""
    question = answer.question
    if question.has_options:
        right = set(question.options.filter(is_correct=True).values_list("pk", flat=True))
        keys = [str(i) for i, pk in enumerate(answer.option_order) if pk in right]
        return keys if question.kind == Question.Kind.MULTIPLE else keys[0]
    if question.kind == Question.Kind.TRUE_FALSE:
        return "true" if question.correct_boolean else "false"
    if question.kind == Question.Kind.NUMERIC:
        return f"{question.numeric_answer.normalize():f}"
    return question.accepted_answer_list[0]


def steps():
    return [
        ("question banks", build_question_banks),
        ("quizzes in the demo courses", build_demo_quizzes),
        ("demo trainee's quiz attempt", build_demo_attempt),
    ]
