"""Scoring one answer, and grading whole attempts in a constant number of queries.

Only the server grades: the browser sends what the trainee chose, never a score or a
``correct`` flag, and nothing it sends beyond the answer itself is read.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from config.content_cache import remember, remember_each

from ..models import Attempt, AttemptAnswer, Option, Question, QuizPage, SelectedOption
from .bulk_sql import update_rows

CENTS = Decimal("0.01")
NUMBER_NOISE = re.compile(r"[\s,_']")  # thousands separators and spaces people type
# Chinese officials write large figures with 万 (10^4) and 亿 (10^8): "2万", "1.5亿", "3万亿".
MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
TRAILING_PUNCTUATION = ".。!！?？;；"


def normalise_text(value: str) -> str:
    """Full-width → half-width, case and runs of spaces ignored, trailing full stop dropped."""
    value = unicodedata.normalize("NFKC", value or "").casefold()
    value = " ".join(value.split())
    return value.rstrip(TRAILING_PUNCTUATION).strip()


def parse_number(value: str, unit: str = "") -> Decimal | None:
    """Read a typed number: "50,000", "５００００", "5%", "20000 t" (the question's unit), "2万", "1.5亿" all work."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if unit:
        unit_text = unicodedata.normalize("NFKC", unit).strip()
        if unit_text and text.casefold().endswith(unit_text.casefold()):
            text = text[: -len(unit_text)]
        # A unit that is itself a magnitude ("万吨"): "2万" answers "2", not 20,000.
        unit_magnitude = unit_text[: len(unit_text) - len(unit_text.lstrip("".join(MAGNITUDES)))]
        if unit_magnitude and text.rstrip().endswith(unit_magnitude):
            text = text.rstrip()[: -len(unit_magnitude)]
    text = NUMBER_NOISE.sub("", text).rstrip("%")
    multiplier = Decimal(1)
    while text and text[-1] in MAGNITUDES:
        multiplier *= MAGNITUDES[text[-1]]
        text = text[:-1]
    if not text:
        return None
    try:
        number = Decimal(text) * multiplier
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


ZERO, ONE = Decimal(0), Decimal(1)
ZERO_POINTS = Decimal("0.00")


def score_fraction(question, correct_ids: set, selected_ids: set, response_text: str) -> Decimal:
    """The share of the question's points earned, from 0 to 1.

    ``question`` is a Question, or a GradedQuestion read as plain values (what grading uses).
    """
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        return ONE if selected_ids and selected_ids == correct_ids else ZERO
    if kind == Question.Kind.MULTIPLE:
        if not correct_ids:
            return ZERO
        if question.scoring == Question.Scoring.PARTIAL:
            right = len(selected_ids & correct_ids)
            wrong = len(selected_ids - correct_ids)
            return Decimal(right - wrong) / len(correct_ids) if right > wrong else ZERO
        return ONE if selected_ids == correct_ids else ZERO
    if kind == Question.Kind.TRUE_FALSE:
        if question.correct_boolean is None or response_text not in ("true", "false"):
            return ZERO
        return ONE if (response_text == "true") == question.correct_boolean else ZERO
    if kind == Question.Kind.NUMERIC:
        number = parse_number(response_text, question.unit)
        if number is None or question.numeric_answer is None:
            return ZERO
        return ONE if abs(number - question.numeric_answer) <= question.tolerance else ZERO
    if kind == Question.Kind.SHORT_TEXT:
        given = normalise_text(response_text)
        accepted = {normalise_text(a) for a in question.accepted_answer_list}
        return ONE if given and given in accepted else ZERO
    return ZERO


# What grading reads of a question, in GradedQuestion's order.
QUESTION_COLUMNS = (
    "kind",
    "scoring",
    "points",
    "correct_boolean",
    "numeric_answer",
    "tolerance",
    "unit",
    "accepted_answers",
)
# What grading reads of each answer and its question, as values: no model instances are built.
ANSWER_COLUMNS = ("id", "attempt_id", "question_id", "response_text", *(f"question__{c}" for c in QUESTION_COLUMNS))


@dataclass(slots=True)
class GradedQuestion:
    kind: str
    scoring: str
    points: Decimal
    correct_boolean: bool | None
    numeric_answer: Decimal | None
    tolerance: Decimal
    unit: str
    accepted_answers: str

    @property
    def accepted_answer_list(self) -> list[str]:
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]


@dataclass(slots=True)
class GradedAnswer:
    """One answer being graded: its id, attempt, question, what was typed, and the result."""

    pk: int
    attempt_id: int
    question_id: int
    response_text: str
    question: GradedQuestion
    awarded: Decimal = ZERO_POINTS
    fraction: float = 0.0
    is_correct: bool = False


def _graded_answers(answers) -> list[GradedAnswer]:
    """The answers of a queryset as GradedAnswer values (one query)."""
    return [
        GradedAnswer(pk, attempt_id, question_id, text, GradedQuestion(*question))
        for pk, attempt_id, question_id, text, *question in answers.values_list(*ANSWER_COLUMNS)
    ]


def apply_score(answer, correct_ids: set, selected_ids: set) -> None:
    fraction = score_fraction(answer.question, correct_ids, selected_ids, answer.response_text)
    points = answer.question.points
    if fraction is ONE:
        answer.awarded = points
    elif fraction is ZERO:
        answer.awarded = ZERO_POINTS
    else:
        answer.awarded = (points * fraction).quantize(CENTS)
    answer.fraction = float(fraction)
    answer.is_correct = fraction == 1


@dataclass(frozen=True, slots=True)
class AnswerKey:
    question: GradedQuestion
    correct: frozenset  # ids of the correct options


def answer_keys(question_ids) -> dict[int, AnswerKey]:
    """Question id → what grading needs of it, from the content cache (quizzes.signals starts a new
    generation whenever a question or option changes); two queries for those not cached."""

    def build(missing: list) -> dict:
        correct = correct_options(missing)
        rows = Question.objects.filter(pk__in=missing).order_by().values_list("pk", *QUESTION_COLUMNS)
        return {pk: AnswerKey(GradedQuestion(*question), frozenset(correct[pk])) for pk, *question in rows}

    return remember_each("answer-key", question_ids, build)


def correct_options(question_ids) -> dict[int, set]:
    """Question id → ids of its correct options (one query)."""
    correct = defaultdict(set)
    for question_id, option_id in Option.objects.filter(question_id__in=question_ids, is_correct=True).values_list(
        "question_id", "id"
    ):
        correct[question_id].add(option_id)
    return correct


def score_answers(answers: list[GradedAnswer], correct: dict[int, set], selected: dict[int, set]) -> None:
    """Score answers from what was read: correct option ids per question, selected option ids per answer."""
    empty = frozenset()
    for answer in answers:
        apply_score(answer, correct.get(answer.question_id, empty), selected.get(answer.pk, empty))


def _score_answers(answers: list[GradedAnswer], selections) -> None:
    """Score answers: two queries (correct options of their questions, the options selected)."""
    selected = defaultdict(set)
    for answer_id, option_id in selections.values_list("answer_id", "option_id"):
        selected[answer_id].add(option_id)
    score_answers(answers, correct_options({a.question_id for a in answers}), selected)


@dataclass(slots=True)
class Totals:
    max_score: Decimal
    score: Decimal
    percent: Decimal
    passed: bool


def totals(answers: list[GradedAnswer], pass_mark: int) -> Totals:
    max_score = sum((a.question.points for a in answers), ZERO)
    score = sum((a.awarded for a in answers), ZERO)
    percent = (score * 100 / max_score).quantize(CENTS) if max_score else ZERO_POINTS
    return Totals(max_score, score, percent, percent >= pass_mark)


@dataclass(frozen=True, slots=True)
class QuizRules:
    pass_mark: int
    lesson_id: int | None


def quiz_rules(quiz_id: int) -> QuizRules:
    """What grading needs of a quiz page; cached as page content (a saved page bumps the generation)."""
    pass_mark, lesson_id = remember(
        "quiz-grading",
        (quiz_id,),
        lambda: QuizPage.objects.filter(pk=quiz_id).values_list("pass_mark", "lesson_id").get(),
    )
    return QuizRules(pass_mark, lesson_id)


def _totals(attempt: Attempt, answers: list[GradedAnswer]) -> None:
    result = totals(answers, attempt.quiz.pass_mark)
    attempt.max_score, attempt.score, attempt.percent, attempt.passed = (
        result.max_score,
        result.score,
        result.percent,
        result.passed,
    )


GRADED_ANSWER_FIELDS = ["awarded", "fraction", "is_correct"]


def write_grades(answers: list[GradedAnswer]) -> None:
    """Store the graded fields of many answers in one statement per few hundred answers."""
    update_rows(AttemptAnswer, GRADED_ANSWER_FIELDS, [(a.pk, a.awarded, a.fraction, a.is_correct) for a in answers])


GRADED_ATTEMPT_FIELDS = ["max_score", "score", "percent", "passed", "graded_at"]


def grade_attempt(attempt: Attempt) -> Attempt:
    """Grade a submitted attempt: five queries whatever the number of questions, no model per answer."""
    answers = _graded_answers(AttemptAnswer.objects.filter(attempt=attempt))
    _score_answers(answers, SelectedOption.objects.filter(answer__attempt=attempt))
    write_grades(answers)
    _totals(attempt, answers)
    attempt.graded_at = timezone.now()
    Attempt.objects.filter(pk=attempt.pk).update(**{f: getattr(attempt, f) for f in GRADED_ATTEMPT_FIELDS})
    return attempt


def regrade_attempts(attempts) -> list[Attempt]:
    """Grade submitted attempts again after questions were corrected; returns those whose result changed.

    A constant number of queries for any number of attempts (bulk reads and bulk updates).
    """
    attempts = {a.pk: a for a in attempts.filter(status=Attempt.Status.SUBMITTED).select_related("quiz")}
    if not attempts:
        return []
    answers = _graded_answers(AttemptAnswer.objects.filter(attempt__in=list(attempts)))
    before = {pk: (a.score, a.passed) for pk, a in attempts.items()}
    _score_answers(answers, SelectedOption.objects.filter(answer__attempt__in=list(attempts)))
    write_grades(answers)
    by_attempt = defaultdict(list)
    for answer in answers:
        by_attempt[answer.attempt_id].append(answer)
    now = timezone.now()
    for pk, attempt in attempts.items():
        _totals(attempt, by_attempt[pk])
        attempt.regraded_at = now
    Attempt.objects.bulk_update(
        attempts.values(), ["max_score", "score", "percent", "passed", "regraded_at"], batch_size=500
    )
    return [a for pk, a in attempts.items() if (a.score, a.passed) != before[pk]]
