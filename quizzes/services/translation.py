"""One question in several languages: finding a question's version in a locale, and keeping the
parts that decide the answer the same in every version.

A question and its translations share a Wagtail translation key (and a reference). Texts — stem,
options, unit, accepted answers, explanation — belong to each language; what decides a score —
type, points, scoring, the right options (by position), the true/false and numeric answers,
tolerance, active, category and tags — is the same in every version (``sync_translations``), so
a quiz in Chinese and its English translation are one quiz. Statistics group answers by
``question_key`` (the translation key) and options by position.
"""

import uuid

from django.db import transaction
from wagtail.models import Locale

from ..models import Option, Question, QuestionCategory

# What decides a score; the same in every language version.
SHARED_FIELDS = ["kind", "points", "scoring", "correct_boolean", "numeric_answer", "tolerance", "is_active"]


def question_key(question: Question) -> uuid.UUID:
    """What a question's language versions have in common: group statistics by this."""
    return question.translation_key


def same_question(a: Question, b: Question) -> bool:
    return a.translation_key == b.translation_key


def default_locale_id() -> int:
    return Locale.get_default().pk


def question_in_locale(question: Question, locale) -> Question:
    """The question's version in ``locale`` (a Locale or its id), else the question itself."""
    return questions_in_locale([question], locale)[0]


def questions_in_locale(questions: list[Question], locale) -> list[Question]:
    """Each question in ``locale`` where a translation exists (and is active), else unchanged; one query."""
    locale_id = getattr(locale, "pk", locale)
    keys = {q.translation_key for q in questions if q.locale_id != locale_id}
    if not keys:
        return list(questions)
    found = {
        q.translation_key: q
        for q in Question.objects.filter(translation_key__in=keys, locale_id=locale_id, is_active=True)
    }
    return [q if q.locale_id == locale_id else found.get(q.translation_key, q) for q in questions]


def prefer_locale(versions: list[tuple], locale_id: int, fallback_locale_id: int):
    """From ``(question_id, locale_id)`` pairs of one question, the id to show: the reader's
    language, else the default language, else the first."""
    by_locale = {loc: pk for pk, loc in versions}
    return by_locale.get(locale_id) or by_locale.get(fallback_locale_id) or versions[0][0]


def category_in_locale(category: QuestionCategory, locale) -> QuestionCategory:
    """The category's version in ``locale``, created (named as the original) when missing."""
    return category.in_locale(getattr(locale, "pk", locale))


def sync_translations(question: Question) -> list[Question]:
    """Copy what decides a score from ``question`` to its other language versions.

    Right options are copied by position when both versions have the same number of options;
    the versions whose options could not be matched are returned (the editor is told).
    """
    others = list(Question.objects.filter(translation_key=question.translation_key).exclude(pk=question.pk))
    if not others:
        return []
    right = [o.is_correct for o in question.options.order_by("sort_order", "pk")]
    tags = [t.name for t in question.tags.all()]
    options = {other.pk: [] for other in others}
    for option in Option.objects.filter(question__in=others).order_by("sort_order", "pk"):
        options[option.question_id].append(option)
    unmatched = []
    with transaction.atomic():
        for other in others:
            for name in SHARED_FIELDS:
                setattr(other, name, getattr(question, name))
            other.reference = question.reference
            other.category = category_in_locale(question.category, other.locale_id)
            other.tags.set(tags)
            other.save()
            if len(options[other.pk]) != len(right):
                unmatched.append(other)
            else:
                changed = [o for o, flag in zip(options[other.pk], right, strict=True) if o.is_correct != flag]
                for option in changed:
                    option.is_correct = not option.is_correct
                Option.objects.bulk_update(changed, ["is_correct"])
    return unmatched


def localise_quiz(quiz) -> int:
    """Point a quiz page's fixed questions and draw rules at the versions in the page's language
    where they exist (a translated page starts with the original's); the number of rows changed.

    Drawing resolves languages anyway (``questions_in_locale``); this keeps the editor's view of
    the translated quiz in its own language.
    """
    from ..models import QuizDrawRule, QuizQuestion

    rows = list(QuizQuestion.objects.filter(page=quiz).select_related("question"))
    localised = questions_in_locale([row.question for row in rows], quiz.locale_id)
    moved = []
    for row, question in zip(rows, localised, strict=True):
        if question.pk != row.question_id:
            row.question = question
            moved.append(row)
    QuizQuestion.objects.bulk_update(moved, ["question"])
    changed = len(moved)
    for rule in QuizDrawRule.objects.filter(page=quiz).select_related("category"):
        category = QuestionCategory.objects.filter(
            translation_key=rule.category.translation_key, locale_id=quiz.locale_id
        ).first()
        if category and category.pk != rule.category_id:
            rule.category = category
            rule.save(update_fields=["category"])
            changed += 1
    return changed


def versions_by_key(question_ids, locale_id: int) -> dict[uuid.UUID, Question]:
    """For statistics: one question per translation key among ``question_ids``, in ``locale_id``'s
    language where it is one of them (else the lowest id), with its options prefetched."""
    chosen: dict[uuid.UUID, Question] = {}
    for question in Question.objects.filter(pk__in=question_ids).prefetch_related("options").order_by("pk"):
        current = chosen.get(question.translation_key)
        if current is None or (question.locale_id == locale_id and current.locale_id != locale_id):
            chosen[question.translation_key] = question
    return chosen


def option_slots(question_ids) -> dict[int, tuple[uuid.UUID, int]]:
    """Option id → (question key, position): the same option in every language shares a slot."""
    slots, position, last = {}, 0, None
    for option_id, question_id, key in (
        Option.objects.filter(question_id__in=question_ids)
        .order_by("question_id", "sort_order", "pk")
        .values_list("id", "question_id", "question__translation_key")
    ):
        position = position + 1 if question_id == last else 0
        last = question_id
        slots[option_id] = (key, position)
    return slots
