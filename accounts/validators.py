"""Validators for Chinese identifiers used in sign-up and the organisation registry."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: the unified social credit code uses digits and upper-case letters
# without I, O, Z, S, V; position 18 is a mod-31 check character over positions 1-17.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: positions 9-17 are the organisation code, whose 9th character is a
# mod-11 check over the first eight.
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def credit_code_check_char(first17: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    # Letters count A=10 ... Z=35 here, i.e. their base-36 value.
    total = sum(int(c, 36) * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def validate_credit_code(value: str) -> None:
    code = (value or "").strip().upper()
    if len(code) != 18:
        raise ValidationError(_("A unified social credit code has exactly 18 characters."), code="length")
    bad = sorted({c for c in code if c not in CREDIT_CODE_ALPHABET})
    if bad:
        raise ValidationError(
            _("Characters not allowed in a credit code: %(chars)s"), code="alphabet", params={"chars": "".join(bad)}
        )
    if code[17] != credit_code_check_char(code[:17]):
        raise ValidationError(
            _("The check character of this credit code is wrong; please re-type it."), code="checksum"
        )
    if code[16] != org_code_check_char(code[8:16]):
        raise ValidationError(
            _("The organisation code inside this credit code (characters 9-17) is not valid."), code="org_checksum"
        )


PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def validate_phone(value: str) -> None:
    if not PHONE_RE.match((value or "").replace(" ", "")):
        raise ValidationError(
            _("Enter an 11-digit mobile number or a landline with area code, e.g. 0531-86012345."), code="phone"
        )
