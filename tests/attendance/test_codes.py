"""Rotating codes, tickets and sheet codes: pure functions, no database."""

import time

import pytest
from django.core import signing

from attendance import codes

ROTATION = 30


def test_code_is_six_digits_and_depends_on_session_venue_and_window():
    now = 1_636_500_000.0
    code = codes.current_code(1, 2, ROTATION, now)
    assert len(code.code) == 6 and code.code.isdigit()
    assert code.code == codes.current_code(1, 2, ROTATION, now + 1).code  # same window
    others = {
        codes.current_code(1, 3, ROTATION, now).code,
        codes.current_code(2, 2, ROTATION, now).code,
        codes.current_code(1, 2, ROTATION, now + ROTATION).code,
    }
    assert code.code not in others


def test_code_depends_on_secret_key(settings):
    before = codes.code_for_window(1, 2, 100)
    settings.SECRET_KEY = "another-secret"
    assert codes.code_for_window(1, 2, 100) != before


def test_previous_code_is_accepted_only_during_the_grace_period():
    start_of_window = 1_636_500_000 - 1_636_500_000 % ROTATION
    previous = codes.code_for_window(1, 2, start_of_window // ROTATION - 1)
    assert codes.classify_code(previous, 1, 2, ROTATION, start_of_window + codes.GRACE_SECONDS) == "valid"
    assert codes.classify_code(previous, 1, 2, ROTATION, start_of_window + codes.GRACE_SECONDS + 1) == "expired"


def test_old_codes_are_expired_and_others_invalid():
    now = 1_636_500_000.0
    old = codes.current_code(1, 2, ROTATION, now - 5 * 60).code
    assert codes.classify_code(old, 1, 2, ROTATION, now) == "expired"
    assert codes.classify_code(old, 1, 2, ROTATION, now, look_back=False) == "invalid"
    assert codes.classify_code("12345", 1, 2, ROTATION, now) == "invalid"
    assert codes.classify_code("abc", 1, 2, ROTATION, now) == "invalid"


def test_typed_codes_are_normalised():
    assert codes.normalise_code(" 12 34-56 ") == "123456"
    assert codes.normalise_code("１２３４５６") == "123456"  # full-width digits from a phone keyboard
    assert codes.normalise_code("²") == ""


def test_ticket_round_trip_and_expiry():
    assert codes.read_ticket(codes.make_ticket(12, 34, 56)) == (12, 34, 56)
    ticket = codes.make_ticket(12, 34)
    assert codes.read_ticket(ticket) == (12, 34, None)
    with pytest.raises(signing.BadSignature):
        codes.read_ticket(ticket.replace("12-34", "12-35"))
    time.sleep(1.1)
    with pytest.raises(signing.SignatureExpired):
        codes.read_ticket(ticket, max_age=1)


def test_sheet_code_identifies_session_and_venue_and_detects_typos():
    code = codes.sheet_code(12, 34)
    assert code.startswith("S12-V34-")
    assert codes.parse_sheet_code(code) == (12, 34)
    assert codes.parse_sheet_code(code.lower()) == (12, 34)
    assert codes.parse_sheet_code(code.replace("V34", "V35")) is None
    assert codes.parse_sheet_code("nonsense") is None
