"""Question bank rules: each kind's validity, saving by reference without losing history."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from quizzes.models import Question
from quizzes.services.bank import OptionSpec, question_errors, save_question
from tests.quizzes import factories

Kind = Question.Kind


@pytest.mark.parametrize(
    ("kind", "options", "extra", "field"),
    [
        (Kind.SINGLE, [OptionSpec("a", True)], {}, "options"),
        (Kind.SINGLE, [OptionSpec("a", True), OptionSpec("b", True)], {}, "options"),
        (Kind.MULTIPLE, [OptionSpec("a"), OptionSpec("b")], {}, "options"),
        (Kind.TRUE_FALSE, [], {}, "correct_boolean"),
        (Kind.NUMERIC, [], {}, "numeric_answer"),
        (Kind.NUMERIC, [], {"numeric_answer": Decimal(1), "tolerance": Decimal(-1)}, "tolerance"),
        (Kind.SHORT_TEXT, [], {"accepted_answers": "  \n "}, "accepted_answers"),
        (Kind.NUMERIC, [OptionSpec("a", True)], {"numeric_answer": Decimal(1)}, "options"),
    ],
)
def test_invalid_questions_are_named_by_field(kind, options, extra, field):
    assert field in question_errors(kind, options, **extra)


def test_valid_questions_have_no_errors():
    assert question_errors(Kind.SINGLE, [OptionSpec("a", True), OptionSpec("b")]) == {}
    assert question_errors(Kind.TRUE_FALSE, [], correct_boolean=False) == {}
    assert question_errors(Kind.SHORT_TEXT, [], accepted_answers="CCER") == {}


@pytest.mark.django_db
def test_save_question_updates_by_reference_keeping_option_rows():
    cat = factories.category()
    first = save_question(
        reference="CCER-001",
        category=cat,
        kind=Kind.SINGLE,
        stem="<p>抵销比例上限？</p>",
        options=[OptionSpec("5%", True), OptionSpec("10%"), OptionSpec("20%")],
        tags=["CCER", "settlement"],
    )
    option_ids = list(first.options.values_list("pk", flat=True))
    again = save_question(
        reference="CCER-001",
        category=cat,
        kind=Kind.SINGLE,
        stem="<p>抵销比例上限是多少？</p>",
        options=[OptionSpec("5%", True), OptionSpec("15%")],
        tags=["CCER"],
    )
    assert again.pk == first.pk
    assert list(again.options.values_list("pk", flat=True)) == option_ids[:2]
    assert list(again.options.values_list("text", flat=True)) == ["5%", "15%"]
    assert set(again.tags.names()) == {"CCER"}
    assert Question.objects.count() == 1


@pytest.mark.django_db
def test_save_question_refuses_invalid():
    with pytest.raises(ValidationError) as info:
        save_question(category=factories.category(), kind=Kind.TRUE_FALSE, stem="<p>?</p>")
    assert "correct_boolean" in info.value.message_dict
