import random

import pytest
from django.core.exceptions import ValidationError

from accounts.demo import make_credit_code
from accounts.validators import credit_code_check_char, validate_credit_code, validate_phone


def error_code(func, value):
    with pytest.raises(ValidationError) as excinfo:
        func(value)
    return excinfo.value.code


@pytest.mark.parametrize("seed", range(50))
def test_generated_codes_are_valid(seed):
    code = make_credit_code(random.Random(seed), "370102")
    validate_credit_code(code)
    assert len(code) == 18 and code.startswith("91370102")


def test_published_example_code_validates():
    # The worked example in GB 32100-2015's explanatory material.
    validate_credit_code("91350100M000100Y43")


def test_lower_case_is_accepted_as_upper():
    validate_credit_code("91350100m000100y43")


def test_wrong_check_character_is_rejected():
    good = make_credit_code(random.Random(7), "370102")
    wrong = good[:17] + next(c for c in "0123456789" if c != good[17])
    assert error_code(validate_credit_code, wrong) == "checksum"


def test_broken_organisation_code_is_rejected():
    good = make_credit_code(random.Random(3), "370102")
    body = good[:16] + next(c for c in "0123456789" if c != good[16])
    tampered = body + credit_code_check_char(body)  # outer checksum fixed, inner one broken
    assert error_code(validate_credit_code, tampered) == "org_checksum"


@pytest.mark.parametrize(
    ("value", "code"),
    [("9137010", "length"), ("91370102MA3CIOSV0X", "alphabet"), ("", "length")],
)
def test_malformed_codes(value, code):
    assert error_code(validate_credit_code, value) == code


@pytest.mark.parametrize("phone", ["13812345678", "0531-86012345", "053186012345", "138 1234 5678"])
def test_valid_phones(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["12345678901", "1381234567", "phone", "+86 138"])
def test_invalid_phones(phone):
    assert error_code(validate_phone, phone) == "phone"


@pytest.mark.django_db
def test_the_profile_form_drops_control_characters_so_no_export_cell_can_hide_a_formula():
    """The reported attack: a name starting with \\x01= passes a first-character check unless it is cleaned."""
    from accounts.forms import ProfileForm
    from tests.factories import OrganisationFactory, UserFactory

    user = UserFactory()
    organisation = OrganisationFactory()
    form = ProfileForm(
        data={
            "real_name": '\x01=HYPERLINK("http://x","y")',
            "phone": "\x0713800138000",
            "organisation": organisation.pk,
            "job_title": "安全\x00员\n",
        },
        instance=user,
    )
    assert form.is_valid(), form.errors
    form.save()
    user.refresh_from_db()
    assert user.real_name == '=HYPERLINK("http://x","y")'  # the spreadsheet rule then writes it as text
    assert user.phone == "13800138000"
    assert user.job_title == "安全员"
