"""Self check-in: the hot path when a whole province checks in within minutes.

Kept lean on purpose (see docs/ARCHITECTURE.md, "Attendance"):
- the session, its venues and the check-in window come from a short-lived cache;
- the write is ONE statement in autocommit, ``INSERT ... ON CONFLICT (session, user) DO
  NOTHING``; its row count tells a new check-in from a repeat, so concurrent or repeated
  scans never create a second record and never need a transaction or a lock;
- the record's first history row is written by a database trigger inside that statement.
A new check-in costs one query besides authentication: the INSERT, which also refuses a
trainee expected at another venue (the reason is looked up only then).

A check-in the phone kept while the network was down arrives later with the phone's
time of entry and a nonce: it is accepted when the code was valid at that moment (see
``codes.entry_moment``); only such a delayed check-in costs the extra lookups.
"""

import functools
import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.core.signing import BadSignature, SignatureExpired
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import code_guessing, codes
from .models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, Status, TrainingSession
from .services import AttendanceError, change_record

INVALID_LINK = _("This check-in link is not valid.")
SESSION_CACHE_SECONDS = 30
OPEN_SESSIONS_CACHE_SECONDS = 30
# session_info's copies in this process's memory: session id -> (expiry on the monotonic clock, info).
SESSION_MEMORY_SECONDS = 2
RECENT_SESSIONS = 64
_recent_sessions: dict[int, tuple[float, "SessionInfo"]] = {}


@dataclass(frozen=True)
class SessionInfo:
    """What the check-in reads about a session; small enough to cache and pickle."""

    id: int
    title: str
    checkin_opens_at: datetime
    checkin_closes_at: datetime
    late_after: datetime
    rotation: int
    venue_names: dict  # venue id -> name

    def window_contains(self, now: datetime) -> bool:
        return self.checkin_opens_at <= now <= self.checkin_closes_at


def _session_cache_key(session_id: int) -> str:
    return f"attendance:session:{session_id}"


def session_info(session_id: int) -> SessionInfo | None:
    """The session's check-in facts: from this process's memory (a moment), the cache (30 s), or the database.

    The memory in front of the cache saves every check-in a cache round trip and an unpickling
    while a venue checks in; an edit is seen by other processes within SESSION_MEMORY_SECONDS more.
    """
    remembered = _recent_sessions.get(session_id)
    if remembered is not None and remembered[0] > time.monotonic():
        return remembered[1]
    key = _session_cache_key(session_id)
    info = cache.get(key)
    if info is None:
        session = TrainingSession.objects.filter(pk=session_id).first()
        if session is None:
            return None
        names = dict(
            SessionVenue.objects.filter(session_id=session_id).values_list("venue_id", "venue__name").order_by()
        )
        info = SessionInfo(
            id=session.id,
            title=session.title,
            checkin_opens_at=session.checkin_opens_at,
            checkin_closes_at=session.checkin_closes_at,
            late_after=session.late_after,
            rotation=session.code_rotation_seconds,
            venue_names=names,
        )
        cache.set(key, info, SESSION_CACHE_SECONDS)
    if len(_recent_sessions) >= RECENT_SESSIONS:
        _recent_sessions.clear()  # a handful of sessions check in at once; never grow without bound
    _recent_sessions[session_id] = (time.monotonic() + SESSION_MEMORY_SECONDS, info)
    return info


def forget_session(session_id: int) -> None:
    """Drop cached data after an edit (other processes' caches expire within 30 s)."""
    _recent_sessions.pop(session_id, None)
    cache.delete_many([_session_cache_key(session_id), "attendance:open-sessions"])


def forget_recent_sessions() -> None:
    """Drop this process's copies (tests start each case from an empty cache)."""
    _recent_sessions.clear()


def open_session_ids(now: datetime) -> list[int]:
    """Sessions whose check-in window is open now (cached briefly: the code form reads it)."""
    key = "attendance:open-sessions"
    cached = cache.get(key)
    if cached is None:
        margin = timezone.timedelta(seconds=OPEN_SESSIONS_CACHE_SECONDS)
        cached = list(
            TrainingSession.objects.filter(
                checkin_opens_at__lte=now + margin, checkin_closes_at__gte=now - margin
            ).values_list("id", flat=True)
        )
        cache.set(key, cached, OPEN_SESSIONS_CACHE_SECONDS)
    return cached


@dataclass(frozen=True)
class CheckInResult:
    created: bool
    status: str
    server_time: datetime
    session_title: str
    venue_name: str

    @property
    def status_label(self) -> str:
        return Status(self.status).label


NONCE_MAX_LENGTH = 40


def clean_nonce(raw: str | None) -> str:
    """The phone's random id for one check-in; anything but a short token is dropped."""
    value = (raw or "").strip()
    if len(value) > NONCE_MAX_LENGTH or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value):
        return ""
    return value


def client_claims(data) -> dict:
    """What the check-in page reports about itself: device time, time of sending, nonce."""
    return {
        "device_time": parse_device_time(data.get("device_time")),
        "sent_at": parse_device_time(data.get("sent_at")),
        "nonce": clean_nonce(data.get("nonce")),
    }


def parse_device_time(raw: str | None) -> datetime | None:
    """The phone's clock as the page reported it (ISO 8601), or None when absent or garbled."""
    try:
        value = parse_datetime((raw or "").strip()[:40])
    except ValueError:
        return None
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def check_in(
    user,
    session_id: int,
    venue_id: int,
    *,
    method: str,
    device_time: datetime | None = None,
    now=None,
    entered_at: datetime | None = None,
    nonce: str = "",
) -> CheckInResult:
    """Check a trainee in at a venue, once. Raises AttendanceError when refused.

    ``entered_at`` is when a delayed check-in was made (codes.entry_moment): the window
    and the late threshold are judged at that moment; ``server_time`` stays the receipt.
    """
    info = session_info(session_id)
    if info is None:
        raise AttendanceError("unknown_session", _("This training session does not exist."))
    if venue_id not in info.venue_names:
        raise AttendanceError("wrong_venue", _("This sub-venue does not take part in this session."))
    now = now or timezone.now()
    moment = entered_at or now
    if moment < info.checkin_opens_at:
        raise AttendanceError(
            "not_open",
            _("Check-in opens at %(time)s.") % {"time": date_format(timezone.localtime(info.checkin_opens_at), "H:i")},
        )
    if moment > info.checkin_closes_at:
        raise AttendanceError("closed", _("Check-in for this session has closed. Please see your coordinator."))
    status = Status.LATE if moment > info.late_after else Status.PRESENT
    values = {
        "session": session_id,
        "user": user.pk,
        "venue": venue_id,
        "status": status,
        "method": method,
        "device_time": device_time,
        "server_time": now,
        "recorded_by": user.pk,
        "note": "",
        "source_file": "",
        "client_nonce": nonce or None,
    }
    if insert_if_absent(values, unless_expected_elsewhere=True):
        return CheckInResult(True, status, now, info.title, info.venue_names[venue_id])
    # Nothing inserted: the trainee is expected at another venue, or has a record already.
    expected_venue = (
        ExpectedParticipant.objects.filter(session_id=session_id, user_id=user.pk)
        .values_list("venue_id", flat=True)
        .first()
    )
    if expected_venue is not None and expected_venue != venue_id:
        raise AttendanceError(
            "wrong_venue",
            _(
                "You are expected at %(expected)s, but this code belongs to %(here)s. "
                "If you are really here, ask this venue's coordinator to add you as a walk-in."
            )
            % {"expected": info.venue_names.get(expected_venue, "?"), "here": info.venue_names[venue_id]},
        )
    return _repeat(user, info, venue_id, status, method, now, nonce)


def _repeat(user, info: SessionInfo, venue_id: int, status: str, method: str, now, nonce: str = "") -> CheckInResult:
    """A second scan: report the existing record; only an "absent" mark is corrected.

    The same check-in sent again (same nonce: its answer was lost) is reported as done.
    """
    record = AttendanceRecord.objects.filter(session_id=info.id, user_id=user.pk).first()
    if nonce and record.client_nonce == nonce:
        return CheckInResult(True, record.status, record.server_time, info.title, info.venue_names[record.venue_id])
    if record.status == Status.ABSENT and record.venue_id == venue_id:
        with transaction.atomic():
            record = AttendanceRecord.objects.select_for_update().get(pk=record.pk)
            change_record(record, status=status, by=user, method=method, now=now)
        return CheckInResult(True, record.status, now, info.title, info.venue_names[venue_id])
    venue_name = info.venue_names.get(record.venue_id, "?")
    return CheckInResult(False, record.status, record.server_time, info.title, venue_name)


def insert_if_absent(values: dict, *, unless_expected_elsewhere: bool = False) -> bool:
    """INSERT ... ON CONFLICT (session, user) DO NOTHING; True when a row was inserted.

    With ``unless_expected_elsewhere`` the same statement also inserts nothing when the
    trainee is expected at another venue of the session, so a new check-in is one query;
    the caller looks for the reason only when nothing was inserted.
    Raw SQL because Django's bulk_create(ignore_conflicts=True) hides the row count,
    and on SQLite it becomes INSERT OR IGNORE, which would also swallow NOT NULL errors.
    """
    sql, fields = _insert_statement(connection.vendor, tuple(values), unless_expected_elsewhere)
    params = [f.get_db_prep_save(values[f.name], connection) for f in fields]
    if unless_expected_elsewhere:
        params += [values["session"], values["user"], values["venue"]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount == 1


@functools.cache
def _insert_statement(vendor: str, names: tuple, unless_expected_elsewhere: bool) -> tuple[str, tuple]:
    """insert_if_absent's SQL and fields, built once per process and column set: the check-in
    runs this statement on every request, and composing it each time cost about as much as sending it."""
    meta = AttendanceRecord._meta
    fields = tuple(meta.get_field(name) for name in names)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    if vendor == "postgresql":
        # A bare parameter in a SELECT list is text to PostgreSQL: give each its column's type.
        placeholders = ", ".join(f"CAST(%s AS {f.cast_db_type(connection)})" for f in fields)
    else:
        placeholders = ", ".join(["%s"] * len(fields))
    guard = "WHERE TRUE"  # SQLite needs a WHERE before ON CONFLICT after INSERT ... SELECT
    if unless_expected_elsewhere:
        expected = ExpectedParticipant._meta
        guard = (
            f"WHERE NOT EXISTS (SELECT 1 FROM {quote(expected.db_table)} "  # noqa: S608 (names from model meta)
            f"WHERE {quote('session_id')} = %s AND {quote('user_id')} = %s AND {quote('venue_id')} <> %s)"
        )
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) SELECT {placeholders} {guard} "
        f"ON CONFLICT ({quote('session_id')}, {quote('user_id')}) DO NOTHING"
    )
    return sql, fields


# --- The two ways in: the QR link (ticket) and the typed code ---------------------------------


def ticket_for_scan(
    session_id: int, venue_id: int, code: str, now: float | None = None, *, holder_id: int | None = None
) -> str:
    """Exchange the code in a scanned QR link for a ticket; raises AttendanceError when it is stale.

    A signed-in person's ticket names them (``holder_id``); an anonymous scan's ticket is unbound
    and the view keeps it in that browser's session until its holder signs in.
    """
    info = session_info(session_id)
    if info is None or venue_id not in info.venue_names:
        raise AttendanceError("invalid_code", INVALID_LINK)
    verdict = codes.classify_code(code, session_id, venue_id, info.rotation, now)
    if verdict == "expired":
        raise AttendanceError("expired_code", _("This code has expired. Scan the code on the screen again."))
    if verdict != "valid":
        raise AttendanceError("invalid_code", INVALID_LINK)
    return codes.make_ticket(session_id, venue_id, holder_id)


def read_ticket(ticket: str, max_age: int | None = codes.TICKET_MAX_AGE) -> tuple[int, int, int | None]:
    try:
        return codes.read_ticket(ticket, max_age=max_age)
    except SignatureExpired as exc:
        raise AttendanceError(
            "expired_code", _("This check-in link has expired. Scan the code on the screen again.")
        ) from exc
    except (BadSignature, ValueError) as exc:
        raise AttendanceError("invalid_code", INVALID_LINK) from exc


def ticket_venue(
    user, ticket: str, scanned_here: str | None = None, max_age: int | None = codes.TICKET_MAX_AGE
) -> tuple[int, int]:
    """(session_id, venue_id) of a ticket this person may use: one naming them, or an unbound
    one scanned in this browser (``scanned_here``, from its session). Anyone else is refused."""
    session_id, venue_id, holder_id = read_ticket(ticket, max_age)
    if holder_id is None:
        allowed = bool(scanned_here) and constant_time_compare(scanned_here, ticket)
    else:
        allowed = holder_id == user.pk
    if not allowed:
        raise AttendanceError(
            "not_your_ticket",
            _(
                "This check-in link belongs to the person who scanned the code. "
                "Scan the code on the screen with your own phone, or type the code."
            ),
        )
    return session_id, venue_id


def check_in_with_ticket(
    user, ticket: str, *, scanned_here=None, device_time=None, sent_at=None, nonce="", now=None
) -> CheckInResult:
    now = now or timezone.now()
    entered_at = None
    try:
        session_id, venue_id = ticket_venue(user, ticket, scanned_here)
    except AttendanceError as error:
        # A delayed check-in: the ticket must have been valid when the phone made it.
        entered_at = codes.entry_moment(device_time, sent_at, now)
        issued = codes.ticket_issued_at(ticket)
        if error.code != "expired_code" or entered_at is None or issued is None:
            raise
        if not issued <= entered_at.timestamp() <= issued + codes.TICKET_MAX_AGE:
            raise
        session_id, venue_id = ticket_venue(user, ticket, scanned_here, max_age=None)
    return check_in(
        user,
        session_id,
        venue_id,
        method=Method.QR,
        device_time=device_time,
        now=now,
        entered_at=entered_at,
        nonce=nonce,
    )


def sessions_open_at(moment: datetime) -> list[int]:
    """Sessions whose check-in window contained a past moment (for delayed check-ins; not cached)."""
    return list(
        TrainingSession.objects.filter(checkin_opens_at__lte=moment, checkin_closes_at__gte=moment).values_list(
            "id", flat=True
        )
    )


def venue_for_code(user, code: str, now: datetime | None = None, session_ids=None) -> tuple[int, int]:
    """Find which open session and venue a typed code belongs to (at ``now``).

    Computes the current codes of every venue of every open session (a few hundred
    HMACs, well under a millisecond each) rather than storing codes anywhere.
    """
    now = now or timezone.now()
    timestamp = now.timestamp()
    code = codes.normalise_code(code)
    if len(code) != codes.CODE_DIGITS:
        raise AttendanceError(
            "invalid_code", _("Enter the %(digits)s-digit code shown on the screen.") % {"digits": codes.CODE_DIGITS}
        )
    session_ids = open_session_ids(now) if session_ids is None else session_ids
    infos = [info for sid in session_ids if (info := session_info(sid)) is not None]
    matches = [
        (info.id, venue_id)
        for info in infos
        for venue_id in info.venue_names
        if codes.classify_code(code, info.id, venue_id, info.rotation, timestamp, look_back=False) == "valid"
    ]
    if not matches:
        # Only now look at older windows, to say "expired" rather than "wrong".
        if any(
            codes.classify_code(code, info.id, venue_id, info.rotation, timestamp) == "expired"
            for info in infos
            for venue_id in info.venue_names
        ):
            raise AttendanceError("expired_code", _("This code has expired. Type the code now on the screen."))
        raise AttendanceError("invalid_code", _("This code is not valid. Check the digits on the screen."))
    if len(matches) > 1:
        # Rare collision between venues: the one where the trainee is expected wins.
        expected = set(
            ExpectedParticipant.objects.filter(user_id=user.pk, session_id__in={s for s, _v in matches}).values_list(
                "session_id", "venue_id"
            )
        )
        preferred = [m for m in matches if m in expected]
        if len(preferred) != 1:
            raise AttendanceError(
                "ambiguous_code", _("This code matches more than one sub-venue. Please scan the QR code instead.")
            )
        matches = preferred
    return matches[0]


def check_in_with_code(user, code: str, *, device_time=None, sent_at=None, nonce="", now=None) -> CheckInResult:
    """Check in with a typed code; wrong codes are limited per person (attendance.code_guessing).

    A code that is no longer valid is still accepted for a delayed check-in (the phone kept it
    while the network was down) when it was valid at the moment the phone says it was typed."""
    now = now or timezone.now()
    code_guessing.ensure_may_try(user.pk)
    entered_at = None
    try:
        session_id, venue_id = venue_for_code(user, code, now)
    except AttendanceError as error:
        entered_at = codes.entry_moment(device_time, sent_at, now)
        late = error.code in ("expired_code", "invalid_code") and entered_at is not None and entered_at != now
        try:
            if not late:
                raise error
            session_id, venue_id = venue_for_code(user, code, entered_at, sessions_open_at(entered_at))
        except AttendanceError:
            if error.code == "invalid_code" and len(codes.normalise_code(code)) == codes.CODE_DIGITS:
                code_guessing.record_wrong_code(user.pk)
            raise error from None
    return check_in(
        user,
        session_id,
        venue_id,
        method=Method.CODE,
        device_time=device_time,
        now=now,
        entered_at=entered_at,
        nonce=nonce,
    )


def screen_state_code(info: SessionInfo, venue_id: int) -> codes.CurrentCode:
    return codes.current_code(info.id, venue_id, info.rotation, time.time())
