"""Scoring one answer, and grading whole attempts in a constant number of queries.

Only the server grades: the browser sends what the trainee chose, never a score or a
``correct`` flag, and nothing it sends beyond the answer itself is read.
"""

import re
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.db import connection
from django.utils import timezone

from ..models import Attempt, AttemptAnswer, Option, Question, SelectedOption

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


def score_fraction(question: Question, correct_ids: set, selected_ids: set, response_text: str) -> Decimal:
    """The share of the question's points earned, from 0 to 1."""
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        return Decimal(1) if selected_ids and selected_ids == correct_ids else Decimal(0)
    if kind == Question.Kind.MULTIPLE:
        if not correct_ids:
            return Decimal(0)
        if question.scoring == Question.Scoring.PARTIAL:
            right = len(selected_ids & correct_ids)
            wrong = len(selected_ids - correct_ids)
            return max(Decimal(0), Decimal(right - wrong) / Decimal(len(correct_ids)))
        return Decimal(1) if selected_ids == correct_ids else Decimal(0)
    if kind == Question.Kind.TRUE_FALSE:
        if question.correct_boolean is None or response_text not in ("true", "false"):
            return Decimal(0)
        return Decimal(1) if (response_text == "true") == question.correct_boolean else Decimal(0)
    if kind == Question.Kind.NUMERIC:
        number = parse_number(response_text, question.unit)
        if number is None or question.numeric_answer is None:
            return Decimal(0)
        return Decimal(1) if abs(number - question.numeric_answer) <= question.tolerance else Decimal(0)
    if kind == Question.Kind.SHORT_TEXT:
        given = normalise_text(response_text)
        accepted = {normalise_text(a) for a in question.accepted_answer_list}
        return Decimal(1) if given and given in accepted else Decimal(0)
    return Decimal(0)


def apply_score(answer: AttemptAnswer, correct_ids: set, selected_ids: set) -> None:
    fraction = score_fraction(answer.question, correct_ids, selected_ids, answer.response_text)
    answer.awarded = (answer.question.points * fraction).quantize(CENTS)
    answer.fraction = float(fraction)
    answer.is_correct = fraction == 1


def _score_answers(answers: list[AttemptAnswer]) -> None:
    """Score answers whose questions are loaded: two queries (correct options, selections)."""
    question_ids = {a.question_id for a in answers}
    correct = defaultdict(set)
    for question_id, option_id in Option.objects.filter(question_id__in=question_ids, is_correct=True).values_list(
        "question_id", "id"
    ):
        correct[question_id].add(option_id)
    selected = defaultdict(set)
    for answer_id, option_id in SelectedOption.objects.filter(answer__in=[a.pk for a in answers]).values_list(
        "answer_id", "option_id"
    ):
        selected[answer_id].add(option_id)
    for answer in answers:
        apply_score(answer, correct[answer.question_id], selected[answer.pk])


def _totals(attempt: Attempt, answers: list[AttemptAnswer]) -> None:
    attempt.max_score = sum((a.question.points for a in answers), Decimal(0))
    attempt.score = sum((a.awarded for a in answers), Decimal(0))
    attempt.percent = (
        (attempt.score * 100 / attempt.max_score).quantize(CENTS) if attempt.max_score else Decimal("0.00")
    )
    attempt.passed = attempt.percent >= attempt.quiz.pass_mark


GRADED_ANSWER_FIELDS = ["awarded", "fraction", "is_correct"]
WRITE_BATCH = 300


def write_grades(answers: list[AttemptAnswer]) -> None:
    """Store the graded fields of many answers in one UPDATE … FROM (VALUES …) per 300 answers.

    Django's ``bulk_update`` builds a CASE expression per field and row, which cost about 80 % of
    grading time for 100 questions; SQLite (3.33+) and PostgreSQL both accept this form.
    """
    if connection.vendor not in ("sqlite", "postgresql"):
        AttemptAnswer.objects.bulk_update(answers, GRADED_ANSWER_FIELDS, batch_size=WRITE_BATCH)
        return
    table = connection.ops.quote_name(AttemptAnswer._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(answers), WRITE_BATCH):
            chunk = answers[start : start + WRITE_BATCH]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            params = [v for a in chunk for v in (a.pk, a.awarded, a.fraction, a.is_correct)]
            cursor.execute(
                f"UPDATE {table} SET awarded = v.column2, fraction = v.column3, is_correct = v.column4 "  # noqa: S608
                f"FROM (VALUES {values}) AS v WHERE {table}.id = v.column1",
                params,
            )


GRADED_ATTEMPT_FIELDS = ["max_score", "score", "percent", "passed", "graded_at"]


def grade_attempt(attempt: Attempt) -> Attempt:
    """Grade a submitted attempt: five queries whatever the number of questions."""
    answers = list(AttemptAnswer.objects.filter(attempt=attempt).select_related("question"))
    _score_answers(answers)
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
    answers = list(AttemptAnswer.objects.filter(attempt__in=list(attempts)).select_related("question"))
    before = {pk: (a.score, a.passed) for pk, a in attempts.items()}
    _score_answers(answers)
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
