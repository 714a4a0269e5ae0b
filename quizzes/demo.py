"""Demo data: a question bank per demo course and quizzes at the end of its modules.

Idempotent: questions are saved by reference and quiz pages are found by slug, so running
``setup_demo`` again changes nothing. Without the courses demo the quizzes step does nothing.
"""

from decimal import Decimal

from django.utils import translation
from wagtail.models import Locale

from courses.calculator import settle
from courses.models import CoursePage, LessonPage, ModulePage

from .demo_questions import BANKS
from .models import Question, QuestionCategory, QuizDrawRule, QuizPage, QuizQuestion
from .services.bank import OptionSpec, save_question

KINDS = {
    "S": Question.Kind.SINGLE,
    "M": Question.Kind.MULTIPLE,
    "TF": Question.Kind.TRUE_FALSE,
    "N": Question.Kind.NUMERIC,
    "SETTLE": Question.Kind.NUMERIC,
    "T": Question.Kind.SHORT_TEXT,
}
MODULE_CHECK = {"zh-hans": "单元小测", "en": "Module check"}
FINAL_QUIZ = {"zh-hans": "课程结业测验", "en": "Final course quiz"}


def question_fields(spec) -> dict:
    code, stem, answer, explanation, tags, *rest = spec
    fields = {
        "kind": KINDS[code],
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "tags": tags,
        "points": Decimal(2) if code in ("M", "SETTLE") else Decimal(1),
    }
    if code in ("S", "M"):
        fields["options"] = [OptionSpec(text, right) for text, right in answer]
        if rest:
            fields["scoring"] = Question.Scoring.PARTIAL
    elif code == "TF":
        fields["correct_boolean"] = answer
    elif code == "N":
        value, tolerance, unit = answer
        fields.update(numeric_answer=Decimal(value), tolerance=Decimal(tolerance), unit=unit)
    elif code == "SETTLE":
        emissions, allowances, ccer, figure = answer
        fields.update(numeric_answer=Decimal(getattr(settle(emissions, allowances, ccer), figure)), unit="吨")
    else:
        fields["accepted_answers"] = "\n".join(answer.split("|"))
    return fields


def build_question_banks() -> int:
    for bank in BANKS:
        category, _ = QuestionCategory.objects.get_or_create(
            name=bank["category"], defaults={"description": f"Demo: {bank['course']}"}
        )
        for number, spec in enumerate(bank["questions"], start=1):
            save_question(category=category, reference=f"{bank['prefix']}-{number:02d}", **question_fields(spec))
    return Question.objects.count()


def _add_quiz(module, slug: str, title: str, lesson, **fields) -> QuizPage:
    existing = QuizPage.objects.child_of(module).filter(slug=slug).first()
    if existing:
        return existing
    quiz = module.add_child(instance=QuizPage(title=title, slug=slug, lesson=lesson, **fields))
    quiz.save_revision().publish()
    return quiz


def _translate(quiz: QuizPage, titles: dict) -> None:
    english = Locale.objects.filter(language_code="en").first()
    if english is None or quiz.get_translation_or_none(english) is not None:
        return
    if quiz.get_parent().get_translation_or_none(english) is None:
        return  # the English course tree is not there
    with translation.override("en"):
        translated = quiz.copy_for_translation(english).specific
    translated.title = titles["en"]
    translated.save_revision().publish()


def build_demo_quizzes() -> int:
    """Per course: a short random check after the first module, a timed final quiz after the last."""
    for bank in BANKS:
        course = CoursePage.objects.filter(import_source=bank["course"], locale__language_code="zh-hans").first()
        category = QuestionCategory.objects.filter(name=bank["category"]).first()
        if course is None or category is None:
            continue
        modules = list(ModulePage.objects.child_of(course).order_by("path"))
        if not modules:
            continue
        first, last = modules[0], modules[-1]
        check = _add_quiz(
            first,
            "module-check",
            MODULE_CHECK["zh-hans"],
            LessonPage.objects.child_of(first).order_by("path").last(),
            intro="<p>从本课程题库随机抽取 5 道题，不计时，可反复练习。</p>",
            selection=QuizPage.Selection.RANDOM,
            required_for_completion=False,
            max_attempts=0,
            draw_rules=[QuizDrawRule(category=category, count=5)],
        )
        final = _add_quiz(
            last,
            "final-quiz",
            FINAL_QUIZ["zh-hans"],
            LessonPage.objects.child_of(last).order_by("path").last(),
            intro="<p>本课程全部题目，限时 30 分钟，60 分及格，最多 3 次机会。提交后可查看答案与解析。</p>",
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
