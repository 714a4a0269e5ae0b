"""Item analysis with database aggregates: facility, discrimination and option frequencies.

- Facility index: the mean share of the question's points earned (0 = nobody, 1 = everybody).
- Discrimination index: facility in the top 27 % of attempts (by percent) minus facility in the
  bottom 27 % (Kelley's groups); near 0 or negative means the question does not separate strong
  from weak trainees and deserves a look.
- Option frequencies: how often each option (or true/false, or typed answer) was given, with
  true/false shown in the reader's language.

Every figure of a question comes from the graded attempts that drew it (a random draw shows each
trainee different questions): its responses are those attempts, and Kelley's groups are the top and
bottom 27 % *of those attempts*. The header counts the graded attempts whose answers are recorded, so
with fixed questions every row's responses equal the header. A fixed number of queries whatever the
number of attempts or questions.

A quiz and its translations are one quiz: answers are grouped by the question's translation key
(its language versions) and option counts by the option's position, and each row shows the
question in the quiz page's language.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from ..models import AttemptAnswer, Question, QuizPage, SelectedOption
from .translation import option_slots, versions_by_key

GROUP_PERCENT = 27  # Kelley's groups: the top and bottom 27 % of the attempts that drew the question
TOP_TYPED_ANSWERS = 5


@dataclass
class ItemStats:
    question: Question
    answered: int = 0
    facility: float | None = None
    discrimination: float | None = None
    # [(label, count, is_correct)] in the option order the author set
    frequencies: list = field(default_factory=list)

    @property
    def flag(self) -> str:
        """A hint for the instructor: too hard, too easy, or not discriminating."""
        if self.facility is None:
            return ""
        if self.discrimination is not None and self.discrimination < 0.2:
            return "low_discrimination"
        if self.facility < 0.3:
            return "hard"
        if self.facility > 0.9:
            return "easy"
        return ""


def graded_answers(attempts):
    """The answers of graded attempts: one per attempt that drew the question."""
    return AttemptAnswer.objects.filter(attempt__in=attempts.order_by().values("pk"), fraction__isnull=False)


def analysed_attempts(attempts) -> int:
    """How many of the attempts have graded answers recorded (the analysis header)."""
    return graded_answers(attempts).values("attempt_id").distinct().count()


def _per_question(answers) -> dict:
    """question translation key -> (responses, facility, upper-group facility, lower-group facility), one query.

    Window functions rank each question's answers by their attempt's percent; the outer query keeps
    the first ceil(27 % of n) in each direction (integer arithmetic: 100·rank ≤ 27·n + 99).
    """
    ranked = answers.annotate(
        question_key=F("question__translation_key"),
        high=Window(
            RowNumber(),
            partition_by=[F("question__translation_key")],
            order_by=[F("attempt__percent").desc(), "attempt_id"],
        ),
        low=Window(
            RowNumber(),
            partition_by=[F("question__translation_key")],
            order_by=[F("attempt__percent").asc(), "attempt_id"],
        ),
        seen=Window(Count("pk"), partition_by=[F("question__translation_key")]),
    ).values("question_key", "fraction", "high", "low", "seen")
    inner, params = ranked.query.sql_with_params()
    q = connection.ops.quote_name
    in_group = f"100 * {{rank}} <= {GROUP_PERCENT} * {q('seen')} + 99"
    sql = (
        f"SELECT {q('question_key')}, COUNT(*), AVG({q('fraction')}), "  # noqa: S608 (no user input)
        f"AVG(CASE WHEN {in_group.format(rank=q('high'))} THEN {q('fraction')} END), "
        f"AVG(CASE WHEN {in_group.format(rank=q('low'))} THEN {q('fraction')} END) "
        f"FROM ({inner}) ranked GROUP BY {q('question_key')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # A raw cursor returns SQLite's UUIDs as hex text: keys are made UUIDs, as the ORM gives them.
        return {uuid.UUID(str(row[0])): row[1:] for row in cursor.fetchall()}


def item_analysis(quiz: QuizPage, attempts) -> list[ItemStats]:
    answers = graded_answers(attempts)
    per_question = _per_question(answers)
    asked = set(answers.values_list("question_id", flat=True).distinct())
    slots = option_slots(asked)
    option_counts = defaultdict(int)
    for option_id, n in (
        SelectedOption.objects.filter(answer__in=answers.values("pk"))
        .values("option_id")
        .annotate(n=Count("pk"))
        .values_list("option_id", "n")
    ):
        option_counts[slots.get(option_id)] += n
    typed = defaultdict(lambda: defaultdict(int))
    for key, text, n in (
        answers.filter(question__kind__in=[Question.Kind.TRUE_FALSE, Question.Kind.NUMERIC, Question.Kind.SHORT_TEXT])
        .values("question__translation_key", "response_text")
        .annotate(n=Count("pk"))
        .values_list("question__translation_key", "response_text", "n")
    ):
        typed[key][text] += n
    questions = versions_by_key(asked, quiz.locale_id)
    order = {
        key: i
        for i, key in enumerate(
            quiz.fixed_questions.order_by("sort_order").values_list("question__translation_key", flat=True)
        )
    }
    items = []
    for key, question in sorted(
        questions.items(), key=lambda kq: (order.get(kq[0], len(order)), kq[1].category_id, kq[1].reference)
    ):
        responses, facility, upper, lower = per_question[key]
        item = ItemStats(question=question, answered=responses, facility=facility)
        if responses >= 2 and upper is not None and lower is not None:
            item.discrimination = upper - lower
        if question.has_options:
            item.frequencies = [
                (o.text, option_counts.get((key, i), 0), o.is_correct) for i, o in enumerate(question.options.all())
            ]
        else:
            counts = sorted(typed[key].items(), key=lambda tn: (-tn[1], tn[0]))
            item.frequencies = _typed_frequencies(question, counts)
        items.append(item)
    return items


def _typed_frequencies(question: Question, counts: list) -> list:
    from .grading import score_fraction

    rows = []
    for text, n in counts[:TOP_TYPED_ANSWERS]:
        right = bool(text) and score_fraction(question, set(), set(), text) == 1
        rows.append((answer_label(question, text), n, right))
    return rows


def answer_label(question: Question, text: str) -> str:
    """A typed answer as the reader reads it: true/false in their language."""
    if question.kind == Question.Kind.TRUE_FALSE:
        return {"true": _("True"), "false": _("False")}.get(text, text)
    return text
