"""A limit on wrong check-in codes, per signed-in person.

A typed code is checked against every venue of every open session, so random guesses hit some
venue now and then. Each person may type ``WRONG_CODE_LIMIT`` wrong codes in
``WRONG_CODE_WINDOW_SECONDS`` (counted from the first one); after that every code is refused with
429 until the window ends. Counting per person, never per address, keeps a sub-venue behind one
public IP working while one of its trainees is locked out. The counter lives in the cache (like
allauth's rate limits) and is only written on a wrong code; the successful path reads it once
and runs no extra query.
"""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .services import AttendanceError

WRONG_CODE_LIMIT = 10
WRONG_CODE_WINDOW_SECONDS = 5 * 60
TOO_MANY = "too_many_codes"


def _key(user_id: int) -> str:
    return f"attendance:wrong-codes:{user_id}"


def ensure_may_try(user_id: int) -> None:
    """Raises AttendanceError("too_many_codes") once the person has typed too many wrong codes."""
    if (cache.get(_key(user_id)) or 0) >= WRONG_CODE_LIMIT:
        raise AttendanceError(
            TOO_MANY,
            _(
                "Too many wrong codes. Wait %(minutes)s minutes, or scan the QR code on the screen, "
                "or ask your venue's coordinator to check you in."
            )
            % {"minutes": WRONG_CODE_WINDOW_SECONDS // 60},
        )


def record_wrong_code(user_id: int) -> None:
    key = _key(user_id)
    cache.add(key, 0, WRONG_CODE_WINDOW_SECONDS)  # the window starts at the first wrong code
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, WRONG_CODE_WINDOW_SECONDS)
