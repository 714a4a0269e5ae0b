"""Rotating check-in codes, check-in tickets and sign-in sheet codes (no database).

A venue screen shows a short numeric code that changes every ``rotation`` seconds. The
code is an HMAC (keyed with SECRET_KEY) of the session, the venue and the number of the
time window, so nobody can predict the next code and nothing needs to be stored. The
previous window's code is still accepted for ``GRACE_SECONDS`` so a code read just
before it changed still works.

Scanning the QR code exchanges a valid code for a signed *ticket* (session, venue,
time, and the person when they are signed in), so a trainee who first has to sign in is
not turned away because the code rotated meanwhile. The ticket expires after
``TICKET_MAX_AGE`` seconds.

A check-in the phone could not send (the venue's network failed) is kept on the phone
and sent later, with the phone's time of entry. It is accepted up to
``LATE_CHECKIN_MAX_DELAY`` seconds later when the code (or ticket) was valid at that
moment: ``entry_moment`` turns the phone's claim into a moment on the server's clock.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CODE_DIGITS = 6
GRACE_SECONDS = 15
# How far back an old code is still recognised, so the trainee hears "expired" rather
# than "wrong code".
EXPIRED_LOOKBACK_SECONDS = 10 * 60
TICKET_MAX_AGE = 10 * 60
TICKET_SALT = "attendance.checkin-ticket"
LATE_CHECKIN_MAX_DELAY = 2 * 60 * 60
SHEET_SALT = "attendance.sheet-code"


def window_number(timestamp: float, rotation: int) -> int:
    return int(timestamp // rotation)


def code_for_window(session_id: int, venue_id: int, window: int) -> str:
    digest = salted_hmac("attendance.checkin-code", f"{session_id}:{venue_id}:{window}", algorithm="sha256").digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


@dataclass(frozen=True)
class CurrentCode:
    code: str
    window: int
    expires_at: float  # Unix time when the next code appears

    def seconds_left(self, now: float) -> int:
        return max(1, int(self.expires_at - now + 0.999))


def current_code(session_id: int, venue_id: int, rotation: int, now: float | None = None) -> CurrentCode:
    now = time.time() if now is None else now
    window = window_number(now, rotation)
    return CurrentCode(code_for_window(session_id, venue_id, window), window, (window + 1) * rotation)


def normalise_code(raw: str) -> str:
    """Keep the digits only: people type spaces, and phones offer full-width digits."""
    return "".join(str(int(ch)) for ch in (raw or "") if ch.isdecimal())


def classify_code(
    code: str, session_id: int, venue_id: int, rotation: int, now: float | None = None, *, look_back: bool = True
) -> str:
    """Return "valid", "expired" (an earlier code of this venue; only with look_back) or "invalid"."""
    now = time.time() if now is None else now
    code = normalise_code(code)
    if len(code) != CODE_DIGITS:
        return "invalid"
    window = window_number(now, rotation)
    if constant_time_compare(code, code_for_window(session_id, venue_id, window)):
        return "valid"
    previous_ended = window * rotation
    if now - previous_ended <= GRACE_SECONDS and constant_time_compare(
        code, code_for_window(session_id, venue_id, window - 1)
    ):
        return "valid"
    if not look_back:
        return "invalid"
    oldest = window_number(now - EXPIRED_LOOKBACK_SECONDS, rotation)
    for older in range(window - 1, oldest - 1, -1):
        if constant_time_compare(code, code_for_window(session_id, venue_id, older)):
            return "expired"
    return "invalid"


def make_ticket(session_id: int, venue_id: int, holder_id: int | None = None) -> str:
    """A signed (session, venue) ticket, bound to the signed-in person who scanned (``holder_id``)."""
    value = f"{session_id}-{venue_id}" if holder_id is None else f"{session_id}-{venue_id}-{holder_id}"
    return signing.TimestampSigner(salt=TICKET_SALT).sign(value)


def read_ticket(ticket: str, max_age: int = TICKET_MAX_AGE) -> tuple[int, int, int | None]:
    """(session_id, venue_id, holder_id or None); raises signing.SignatureExpired or signing.BadSignature."""
    value = signing.TimestampSigner(salt=TICKET_SALT).unsign(ticket, max_age=max_age)
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 2:
        return parts[0], parts[1], None
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    raise signing.BadSignature("Unexpected ticket payload")


def ticket_issued_at(ticket: str) -> float | None:
    """Unix time a genuine ticket was issued (expired or not), else None."""
    try:
        value = signing.Signer(salt=TICKET_SALT).unsign(ticket)
        return float(signing.b62_decode(value.rsplit(":", 1)[1]))
    except (signing.BadSignature, IndexError, ValueError):
        return None


def entry_moment(device_time: datetime | None, sent_at: datetime | None, received_at: datetime) -> datetime | None:
    """When a delayed check-in was entered, on the server's clock; None when the claim is out of bounds.

    The phone reports its clock at entry (device time) and again when sending (sent_at).
    Their difference is the delay measured on one clock, so a phone whose clock is wrong
    still gets the right moment: the receipt minus that delay. Without sent_at the device
    time is taken as it is. The moment may not lie after the receipt, nor more than
    LATE_CHECKIN_MAX_DELAY before it.
    """
    if device_time is None:
        return None
    moment = received_at - (sent_at - device_time) if sent_at is not None else device_time
    delay = (received_at - moment).total_seconds()
    if not 0 <= delay <= LATE_CHECKIN_MAX_DELAY:
        return None
    return moment


def sheet_code(session_id: int, venue_id: int) -> str:
    """A code printed on a paper sheet: readable ids plus a 4-character check, e.g. S12-V34-K7QD."""
    check = salted_hmac(SHEET_SALT, f"{session_id}:{venue_id}").hexdigest()[:4].upper()
    return f"S{session_id}-V{venue_id}-{check}"


def parse_sheet_code(value: str) -> tuple[int, int] | None:
    """(session_id, venue_id) when the value is a genuine sheet code, else None."""
    parts = (value or "").strip().upper().split("-")
    if len(parts) != 3 or not parts[0].startswith("S") or not parts[1].startswith("V"):
        return None
    try:
        session_id, venue_id = int(parts[0][1:]), int(parts[1][1:])
    except ValueError:
        return None
    return (session_id, venue_id) if sheet_code(session_id, venue_id) == value.strip().upper() else None
