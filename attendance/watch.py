"""Watch-time evidence for the live lecture: signed heartbeats into one ledger per person and session.

The session page (attendance/static/attendance/watch.js) sends a heartbeat every
``WATCH_HEARTBEAT_SECONDS`` while the video plays and the page is visible. Each heartbeat
carries the seconds the page saw the video play since its previous heartbeat, a sequence
number and an HMAC made with a key the server gave that page (``page_key``: derived from
SECRET_KEY, the person, the session and a random device id), so:

- a heartbeat credits at most the playing time it reports, the wall time since the
  previous accepted heartbeat and one heartbeat interval: never more than real time;
- a heartbeat whose sequence number is not above the last accepted one adds nothing
  (a resent heartbeat is harmless, a replayed one gains nothing);
- a heartbeat signed with another key is refused (``forged_heartbeat``);
- one device at a time: a page that starts (sequence 1) on another device takes the
  ledger over, and the earlier device's heartbeats are refused from then on.

Time counts only while the lecture is live (its planned start to end). When the total
reaches the session's threshold (a share of the planned duration), attendance is
recorded with the method "online", through the same records and history as any other.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, Status, TrainingSession, WatchLedger
from .services import AttendanceError, change_record

KEY_SALT = "attendance.watch-heartbeat"
DEVICE_ID_MAX = 40
MAX_SEQ = 10**7


def new_device_id() -> str:
    return secrets.token_urlsafe(16)


def page_key(user_id: int, session_id: int, device_id: str) -> str:
    """The key one page signs its heartbeats with (given to that page only)."""
    return salted_hmac(KEY_SALT, f"{user_id}:{session_id}:{device_id}", algorithm="sha256").hexdigest()


def heartbeat_message(user_id: int, session_id: int, device_id: str, seq: int, played: str) -> str:
    return f"{user_id}:{session_id}:{device_id}:{seq}:{played}"


def sign_heartbeat(user_id: int, session_id: int, device_id: str, seq: int, played: str) -> str:
    """What watch.js computes with WebCrypto (HMAC-SHA256, key = page_key as UTF-8 text)."""
    key = page_key(user_id, session_id, device_id).encode()
    message = heartbeat_message(user_id, session_id, device_id, seq, played).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def threshold_seconds(session: TrainingSession) -> float:
    planned = (session.ends_at - session.starts_at).total_seconds()
    return planned * session.online_threshold_percent / 100


def is_live(session: TrainingSession, now) -> bool:
    return session.starts_at <= now <= session.ends_at


@dataclass(frozen=True)
class BeatResult:
    credited: float
    seconds: float
    threshold: float
    attended: bool
    duplicate: bool = False


def _parse_played(raw: str) -> float:
    try:
        played = float(raw)
    except (TypeError, ValueError):
        played = -1.0
    if not 0 <= played <= 10 * settings.WATCH_HEARTBEAT_SECONDS:  # NaN fails this too
        raise AttendanceError("bad_heartbeat", _("This watch-time report is not valid."))
    return played


def record_heartbeat(
    user, session: TrainingSession, *, device_id: str, seq: int, played: str, signature: str, now=None
) -> BeatResult:
    """Credit one heartbeat to the person's ledger; raises AttendanceError when refused."""
    now = now or timezone.now()
    if not device_id or len(device_id) > DEVICE_ID_MAX or not 1 <= seq <= MAX_SEQ or len(played) > 20:
        raise AttendanceError("bad_heartbeat", _("This watch-time report is not valid."))
    expected = sign_heartbeat(user.pk, session.pk, device_id, seq, played)
    if not hmac.compare_digest(expected, (signature or "")[:64]):
        raise AttendanceError("forged_heartbeat", _("This watch-time report is not signed by this page."))
    played_seconds = _parse_played(played)
    if not is_live(session, now):
        raise AttendanceError("not_live", _("Watch time counts only while the lecture is live."))
    ledger, _created = WatchLedger.objects.get_or_create(session=session, user=user, defaults={"device_id": device_id})
    with transaction.atomic():
        ledger = WatchLedger.objects.select_for_update().get(pk=ledger.pk)
        if ledger.device_id != device_id:
            if seq != 1:
                raise AttendanceError(
                    "other_device", _("You are now watching on another device; watch time counts there.")
                )
            ledger.device_id, ledger.last_seq, ledger.last_beat_at = device_id, 0, None
        threshold = threshold_seconds(session)
        if seq <= ledger.last_seq:
            return BeatResult(0, ledger.seconds, threshold, ledger.attendance_recorded_at is not None, duplicate=True)
        elapsed = (now - ledger.last_beat_at).total_seconds() if ledger.last_beat_at else 0.0
        credit = max(0.0, min(played_seconds, elapsed, float(settings.WATCH_HEARTBEAT_SECONDS)))
        ledger.seconds += credit
        ledger.last_seq, ledger.last_beat_at = seq, now
        reached = ledger.attendance_recorded_at is None and ledger.seconds >= threshold
        if reached and record_online_attendance(user, session, now=now):
            ledger.attendance_recorded_at = now
        ledger.save()
    return BeatResult(credit, ledger.seconds, threshold, ledger.attendance_recorded_at is not None)


def online_venue_id(user, session: TrainingSession) -> int | None:
    """Where an online attendee is counted: the venue they are expected at, else their own sub-venue."""
    expected = ExpectedParticipant.objects.filter(session=session, user=user).values_list("venue_id", flat=True).first()
    if expected is not None:
        return expected
    if user.default_venue_id and SessionVenue.objects.filter(session=session, venue_id=user.default_venue_id).exists():
        return user.default_venue_id
    return None


def record_online_attendance(user, session: TrainingSession, *, now) -> bool:
    """Record "present, online" unless the person is already present or late; call inside a transaction."""
    record = AttendanceRecord.objects.select_for_update().filter(session=session, user=user).first()
    if record is not None:
        if record.status in (Status.PRESENT, Status.LATE):
            return True
        change_record(record, status=Status.PRESENT, by=user, method=Method.ONLINE, now=now)
        return True
    venue_id = online_venue_id(user, session)
    if venue_id is None:
        return False
    # The database trigger writes the record's first history row, as for every record.
    AttendanceRecord.objects.create(
        session=session,
        user=user,
        venue_id=venue_id,
        status=Status.PRESENT,
        method=Method.ONLINE,
        server_time=now,
        recorded_by=user,
    )
    return True


def ledger_for(user, session: TrainingSession) -> WatchLedger | None:
    return WatchLedger.objects.filter(session=session, user=user).first()
