"""The attempt lifecycle: start → save answers (autosave) → submit → graded. No HTTP here.

Idempotency: a partial unique index allows one open attempt per trainee and quiz, so a double
click or a second tab gets the same attempt back; submitting is a conditional UPDATE
(``status = in_progress``), so only the first submit grades. A save of answers first counts itself
on the attempt row (``answer_saves``), which locks it (SQLite serialises writers with IMMEDIATE
transactions); a submit reads and grades outside the transaction and closes the attempt only if
that count is still what it read, else it reads again: SQLite's write lock is held for two UPDATEs.

Time limits are enforced here, not in the browser: answers arriving later than the deadline plus
``LATE_GRACE`` are refused, and a late submit grades only what was saved in time.
"""

import logging
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attempt, AttemptAnswer, Option, Question, QuizPage, SelectedOption
from .bulk_sql import update_rows, update_where
from .errors import QuizError
from .grading import (
    GRADED_ANSWER_FIELDS,
    GradedAnswer,
    answer_keys,
    quiz_rules,
    score_answers,
    totals,
    write_grades,
)
from .translation import default_locale_id, prefer_locale, questions_in_locale

logger = logging.getLogger(__name__)

# Network latency allowance: an autosave sent just before the deadline still counts.
LATE_GRACE = timedelta(seconds=15)
MAX_RESPONSE_LENGTH = 500
_rng = random.SystemRandom()


# --- drawing questions ---------------------------------------------------------------------------


def draw_questions(quiz: QuizPage, rng=_rng) -> list[Question]:
    """The questions for a new attempt, in the quiz page's language.

    Fixed: the list in order, each question in the page's language where translated (else as
    listed). Random: N per rule from the rule's category (in any of its languages), the questions
    translated into the page's language first; untranslated ones only top up a short pool.
    """
    if quiz.selection == QuizPage.Selection.FIXED:
        rows = quiz.fixed_questions.filter(question__is_active=True).select_related("question").order_by("sort_order")
        questions = questions_in_locale([row.question for row in rows], quiz.locale_id)
    else:
        questions = _random_draw(quiz, rng)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def _random_draw(quiz: QuizPage, rng) -> list[Question]:
    rules = list(quiz.draw_rules.select_related("category").order_by("sort_order"))
    versions = defaultdict(lambda: defaultdict(list))  # category key → question key → [(id, locale id)]
    for question_id, key, locale_id, category_key in (
        Question.objects.filter(
            is_active=True, category__translation_key__in=[r.category.translation_key for r in rules]
        )
        .order_by("pk")
        .values_list("id", "translation_key", "locale_id", "category__translation_key")
    ):
        versions[category_key][key].append((question_id, locale_id))
    fallback = default_locale_id()
    chosen: list[int] = []
    for rule in rules:
        pool = versions[rule.category.translation_key]
        shown = {key: prefer_locale(pairs, quiz.locale_id, fallback) for key, pairs in pool.items()}
        translated = [pk for key, pk in shown.items() if pk not in chosen and _has_locale(pool[key], quiz.locale_id)]
        others = [pk for key, pk in shown.items() if pk not in chosen and not _has_locale(pool[key], quiz.locale_id)]
        picked = rng.sample(translated, min(rule.count, len(translated)))
        picked += rng.sample(others, min(rule.count - len(picked), len(others)))
        chosen.extend(picked)
    found = Question.objects.in_bulk(chosen)
    return [found[pk] for pk in chosen]


def _has_locale(pairs: list[tuple], locale_id: int) -> bool:
    return any(loc == locale_id for _pk, loc in pairs)


def option_orders(questions: list[Question], shuffle: bool, rng=_rng) -> dict[int, list[int]]:
    orders = defaultdict(list)
    choice_ids = [q.pk for q in questions if q.has_options]
    for question_id, option_id in (
        Option.objects.filter(question_id__in=choice_ids).order_by("sort_order", "pk").values_list("question_id", "id")
    ):
        orders[question_id].append(option_id)
    if shuffle:
        for ids in orders.values():
            rng.shuffle(ids)
    return orders


# --- starting ---------------------------------------------------------------------------------------


def open_attempt(user, quiz: QuizPage) -> Attempt | None:
    return (
        Attempt.objects.filter(quiz_key=quiz.translation_key, user=user, status=Attempt.Status.IN_PROGRESS)
        .select_related("quiz")
        .first()
    )


def attempts_used(user, quiz: QuizPage) -> int:
    return Attempt.objects.filter(quiz_key=quiz.translation_key, user=user).count()


def start_attempt(user, quiz: QuizPage, now=None, rng=_rng) -> tuple[Attempt, bool]:
    """Open a new attempt, or return the one already open; ``(attempt, created)``."""
    now = now or timezone.now()
    if not user.is_authenticated:
        raise QuizError("login_required", _("Sign in to take the quiz."))
    if not quiz.live:
        raise QuizError("not_live", _("This quiz is not published."))
    close_expired_attempts(now=now, user=user, quiz_key=quiz.translation_key)
    existing = open_attempt(user, quiz)
    if existing:
        return existing, False
    if quiz.closes_at and now >= quiz.closes_at:
        raise QuizError("closed", _("This quiz has closed."))
    used = attempts_used(user, quiz)
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError("no_attempts_left", _("You have used all your attempts at this quiz."))
    questions = draw_questions(quiz, rng)
    if not questions:
        raise QuizError("no_questions", _("This quiz has no questions yet."))
    orders = option_orders(questions, quiz.shuffle_options, rng)
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    if quiz.closes_at:
        deadline = min(deadline, quiz.closes_at) if deadline else quiz.closes_at
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                quiz_key=quiz.translation_key,
                user=user,
                number=used + 1,
                started_at=now,
                deadline=deadline,
            )
            AttemptAnswer.objects.bulk_create(
                AttemptAnswer(attempt=attempt, question=q, position=i, option_order=orders.get(q.pk, []))
                for i, q in enumerate(questions, start=1)
            )
    except IntegrityError:  # another tab or a double click got there first
        existing = open_attempt(user, quiz)
        if existing:
            return existing, False
        raise QuizError("busy", _("Another attempt was just started; reload the page.")) from None
    return attempt, True


# --- saving answers -------------------------------------------------------------------------------


def is_past_deadline(attempt: Attempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + LATE_GRACE


def is_expired(attempt: Attempt, now=None) -> bool:
    """Open, but its time is up: the next POST (or the close_expired_attempts command) grades it."""
    return attempt.is_open and is_past_deadline(attempt, now or timezone.now())


@dataclass(slots=True)
class SavedAnswer:
    """An answer as saving and submitting need it, read as values (no model instances)."""

    pk: int
    position: int
    kind: str
    option_order: list
    response_text: str
    selected: set = field(default_factory=set)  # option ids
    saved_at: datetime | None = None
    question_id: int = 0


CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)


class FormValues:
    """The attempt page's form as answers: its ``q-<position>`` fields, read by the question's kind.

    Every question of the attempt is answered: a field missing from the form clears its answer
    (an unticked radio button sends nothing). Nothing else in the form (a forged score) is read.
    """

    def __init__(self, form):
        self.form = form  # a QueryDict, or any mapping with get() and getlist()

    def value(self, answer: SavedAnswer):
        name = f"q-{answer.position}"
        return self.form.getlist(name) if answer.kind == Question.Kind.MULTIPLE else self.form.get(name, "")


def _option_ids(answer: SavedAnswer, value) -> list[int]:
    """Map the positions the browser sent ("0", "2") to option ids; anything else is refused."""
    keys = value if isinstance(value, list | tuple) else [value]
    keys = [str(k) for k in keys if str(k) != ""]
    if answer.kind == Question.Kind.SINGLE and len(keys) > 1:
        raise QuizError("bad_answer", _("Choose only one option."))
    ids = []
    for key in keys:
        if not key.isdigit() or len(key) > 4 or int(key) >= len(answer.option_order):
            raise QuizError("bad_answer", _("That option does not exist."))
        ids.append(answer.option_order[int(key)])
    return list(dict.fromkeys(ids))


def _text_value(answer: SavedAnswer, value) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    text = str(value if value is not None else "").strip()[:MAX_RESPONSE_LENGTH]
    if answer.kind == Question.Kind.TRUE_FALSE and text not in ("", "true", "false"):
        raise QuizError("bad_answer", _("Answer true or false."))
    return text


@cache
def _answers_sql(vendor: str) -> tuple[str, str]:
    """An attempt's answers with their question's kind; the options selected for some answers.

    Written out (quoted per vendor): the ORM would compile them on every autosave and submit, at
    several times the cost of running them. Selections are found by answer ids, not by a join:
    a join's plan depends on table statistics that a table just filled has not got yet.
    """
    quote = connection.ops.quote_name
    answers, questions, selections = (
        quote(model._meta.db_table) for model in (AttemptAnswer, Question, SelectedOption)
    )
    return (
        "SELECT a.id, a.position, q.kind, a.option_order, a.response_text, a.question_id "  # noqa: S608 - quoted model tables
        f"FROM {answers} a INNER JOIN {questions} q ON q.id = a.question_id WHERE a.attempt_id = %s",
        f"SELECT answer_id, option_id FROM {selections} WHERE answer_id IN ",  # noqa: S608 - quoted model table
    )


def _read_answers(attempt: Attempt, positions=None) -> list[SavedAnswer]:
    """The attempt's answers (those at ``positions``) with their selected options, in two queries."""
    if positions is not None and not positions:
        return []
    answers_sql, selections_sql = _answers_sql(connection.vendor)
    params = [attempt.pk]
    if positions is not None:
        answers_sql += f" AND a.position IN ({', '.join(['%s'] * len(positions))})"
        params += positions
    option_order = AttemptAnswer._meta.get_field("option_order")
    with connection.cursor() as cursor:
        cursor.execute(answers_sql, params)
        answers = {
            pk: SavedAnswer(
                pk, position, kind, option_order.from_db_value(order, None, connection), text, question_id=question_id
            )
            for pk, position, kind, order, text, question_id in cursor.fetchall()
        }
        choices = [pk for pk, answer in answers.items() if answer.kind in CHOICE_KINDS]
        if choices:
            cursor.execute(f"{selections_sql}({', '.join(['%s'] * len(choices))})", choices)
            for answer_id, option_id in cursor.fetchall():
                answers[answer_id].selected.add(option_id)
    return sorted(answers.values(), key=lambda a: a.position)


@dataclass(slots=True)
class AnswerChanges:
    saved: list[SavedAnswer]  # the answers given a value, with their new text and selection
    changed_choices: list[int]  # answers whose selected options are to be replaced
    selections: list[SelectedOption]


def _apply_values(answers: list[SavedAnswer], values, now) -> AnswerChanges:
    """Check and apply the values to the answers read (nothing is written): ``{position: value}`` or FormValues."""
    if isinstance(values, FormValues):
        saved = answers
    else:
        positions = {int(p) for p in values}
        saved = [a for a in answers if a.position in positions]
        if len(saved) != len(positions):
            raise QuizError("no_such_question", _("That question is not part of this attempt."))
    changes = AnswerChanges(saved, [], [])
    for answer in saved:
        if isinstance(values, FormValues):
            value = values.value(answer)
        else:
            value = values.get(answer.position, values.get(str(answer.position)))
        if answer.kind in CHOICE_KINDS:
            chosen = _option_ids(answer, value)
            if set(chosen) != answer.selected:
                changes.changed_choices.append(answer.pk)
                changes.selections += [SelectedOption(answer_id=answer.pk, option_id=i) for i in chosen]
                answer.selected = set(chosen)
        else:
            answer.response_text = _text_value(answer, value)
        answer.saved_at = now
    return changes


def _write_selections(changes: AnswerChanges) -> None:
    """Selections are rewritten only where they changed, so a final submit of autosaved answers keeps them."""
    if changes.changed_choices:
        SelectedOption.objects.filter(answer_id__in=changes.changed_choices).delete()
        SelectedOption.objects.bulk_create(changes.selections)


def save_answers(attempt: Attempt, values, now=None) -> list[SavedAnswer]:
    """Store the trainee's answers ``{position: value}`` (or the page's FormValues); a constant number of queries.

    Choice values are option positions as displayed; text values are what was typed.
    """
    now = now or timezone.now()
    positions = None if isinstance(values, FormValues) else {int(p) for p in values}
    with transaction.atomic():
        # The first write locks the attempt (its row on PostgreSQL) and tells a submit that read
        # the answers before this save that it must read them again.
        opened = Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(
            answer_saves=F("answer_saves") + 1
        )
        if not opened:
            raise QuizError("submitted", _("This attempt has already been submitted."))
        if is_past_deadline(attempt, now):  # the deadline is fixed when the attempt starts
            raise QuizError("time_up", _("Time is up: answers can no longer be changed."))
        changes = _apply_values(_read_answers(attempt, positions), values, now)
        _write_selections(changes)
        saved_at = connection.ops.adapt_datetimefield_value(now)
        update_rows(
            AttemptAnswer, ["response_text", "saved_at"], [(a.pk, a.response_text, saved_at) for a in changes.saved]
        )
    attempt.answer_saves += 1  # a submit of this same attempt object then needs no second read
    return changes.saved


def save_answer(attempt: Attempt, position: int, value, now=None) -> SavedAnswer:
    return save_answers(attempt, {int(position): value}, now)[0]


# --- submitting and grading ------------------------------------------------------------------------

# A submit reads again when an answer was saved since it read; only a client saving without
# pause could make it read this often.
SUBMIT_READS = 5


def submit_attempt(attempt: Attempt, values=None, now=None) -> tuple[Attempt, bool]:
    """Submit and grade once; ``(attempt, graded_now)``. Submitting again changes nothing.

    ``values`` (``{position: value}`` or the page's FormValues) are saved first when still in
    time; after the deadline only the answers saved in time count and the attempt is marked
    ``timed_out``.
    """
    now = now or timezone.now()
    for _read in range(SUBMIT_READS):
        if attempt.is_open:
            if _submit_as_read(attempt, values, now):
                if attempt.passed and quiz_rules(attempt.quiz_id).lesson_id:
                    complete_linked_lesson(attempt)
                return attempt, True
            attempt.status, attempt.answer_saves = (
                Attempt.objects.filter(pk=attempt.pk).values_list("status", "answer_saves").get()
            )
        if not attempt.is_open:
            return Attempt.objects.select_related("quiz", "user").get(pk=attempt.pk), False
    raise QuizError("busy", _("Your answers are still being saved; submit again in a moment."))


def _submit_as_read(attempt: Attempt, values, now) -> bool:
    """Grade the answers as read (and as ``values`` change them), then write it all at once.

    Everything is read and computed before the transaction, which holds the write lock (all of
    SQLite's) for a few statements. Its first statement closes the attempt only if it is still
    open and no answer was saved since ``attempt.answer_saves`` was read; False if not.
    """
    seen_saves = attempt.answer_saves
    answers = _read_answers(attempt)
    late = is_past_deadline(attempt, now)
    changes = _apply_values(answers, values, now) if values and not late else None
    keys = answer_keys([a.question_id for a in answers])
    graded = [
        GradedAnswer(a.pk, attempt.pk, a.question_id, a.response_text, keys[a.question_id].question) for a in answers
    ]
    score_answers(graded, {pk: key.correct for pk, key in keys.items()}, {a.pk: a.selected for a in answers})
    result = totals(graded, quiz_rules(attempt.quiz_id).pass_mark)
    with transaction.atomic():
        closed = update_where(
            Attempt,
            {
                "status": Attempt.Status.SUBMITTED,
                "submitted_at": now,
                "timed_out": late,
                "max_score": result.max_score,
                "score": result.score,
                "percent": result.percent,
                "passed": result.passed,
                "graded_at": now,
            },
            {"id": attempt.pk, "status": Attempt.Status.IN_PROGRESS, "answer_saves": seen_saves},
        )
        if not closed:
            return False
        saved_at = connection.ops.adapt_datetimefield_value(now)
        if changes is not None:
            _write_selections(changes)
        if changes is not None and len(changes.saved) == len(graded):  # the whole form: one UPDATE
            update_rows(
                AttemptAnswer,
                ["response_text", "saved_at", *GRADED_ANSWER_FIELDS],
                [(g.pk, g.response_text, saved_at, g.awarded, g.fraction, g.is_correct) for g in graded],
            )
        else:
            if changes is not None:
                rows = [(a.pk, a.response_text, saved_at) for a in changes.saved]
                update_rows(AttemptAnswer, ["response_text", "saved_at"], rows)
            write_grades(graded)
    attempt.status, attempt.timed_out = Attempt.Status.SUBMITTED, late
    attempt.submitted_at = attempt.graded_at = now
    attempt.max_score, attempt.score, attempt.percent = result.max_score, result.score, result.percent
    attempt.passed = result.passed
    return True


def complete_linked_lesson(attempt: Attempt) -> None:
    """Passing a lesson's quiz completes the lesson (courses' own idempotent rule)."""
    quiz = attempt.quiz
    if not (attempt.passed and quiz.lesson_id):
        return
    from courses.services import CourseError, complete_lesson

    try:
        complete_lesson(attempt.user, quiz.lesson, source="quiz")
    except CourseError as error:  # e.g. the lesson was unpublished; the pass itself stands
        logger.warning("Quiz %s passed but lesson %s not completed: %s", quiz.pk, quiz.lesson_id, error.code)


def close_expired_attempts(now=None, **filters) -> int:
    """Submit open attempts whose time ran out (on the trainee's next POST, or the cron command).

    Never called on a GET: reading a page grades nothing.
    """
    now = now or timezone.now()
    expired = Attempt.objects.filter(
        status=Attempt.Status.IN_PROGRESS, deadline__lt=now - LATE_GRACE, **filters
    ).select_related("quiz", "user")
    closed = 0
    for attempt in expired:
        _attempt, graded = submit_attempt(attempt, now=now)
        closed += graded
    return closed
