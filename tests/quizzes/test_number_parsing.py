"""Numeric answers typed the way officials write them: 万 and 亿, thousands separators, full-width digits."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.models import Question
from quizzes.services.grading import parse_number, score_fraction


@pytest.mark.parametrize(
    ("typed", "unit", "expected"),
    [
        ("2万", "", 20_000),
        ("2 万", "", 20_000),
        ("2万吨", "吨", 20_000),
        ("２万", "吨", 20_000),
        ("1.5亿", "", 150_000_000),
        ("１．５亿元", "元", 150_000_000),
        ("3万亿", "", 3 * 10**12),
        ("15.25万", "吨", 152_500),
        ("20,000", "", 20_000),
        ("20,000 t", "t", 20_000),
        ("1,234,567", "吨", 1_234_567),
        ("2万", "万吨", 2),  # the unit already says 万
        ("2万吨", "万吨", 2),
        ("5%", "%", 5),
    ],
)
def test_magnitudes_and_separators(typed, unit, expected):
    assert parse_number(typed, unit) == Decimal(expected)


@pytest.mark.parametrize("typed", ["万", "亿", "万亿", "2万x", "x万", "2千万万x", ""])
def test_magnitude_without_a_number_is_no_answer(typed):
    assert parse_number(typed) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_every_way_of_writing_a_whole_tonnage_reads_the_same(tonnes):
    assert parse_number(f"{tonnes:,}", "吨") == tonnes
    assert parse_number(f"{tonnes:,} 吨", "吨") == tonnes
    wan = Decimal(tonnes) / 10_000
    assert parse_number(f"{wan.normalize():f}万吨", "吨") == tonnes
    yi = Decimal(tonnes) / 100_000_000
    assert parse_number(f"{yi.normalize():f}亿", "吨") == tonnes


def test_a_numeric_question_scores_the_official_way_of_writing_it():
    question = Question(kind=Question.Kind.NUMERIC, numeric_answer=Decimal(20_000), tolerance=Decimal(0), unit="吨")
    for typed in ("20000", "20,000", "2万", "2万吨", "２万 吨"):
        assert score_fraction(question, set(), set(), typed) == 1, typed
    assert score_fraction(question, set(), set(), "2亿") == 0
