"""Allowance settlement arithmetic: the one place it is computed.

Rules (all figures whole tonnes of CO2e):
- MEE Measures for the Administration of Carbon Emission Trading (Trial), Art. 29: a key emission
  unit surrenders allowances equal to its verified emissions and may offset at most 5 % of the
  allowances due with CCER. The CCER limit is rounded down, so the offset never exceeds 5 %.
- First cycle (2019–2020 allocation plan for power generation, 国环规气候〔2020〕3号): given the
  unit's free allocation and its type, a gas unit never surrenders more than it was allocated,
  and any other unit's obligation is capped at its free allocation plus 20 % of its verified
  emissions (that 20 % is rounded down, so the obligation never exceeds the cap).

Every figure is checked as text before any arithmetic: plain digits (thousands separators and
full-width digits allowed), no sign, exponent, NaN or infinity, at most ``MAX_TONNES``. So a
hostile input is refused after looking at a few dozen characters, and no unbounded number is
ever built.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CCER_CAP_PERCENT = 5
FIRST_CYCLE_GAP_CAP_PERCENT = 20
# Far above any unit (the whole national market emits a few billion tonnes a year).
MAX_TONNES = 10**12
# Longest text looked at: 1,000,000,000,000 with separators and a ".000" tail fits easily.
MAX_INPUT_CHARS = 40

# Digits (any script Python calls decimal, e.g. full-width), an optional fraction of digits.
_FIGURE = re.compile(r"(?P<sign>[-+]?)(?P<whole>\d+)(?:\.(?P<fraction>\d+))?")
_SEPARATORS = str.maketrans("", "", ",，_ \u00a0\u2009\u202f\u3000")

GAS = "gas"
UNIT_TYPES = [
    ("coal_300mw_plus", _("Conventional coal, 300 MW and above")),
    ("coal_below_300mw", _("Conventional coal, below 300 MW")),
    ("coal_unconventional", _("Unconventional coal (e.g. coal gangue)")),
    (GAS, _("Gas")),
]
UNIT_TYPE_CODES = {code for code, _label in UNIT_TYPES}

FIELD_LABELS = {
    "verified_emissions": _("Verified emissions"),
    "allowances_held": _("Allowances held"),
    "ccer_held": _("CCER held"),
    "free_allocation": _("Free allocation"),
    "unit_type": _("Unit type"),
}
INPUT_NAMES = tuple(FIELD_LABELS)


class SettlementInputError(ValueError):
    """A figure that cannot be used; ``code`` names the problem, ``field`` the input."""

    def __init__(self, code: str, field: str, message):
        super().__init__(str(message))
        self.code = code
        self.field = field
        self.message = message


def tonnes_text(value: int) -> str:
    """Whole tonnes with comma grouping in every language (as the page and its JavaScript show them)."""
    return f"{value:,}"


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
    # First cycle (None / "" when the free allocation and unit type were not given).
    free_allocation: int | None = None
    unit_type: str = ""
    obligation_cap: int | None = None  # the most the unit must surrender under the first-cycle rule

    @property
    def capped(self) -> bool:
        return self.obligation_cap is not None and self.obligation_cap < self.verified_emissions

    @property
    def unit_type_label(self) -> str:
        return str(dict(UNIT_TYPES).get(self.unit_type, ""))

    def as_dict(self) -> dict:
        return {
            **{name: getattr(self, name) for name in self.__dataclass_fields__},
            "capped": self.capped,
            "steps": self.steps(),
        }

    def steps(self) -> list[str]:
        """A short explanation of each step, in the active language."""
        return [self._obligation_step(), self._ccer_step(), self._balance_step()]

    def _obligation_step(self) -> str:
        numbers = {
            "emissions": tonnes_text(self.verified_emissions),
            "due": tonnes_text(self.allowances_due),
        }
        if self.obligation_cap is None:
            return gettext("Allowances due: equal to the verified emissions, %(due)s t.") % numbers
        numbers["allocation"] = tonnes_text(self.free_allocation)
        numbers["cap"] = tonnes_text(self.obligation_cap)
        if self.unit_type == GAS:
            if self.capped:
                return (
                    gettext(
                        "Allowances due: a gas unit never surrenders more than it was allocated, so %(due)s t "
                        "(its free allocation) instead of its verified emissions of %(emissions)s t."
                    )
                    % numbers
                )
            return (
                gettext(
                    "Allowances due: the verified emissions, %(due)s t; a gas unit's obligation is capped at its "
                    "free allocation of %(allocation)s t, which is not reached."
                )
                % numbers
            )
        numbers["gap"] = tonnes_text(self.obligation_cap - self.free_allocation)
        if self.capped:
            return (
                gettext(
                    "Allowances due: capped for the first cycle at the free allocation %(allocation)s t + 20%% of "
                    "the verified emissions %(gap)s t = %(due)s t, instead of the verified emissions of "
                    "%(emissions)s t."
                )
                % numbers
            )
        return (
            gettext(
                "Allowances due: the verified emissions, %(due)s t; the first-cycle cap (free allocation "
                "%(allocation)s t + 20%% of the verified emissions %(gap)s t = %(cap)s t) is not reached."
            )
            % numbers
        )

    def _ccer_step(self) -> str:
        numbers = {
            "limit": tonnes_text(self.max_usable_ccer),
            "held": tonnes_text(self.ccer_held),
            "usable": tonnes_text(self.usable_ccer),
        }
        return (
            gettext(
                "CCER limit: 5%% of the allowances due, rounded down, is %(limit)s t; of the %(held)s t of CCER "
                "held, %(usable)s t can be used."
            )
            % numbers
        )

    def _balance_step(self) -> str:
        numbers = {
            "due": tonnes_text(self.allowances_due),
            "allowances": tonnes_text(self.allowances_held),
            "usable": tonnes_text(self.usable_ccer),
            "shortfall": tonnes_text(self.shortfall),
            "surplus": tonnes_text(self.surplus),
        }
        if self.shortfall:
            return (
                gettext(
                    "Shortfall: %(due)s t due − %(allowances)s t of allowances − %(usable)s t of CCER = "
                    "%(shortfall)s t to buy before the deadline."
                )
                % numbers
            )
        if self.surplus:
            return (
                gettext(
                    "Surplus: %(allowances)s t of allowances + %(usable)s t of CCER − %(due)s t due = "
                    "%(surplus)s t left over."
                )
                % numbers
            )
        return gettext("Covered exactly: the allowances and the usable CCER equal the allowances due.")


def _refuse(code: str, field: str, message) -> SettlementInputError:
    return SettlementInputError(code, field, message % {"field": FIELD_LABELS[field], "max": tonnes_text(MAX_TONNES)})


def _not_a_number(field: str) -> SettlementInputError:
    return _refuse("not_a_number", field, _("%(field)s must be a whole number of tonnes, written with digits only."))


def _too_large(field: str) -> SettlementInputError:
    return _refuse("too_large", field, _("%(field)s can be at most %(max)s t."))


def _negative(field: str) -> SettlementInputError:
    return _refuse("negative", field, _("%(field)s cannot be negative."))


def _not_whole(field: str) -> SettlementInputError:
    return _refuse("not_whole", field, _("%(field)s must be in whole tonnes of CO2e."))


def _whole_tonnes_from_text(field: str, text: str) -> int:
    if len(text) > MAX_INPUT_CHARS:  # before any other work: a long text is never a usable figure
        raise _too_large(field) if text.strip().translate(_SEPARATORS).isdecimal() else _not_a_number(field)
    text = text.strip().translate(_SEPARATORS)
    if not text:
        raise _refuse("missing", field, _("%(field)s is required."))
    match = _FIGURE.fullmatch(text)
    if match is None:
        raise _not_a_number(field)
    whole = match["whole"].lstrip("0") or "0"
    fraction = (match["fraction"] or "").rstrip("0")
    if match["sign"] == "-" and (whole != "0" or fraction):
        raise _negative(field)
    if fraction:
        raise _not_whole(field)
    if len(whole) > len(str(MAX_TONNES)):
        raise _too_large(field)
    return int(whole)  # at most 13 digits; int() reads Unicode decimal digits


def whole_tonnes(field: str, value) -> int:
    """A bounded, non-negative whole number of tonnes from a form value or a Python number."""
    if isinstance(value, bool) or value is None:
        raise _not_a_number(field)
    if isinstance(value, str):
        number = _whole_tonnes_from_text(field, value)
    elif isinstance(value, int):
        if value < 0:
            raise _negative(field)
        number = value
    elif isinstance(value, (float, Decimal)):
        if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):  # NaN, infinity
            raise _not_a_number(field)
        if value < 0:
            raise _negative(field)
        if value > MAX_TONNES:  # compared before int(): int(Decimal("1e999999999")) would never finish
            raise _too_large(field)
        if value != int(value):
            raise _not_whole(field)
        number = int(value)
    else:
        raise _not_a_number(field)
    if number > MAX_TONNES:
        raise _too_large(field)
    return number


def _first_cycle_inputs(free_allocation, unit_type) -> tuple[int | None, str]:
    """Both given, or neither: the caps need the allocation and the unit's type."""
    allocation_given = free_allocation is not None and str(free_allocation).strip() != ""
    unit_type = (unit_type or "").strip() if isinstance(unit_type, str) else unit_type
    if unit_type and unit_type not in UNIT_TYPE_CODES:
        raise _refuse("unknown_unit_type", "unit_type", _("Choose a unit type from the list."))
    if not allocation_given and not unit_type:
        return None, ""
    if not allocation_given:
        raise _refuse(
            "missing",
            "free_allocation",
            _("Enter the free allocation to apply the first-cycle cap for this unit type."),
        )
    if not unit_type:
        raise _refuse("missing", "unit_type", _("Choose the unit type to apply the first-cycle cap."))
    return whole_tonnes("free_allocation", free_allocation), unit_type


def obligation_cap(verified_emissions: int, free_allocation: int, unit_type: str) -> int:
    """The most a unit surrenders in the first cycle: gas at its allocation, others at allocation + ⌊20 % E⌋."""
    if unit_type == GAS:
        return free_allocation
    return free_allocation + verified_emissions * FIRST_CYCLE_GAP_CAP_PERCENT // 100


def settle(verified_emissions, allowances_held, ccer_held, free_allocation=None, unit_type=None) -> Settlement:
    """Allowances due (first-cycle cap when the allocation and unit type are given), usable CCER
    (≤ 5 % of the allowances due) and the shortfall or surplus.

    >>> settle(1_000_000, 930_000, 80_000).shortfall
    20000
    >>> settle(1_000_000, 850_000, 80_000, free_allocation=700_000, unit_type="coal_300mw_plus").allowances_due
    900000
    """
    emissions = whole_tonnes("verified_emissions", verified_emissions)
    allowances = whole_tonnes("allowances_held", allowances_held)
    ccer = whole_tonnes("ccer_held", ccer_held)
    allocation, unit_type = _first_cycle_inputs(free_allocation, unit_type)
    cap = None if allocation is None else obligation_cap(emissions, allocation, unit_type)
    due = emissions if cap is None else min(emissions, cap)
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
        free_allocation=allocation,
        unit_type=unit_type,
        obligation_cap=cap,
    )
