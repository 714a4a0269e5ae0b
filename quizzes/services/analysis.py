"""Item analysis with database aggregates: facility, discrimination and option frequencies.

- Facility index: the mean share of the question's points earned (0 = nobody, 1 = everybody).
- Discrimination index: facility in the top 27 % of attempts (by percent) minus facility in the
  bottom 27 % (Kelley's groups); near 0 or negative means the question does not separate strong
  from weak trainees and deserves a look.
- Option frequencies: how often each option (or true/false, or typed answer) was given.

A quiz and its translations are one quiz: answers are grouped by the question's translation key
(its language versions) and option counts by the option's position, and each row shows the
question in the quiz page's language. A fixed number of queries whatever the number of attempts
or questions.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from ..models import AttemptAnswer, Question, QuizPage, SelectedOption
from .translation import option_slots, versions_by_key

GROUP_SHARE = 0.27
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


def item_analysis(quiz: QuizPage, attempts) -> list[ItemStats]:
    attempts = attempts.order_by()
    total = attempts.count()
    group = max(1, math.ceil(total * GROUP_SHARE)) if total else 0
    upper = attempts.order_by("-percent", "pk").values("pk")[:group]
    lower = attempts.order_by("percent", "pk").values("pk")[:group]
    answers = AttemptAnswer.objects.filter(attempt__in=attempts.values("pk"))
    per_question = {
        row["question__translation_key"]: row
        for row in answers.values("question__translation_key").annotate(
            answered=Count("pk"),
            facility=Avg("fraction"),
            upper=Avg("fraction", filter=Q(attempt__in=upper)),
            lower=Avg("fraction", filter=Q(attempt__in=lower)),
        )
    }
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
        row = per_question[key]
        item = ItemStats(question=question, answered=row["answered"], facility=row["facility"])
        if row["upper"] is not None and row["lower"] is not None and total >= 2:
            item.discrimination = row["upper"] - row["lower"]
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
        rows.append((text, n, right))
    return rows
