"""Allowance settlement arithmetic: the one place it is computed.

Rule (MEE Measures for the Administration of Carbon Emission Trading (Trial), Art. 29): a key
emission unit surrenders allowances equal to its verified emissions and may offset at most 5% of
the allowances due with CCER. Whole tonnes of CO2e throughout; the cap is rounded down so the
offset never exceeds 5%.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

CCER_CAP_PERCENT = 5


class SettlementInputError(ValueError):
    """A figure that cannot be used; ``code`` names the problem, ``field`` the input."""

    def __init__(self, code: str, field: str, message):
        super().__init__(str(message))
        self.code = code
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Settlement:
    verified_emissions: int
    allowances_held: int
    ccer_held: int
    allowances_due: int
    max_usable_ccer: int
    usable_ccer: int
    shortfall: int
    surplus: int


FIELD_LABELS = {
    "verified_emissions": _("Verified emissions"),
    "allowances_held": _("Allowances held"),
    "ccer_held": _("CCER held"),
}


def _whole_tonnes(field: str, value) -> int:
    if isinstance(value, bool) or value is None:
        raise SettlementInputError("not_a_number", field, _("%(field)s must be a number.") % _label(field))
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "")
        if not value:
            raise SettlementInputError("missing", field, _("%(field)s is required.") % _label(field))
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise SettlementInputError("not_a_number", field, _("%(field)s must be a number.") % _label(field)) from None
    if not number.is_finite():
        raise SettlementInputError("not_a_number", field, _("%(field)s must be a number.") % _label(field))
    if number < 0:
        raise SettlementInputError("negative", field, _("%(field)s cannot be negative.") % _label(field))
    if number != number.to_integral_value():
        raise SettlementInputError("not_whole", field, _("%(field)s must be in whole tonnes of CO2e.") % _label(field))
    return int(number)


def _label(field: str) -> dict:
    return {"field": FIELD_LABELS[field]}


def settle(verified_emissions, allowances_held, ccer_held) -> Settlement:
    """Allowances due, usable CCER (≤ 5% of the allowances due) and the shortfall or surplus.

    >>> settle(1_000_000, 930_000, 80_000).shortfall
    20000
    """
    emissions = _whole_tonnes("verified_emissions", verified_emissions)
    allowances = _whole_tonnes("allowances_held", allowances_held)
    ccer = _whole_tonnes("ccer_held", ccer_held)
    due = emissions
    max_usable = due * CCER_CAP_PERCENT // 100  # integer floor, no float rounding
    usable = min(ccer, max_usable)
    covered = allowances + usable
    return Settlement(
        verified_emissions=emissions,
        allowances_held=allowances,
        ccer_held=ccer,
        allowances_due=due,
        max_usable_ccer=max_usable,
        usable_ccer=usable,
        shortfall=max(0, due - covered),
        surplus=max(0, covered - due),
    )
