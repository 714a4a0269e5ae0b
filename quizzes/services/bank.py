"""Question bank rules: what makes a question valid, and saving one (admin, import, demo, tests)."""

import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import Option, Question, QuestionCategory
from .translation import sync_translations


@dataclass(frozen=True)
class OptionSpec:
    text: str
    is_correct: bool = False


def question_errors(
    kind: str,
    options: list[OptionSpec],
    *,
    correct_boolean=None,
    numeric_answer=None,
    tolerance=Decimal(0),
    accepted_answers: str = "",
) -> dict[str, str]:
    """Field name → message for each rule a question of this kind breaks (empty when valid)."""
    errors = {}
    options = [o for o in options if o.text.strip()]
    correct = sum(1 for o in options if o.is_correct)
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        if len(options) < 2:
            errors["options"] = _("A choice question needs at least two options.")
        elif kind == Question.Kind.SINGLE and correct != 1:
            errors["options"] = _("A single-choice question needs exactly one correct option.")
        elif kind == Question.Kind.MULTIPLE and correct < 1:
            errors["options"] = _("Mark at least one option as correct.")
    elif options:
        errors["options"] = _("Only choice questions have options.")
    if kind == Question.Kind.TRUE_FALSE and correct_boolean is None:
        errors["correct_boolean"] = _("Say whether the statement is true or false.")
    if kind == Question.Kind.NUMERIC:
        if numeric_answer is None:
            errors["numeric_answer"] = _("Give the numeric answer.")
        if tolerance is not None and tolerance < 0:
            errors["tolerance"] = _("The tolerance cannot be negative.")
    if kind == Question.Kind.SHORT_TEXT and not any(line.strip() for line in (accepted_answers or "").splitlines()):
        errors["accepted_answers"] = _("Give at least one accepted answer.")
    return errors


def save_question(
    *,
    category: QuestionCategory,
    kind: str,
    stem: str,
    reference: str = "",
    locale: Locale | None = None,
    points=Decimal(1),
    explanation: str = "",
    options: list[OptionSpec] = (),
    scoring: str = Question.Scoring.ALL_OR_NOTHING,
    correct_boolean=None,
    numeric_answer=None,
    tolerance=Decimal(0),
    unit: str = "",
    accepted_answers: str = "",
    tags: list[str] = (),
    is_active: bool = True,
) -> Question:
    """Create a question, or update the one with this reference in this language (default: the
    default language).

    A new question whose reference exists in another language becomes that question's translation
    (same translation key), and what decides the score is copied to the other versions. Options are
    updated in place by position, so past attempts keep pointing at the option they chose; extra
    old options are removed.
    """
    locale = locale or Locale.get_default()
    options = [o for o in options if o.text.strip()]
    errors = question_errors(
        kind,
        options,
        correct_boolean=correct_boolean,
        numeric_answer=numeric_answer,
        tolerance=tolerance,
        accepted_answers=accepted_answers,
    )
    if errors:
        from django.core.exceptions import ValidationError

        raise ValidationError(errors)
    fields = {
        "category": category,
        "kind": kind,
        "stem": stem,
        "points": points,
        "explanation": explanation,
        "scoring": scoring,
        "correct_boolean": correct_boolean if kind == Question.Kind.TRUE_FALSE else None,
        "numeric_answer": numeric_answer if kind == Question.Kind.NUMERIC else None,
        "tolerance": tolerance or Decimal(0),
        "unit": unit,
        "accepted_answers": accepted_answers,
        "is_active": is_active,
    }
    with transaction.atomic():
        question = Question.objects.filter(reference=reference, locale=locale).first() if reference else None
        if question is None:
            sibling = Question.objects.filter(reference=reference).first() if reference else None
            key = sibling.translation_key if sibling else uuid.uuid4()
            question = Question(locale=locale, translation_key=key, **({"reference": reference} if reference else {}))
        for name, value in fields.items():
            setattr(question, name, value)
        question.save()
        existing = list(question.options.order_by("sort_order", "pk"))
        for position, spec in enumerate(options):
            if position < len(existing):
                option = existing[position]
                option.text, option.is_correct, option.sort_order = spec.text.strip(), spec.is_correct, position
                option.save()
            else:
                Option.objects.create(
                    question=question, text=spec.text.strip(), is_correct=spec.is_correct, sort_order=position
                )
        for option in existing[len(options) :]:
            option.delete()
        question.tags.set(list(tags))
        question.save()
        sync_translations(question)
    return question
