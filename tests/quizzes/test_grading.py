"""Scoring rules for each question kind (pure functions, no database)."""

from decimal import Decimal

import pytest

from quizzes.models import Question
from quizzes.services.grading import normalise_text, parse_number, score_fraction

Kind = Question.Kind


def q(**fields) -> Question:
    return Question(**{"points": Decimal(1), **fields})


@pytest.mark.parametrize(
    ("selected", "expected"),
    [({2}, 1), ({1}, 0), (set(), 0), ({1, 2}, 0)],
)
def test_single_choice(selected, expected):
    assert score_fraction(q(kind=Kind.SINGLE), {2}, selected, "") == expected


@pytest.mark.parametrize(
    ("selected", "all_or_nothing", "partial"),
    [
        ({1, 2, 3}, 1, Decimal(1)),
        ({1, 2}, 0, Decimal(2) / 3),
        ({1, 2, 4}, 0, Decimal(1) / 3),  # two right, one wrong
        ({4}, 0, 0),
        ({1, 4, 5}, 0, 0),  # never below zero
        (set(), 0, 0),
    ],
)
def test_multiple_choice_all_or_nothing_and_partial(selected, all_or_nothing, partial):
    correct = {1, 2, 3}
    assert score_fraction(q(kind=Kind.MULTIPLE), correct, selected, "") == all_or_nothing
    assert score_fraction(q(kind=Kind.MULTIPLE, scoring=Question.Scoring.PARTIAL), correct, selected, "") == partial


@pytest.mark.parametrize(("response", "expected"), [("false", 1), ("true", 0), ("", 0), ("False", 0)])
def test_true_false(response, expected):
    assert score_fraction(q(kind=Kind.TRUE_FALSE, correct_boolean=False), set(), set(), response) == expected


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("20000", 1),
        ("20,000", 1),
        ("２００００", 1),  # full-width digits from a Chinese keyboard
        ("20000.5", 1),  # within tolerance
        ("20000.6", 0),
        ("19999.5 tCO2e", 1),  # the question's unit typed after the number
        ("2e4", 1),
        ("abc", 0),
        ("", 0),
        ("NaN", 0),
        ("Infinity", 0),
    ],
)
def test_numeric_with_tolerance(response, expected):
    question = q(kind=Kind.NUMERIC, numeric_answer=Decimal(20000), tolerance=Decimal("0.5"), unit="tCO2e")
    assert score_fraction(question, set(), set(), response) == expected


@pytest.mark.parametrize(
    ("response", "expected"),
    [("注册登记系统", 1), ("  注册登记系统。", 1), ("ＣＣＥＲ", 1), ("ccer", 1), ("交易系统", 0), ("", 0)],
)
def test_short_text_accepted_answers(response, expected):
    question = q(kind=Kind.SHORT_TEXT, accepted_answers="注册登记系统\nCCER\n")
    assert score_fraction(question, set(), set(), response) == expected


def test_parse_number_and_normalise_text():
    assert parse_number("5%") == 5
    assert parse_number("1 000 000") == 1_000_000
    assert parse_number("50,000 t", unit="t") == 50_000
    assert parse_number("--1") is None
    assert normalise_text("  Hello   WORLD. ") == "hello world"
