"""What a venue screen shows: the rotating code, its QR image and who has checked in."""

import time
from collections.abc import Callable

import segno
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from . import ledger
from .checkin import session_info
from .codes import current_code
from .models import Method, SessionVenue, Status

ONLINE_BADGE = pgettext_lazy("attendance method, short", "online")


def _person_name(real_name: str, email: str) -> str:
    # Projected in a room: show the name, never a full email address.
    return real_name or email.split("@", 1)[0]


def venue_people(session_venue: SessionVenue) -> dict:
    """Checked-in and still-expected people at one venue, counted by the ledger (two queries)."""
    here = Q(session_id=session_venue.session_id, venue_id=session_venue.venue_id)
    person = ("user__real_name", "user__email", "user__organisation__name")
    records = list(ledger.records(here).order_by("-server_time").values("status", "method", "server_time", *person))
    waiting_rows = list(ledger.unrecorded(here).order_by("user__real_name", "user_id").values(*person))
    tally = ledger.Tally.of_statuses([r["status"] for r in records] + [ledger.NOT_RECORDED] * len(waiting_rows))
    checked_in = [
        {
            "name": _person_name(r["user__real_name"], r["user__email"]),
            "organisation": r["user__organisation__name"] or "",
            "status": r["status"],
            # Online attendees (attendance/watch.py) are counted here too, marked as such.
            "status_label": str(Status(r["status"]).label)
            + (f" · {ONLINE_BADGE}" if r["method"] == Method.ONLINE else ""),
            "time": timezone.localtime(r["server_time"]).strftime("%H:%M"),
        }
        for r in records
        if r["status"] in ledger.ATTENDED
    ]
    waiting = [
        {
            "name": _person_name(e["user__real_name"], e["user__email"]),
            "organisation": e["user__organisation__name"] or "",
        }
        for e in waiting_rows
    ]
    return {
        "checked_in": checked_in,
        "waiting": waiting,
        "count": tally.attended,
        "expected": tally.expected,
        "not_recorded": tally.not_recorded,
    }


def qr_svg(url: str) -> str:
    """The QR code as inline SVG markup (segno draws it; no image library needed)."""
    return segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True, svgclass="qr")


def screen_state(session_venue: SessionVenue, scan_url: Callable[[str], str], now: float | None = None) -> dict:
    """Everything the screen shows, as plain data for the page and its JSON endpoint."""
    now = time.time() if now is None else now
    info = session_info(session_venue.session_id)
    code = current_code(session_venue.session_id, session_venue.venue_id, info.rotation, now)
    url = scan_url(code.code)
    moment = timezone.now()
    if moment < info.checkin_opens_at:
        phase = "not_open"
    elif moment > info.checkin_closes_at:
        phase = "closed"
    else:
        phase = "open"
    return {
        "code": code.code,
        "seconds_left": code.seconds_left(now),
        "rotation": info.rotation,
        "scan_url": url,
        "qr_svg": qr_svg(url),
        "phase": phase,
        **venue_people(session_venue),
    }
