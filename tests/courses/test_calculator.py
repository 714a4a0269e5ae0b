import pytest

from courses.calculator import SettlementInputError, settle


def test_worked_example_from_the_facts():
    """E = 1,000,000, A = 930,000, C = 80,000 ⇒ usable CCER 50,000 and 20,000 t to buy."""
    result = settle(1_000_000, 930_000, 80_000)
    assert result.allowances_due == 1_000_000
    assert result.max_usable_ccer == 50_000
    assert result.usable_ccer == 50_000
    assert result.shortfall == 20_000
    assert result.surplus == 0


@pytest.mark.parametrize(
    ("emissions", "allowances", "ccer", "usable", "shortfall", "surplus"),
    [
        (1_000_000, 930_000, 30_000, 30_000, 40_000, 0),  # CCER below the cap: all of it counts
        (1_000_000, 950_000, 50_000, 50_000, 0, 0),  # exactly covered
        (1_000_000, 1_020_000, 0, 0, 0, 20_000),  # surplus allowances
        (1_000_000, 990_000, 80_000, 50_000, 0, 40_000),  # surplus after the capped CCER
        (999, 0, 100, 49, 950, 0),  # 5% of 999 is 49.95: the cap rounds down
        (19, 0, 5, 0, 19, 0),  # 5% of 19 is 0.95: no CCER usable
        (0, 0, 0, 0, 0, 0),
        (0, 10, 10, 0, 0, 10),
        ("1,000,000", "930000", " 80000 ", 50_000, 20_000, 0),  # form input with separators
        (999_999_999_999, 0, 10**12, 49_999_999_999, 950_000_000_000, 0),  # no float rounding at the maximum
    ],
)
def test_settlement_cases(emissions, allowances, ccer, usable, shortfall, surplus):
    result = settle(emissions, allowances, ccer)
    assert (result.usable_ccer, result.shortfall, result.surplus) == (usable, shortfall, surplus)
    assert result.usable_ccer <= result.allowances_due * 5 // 100


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((-1, 0, 0), "negative", "verified_emissions"),
        ((100, -5, 0), "negative", "allowances_held"),
        ((100, 0, "-1"), "negative", "ccer_held"),
        (("abc", 0, 0), "not_a_number", "verified_emissions"),
        ((100, None, 0), "not_a_number", "allowances_held"),
        ((100, 0, True), "not_a_number", "ccer_held"),
        ((100, 0, "nan"), "not_a_number", "ccer_held"),
        ((100, 0, "1e3"), "not_a_number", "ccer_held"),
        ((10**12 + 1, 0, 0), "too_large", "verified_emissions"),
        ((100, 0, 0, "50"), "missing", "unit_type"),
        ((100, 0, 0, None, "gas"), "missing", "free_allocation"),
        ((100, 0, 0, "50", "oil"), "unknown_unit_type", "unit_type"),
        ((100, 0, "inf"), "not_a_number", "ccer_held"),
        ((100.5, 0, 0), "not_whole", "verified_emissions"),
        (("", 0, 0), "missing", "verified_emissions"),
    ],
)
def test_rejects_bad_input_with_a_code_and_field(args, code, field):
    with pytest.raises(SettlementInputError) as excinfo:
        settle(*args)
    assert excinfo.value.code == code
    assert excinfo.value.field == field
    assert str(excinfo.value)
