"""Attendance rules that need no HTTP: rosters, changes and history.

Which venues a user manages is ``accounts.access.VenueScope``. The self check-in itself
lives in ``attendance.checkin`` (kept lean on purpose), the
paper sheets in ``attendance.sheets`` and ``attendance.sheet_import``. Every function
that refuses something raises ``AttendanceError`` with a machine-readable code and a
human message; views only translate it into a response.
"""

import uuid
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.errors import DomainError
from accounts.models import Organisation, User, Venue
from accounts.services import add_role

from . import ledger
from .models import (
    AttendanceChange,
    AttendanceRecord,
    ExpectedParticipant,
    Method,
    SessionVenue,
    Status,
    TrainingSession,
)

# Accounts created for walk-ins get an address in this reserved domain (RFC 2606), which
# marks them as placeholders to merge into the person's real account later.
WALK_IN_DOMAIN = "walk-in.invalid"
ATTENDED = ledger.ATTENDED


class AttendanceError(DomainError):
    """A refused attendance action."""


# --- What the home page asks of attendance -------------------------------------------------


def upcoming_sessions(limit: int = 5) -> list[TrainingSession]:
    """Training sessions that have not ended, soonest first (objects with title and starts_at)."""
    return list(
        TrainingSession.objects.filter(ends_at__gt=timezone.now())
        .order_by("starts_at")
        .only("id", "title", "starts_at", "ends_at")[:limit]
    )


# --- Expected participants -------------------------------------------------------------------


def add_expected_from_default_venues(session: TrainingSession) -> int:
    """Expect every active trainee whose default sub-venue takes part; returns how many are new."""
    venue_ids = list(session.session_venues.values_list("venue_id", flat=True))
    trainees = User.objects.filter(is_active=True, default_venue_id__in=venue_ids, groups__name=roles.TRAINEE)
    return add_expected_users(
        session, trainees.values_list("id", "default_venue_id"), ExpectedParticipant.Source.DEFAULT_VENUE
    )


def add_expected_from_enrolments(session: TrainingSession) -> int:
    """Expect trainees enrolled in the linked course, at their default sub-venue.

    Looked up through the app registry so attendance does not import courses.
    """
    if not session.course_page_id or not apps.is_installed("courses"):
        return 0
    enrolment = apps.get_model("courses", "Enrolment")
    venue_ids = list(session.session_venues.values_list("venue_id", flat=True))
    users = User.objects.filter(
        is_active=True,
        default_venue_id__in=venue_ids,
        id__in=enrolment.objects.filter(course_id=session.course_page_id).values("user_id"),
    )
    return add_expected_users(
        session, users.values_list("id", "default_venue_id"), ExpectedParticipant.Source.ENROLMENT
    )


def add_expected_users(session, user_venue_pairs, source) -> int:
    """Expect (user id, venue id) pairs not yet expected at this session; returns how many are new."""
    already = set(ExpectedParticipant.objects.filter(session=session).values_list("user_id", flat=True))
    rows = [
        ExpectedParticipant(session=session, user_id=user_id, venue_id=venue_id, source=source)
        for user_id, venue_id in user_venue_pairs
        if user_id not in already
    ]
    ExpectedParticipant.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


# --- Changing records (every change leaves a history row) --------------------------------


def change_record(
    record: AttendanceRecord,
    *,
    status: str,
    by,
    method: str,
    venue_id: int | None = None,
    note: str = "",
    source_file: str = "",
    source_line: int | None = None,
    now=None,
) -> bool:
    """Set a record's status (and venue); returns False when nothing changes. Call inside a transaction."""
    venue_id = venue_id or record.venue_id
    if record.status == status and record.venue_id == venue_id:
        return False
    now = now or timezone.now()
    AttendanceChange.objects.create(
        record=record,
        changed_at=now,
        changed_by=by,
        from_status=record.status,
        to_status=status,
        from_venue_id=record.venue_id,
        to_venue_id=venue_id,
        method=method,
        note=note,
        source_file=source_file,
        source_line=source_line,
    )
    # The record says how its current status was given (a sheet import reads "sign-in sheet", not the
    # method of the first check-in); the history keeps every earlier one.
    record.status, record.venue_id, record.updated_at, record.method = status, venue_id, now, method
    fields = ["status", "venue", "updated_at", "method"]
    if note:
        record.note = note
        fields.append("note")
    record.save(update_fields=fields)
    return True


def roster_user_ids(session_venue: SessionVenue) -> set[int]:
    """Who counts on a venue's roster (the ledger's people there)."""
    return {person.user_id for person in ledger.people_at(session_venue.session_id, session_venue.venue_id)}


@dataclass
class MarkResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    refused: int = 0


@transaction.atomic
def mark(session_venue: SessionVenue, user_ids, status: str, *, by, note: str = "") -> MarkResult:
    """A coordinator marks people on their roster present, late, excused or absent.

    Only people on this venue's roster are touched; someone whose record is at another
    venue keeps it (that venue's coordinator owns it).
    """
    if status not in Status.values:
        raise AttendanceError("bad_status", _("Unknown attendance status."))
    wanted = {int(u) for u in user_ids} & roster_user_ids(session_venue)
    result = MarkResult(refused=len(set(map(int, user_ids))) - len(wanted))
    now = timezone.now()
    existing = {
        r.user_id: r
        for r in AttendanceRecord.objects.select_for_update().filter(
            session_id=session_venue.session_id, user_id__in=wanted
        )
    }
    new_records = []
    for user_id in sorted(wanted):
        record = existing.get(user_id)
        if record is None:
            new_records.append(_new_record(session_venue, user_id, status, by=by, now=now, note=note))
        elif record.venue_id != session_venue.venue_id:
            result.refused += 1
        elif change_record(record, status=status, by=by, method=Method.COORDINATOR, note=note, now=now):
            result.changed += 1
        else:
            result.unchanged += 1
    AttendanceRecord.objects.bulk_create(new_records)
    result.created = len(new_records)
    return result


def _new_record(session_venue, user_id, status, *, by, now, note="", method=Method.COORDINATOR) -> AttendanceRecord:
    return AttendanceRecord(
        session_id=session_venue.session_id,
        venue_id=session_venue.venue_id,
        user_id=user_id,
        status=status,
        method=method,
        server_time=now,
        recorded_by=by,
        note=note,
    )


# --- Walk-ins ---------------------------------------------------------------------------------


WALK_IN_SEARCH_LIMIT = 10


def find_people(*, phone="", real_name="", organisation=None, limit=WALK_IN_SEARCH_LIMIT) -> list[User]:
    """Active people with exactly this phone number, or exactly this name in this organisation.

    Never a fragment: a coordinator finds the person standing in front of them, and cannot
    list the province's trainees by typing two digits.
    """
    phone, real_name = (phone or "").strip(), (real_name or "").strip()
    if phone:
        found = User.objects.filter(phone=phone)
    elif real_name and organisation is not None:
        found = User.objects.filter(real_name=real_name, organisation=organisation)
    else:
        return []
    return list(found.filter(is_active=True).select_related("organisation").order_by("real_name", "pk")[:limit])


@transaction.atomic
def add_walk_in(session_venue: SessionVenue, user: User, *, by, status: str = Status.PRESENT) -> AttendanceRecord:
    """Record someone who came without being expected here (refused if recorded at another venue)."""
    record = AttendanceRecord.objects.select_for_update().filter(session_id=session_venue.session_id, user=user).first()
    if record is not None and record.venue_id != session_venue.venue_id:
        raise AttendanceError(
            "recorded_elsewhere",
            _("%(name)s is already recorded at %(venue)s.") % {"name": user.display_name, "venue": record.venue.name},
        )
    ExpectedParticipant.objects.get_or_create(
        session_id=session_venue.session_id,
        user=user,
        defaults={"venue_id": session_venue.venue_id, "source": ExpectedParticipant.Source.WALK_IN},
    )
    if record is None:
        record = _new_record(session_venue, user.id, status, by=by, now=timezone.now(), note=str(_("Walk-in")))
        record.save()
    else:
        change_record(record, status=status, by=by, method=Method.COORDINATOR)
    return record


def create_walk_in_account(
    *,
    real_name: str,
    phone: str = "",
    organisation: Organisation | None = None,
    venue: Venue | None = None,
    venue_id: int | None = None,
) -> User:
    """A minimal trainee account for someone without one; merge it into their real account later."""
    user = User.objects.create_user(
        email=f"walkin-{uuid.uuid4().hex[:12]}@{WALK_IN_DOMAIN}",
        password=None,
        real_name=real_name.strip(),
        phone=phone.strip(),
        organisation=organisation,
        default_venue_id=venue.pk if venue else venue_id,
    )
    add_role(user, roles.TRAINEE)
    return user


def is_walk_in_account(user: User) -> bool:
    return user.email.endswith("@" + WALK_IN_DOMAIN)


@transaction.atomic
def merge_walk_in_account(placeholder: User, into: User, *, by) -> int:
    """Move a walk-in account's attendance to the person's real account; returns records moved.

    Where both have a record for a session, the real account keeps its record and takes
    the better status (history notes the merge), and the placeholder's record goes.
    """
    if not is_walk_in_account(placeholder) or placeholder.pk == into.pk:
        raise AttendanceError("not_walk_in", _("Only a walk-in account can be merged into another account."))
    moved = 0
    note = str(_("Merged from walk-in account %(email)s")) % {"email": placeholder.email}
    for record in AttendanceRecord.objects.select_for_update().filter(user=placeholder):
        mine = AttendanceRecord.objects.select_for_update().filter(session_id=record.session_id, user=into).first()
        if mine is None:
            AttendanceRecord.objects.filter(pk=record.pk).update(user=into)
            moved += 1
            continue
        if record.status in ATTENDED and mine.status not in ATTENDED:
            change_record(
                mine, status=record.status, venue_id=record.venue_id, by=by, method=Method.COORDINATOR, note=note
            )
        else:
            # Keep the evidence: the surviving record's history says what the other one held.
            AttendanceChange.objects.create(
                record=mine,
                changed_at=timezone.now(),
                changed_by=by,
                from_status=mine.status,
                to_status=mine.status,
                from_venue_id=record.venue_id,
                to_venue_id=mine.venue_id,
                method=Method.COORDINATOR,
                note=f"{note}: {record.get_status_display()}",
            )
        record.delete()
    for expected in ExpectedParticipant.objects.filter(user=placeholder):
        if not ExpectedParticipant.objects.filter(session_id=expected.session_id, user=into).exists():
            ExpectedParticipant.objects.filter(pk=expected.pk).update(user=into)
    ExpectedParticipant.objects.filter(user=placeholder).delete()
    placeholder.is_active = False
    placeholder.save(update_fields=["is_active"])
    return moved


# --- Head count and reconciliation ------------------------------------------------------------


def record_head_count(session_venue: SessionVenue, count: int, *, by) -> SessionVenue:
    if count < 0:
        raise AttendanceError("bad_head_count", _("A head count cannot be negative."))
    session_venue.head_count = count
    session_venue.head_count_at = timezone.now()
    session_venue.head_count_by = by
    session_venue.save(update_fields=["head_count", "head_count_at", "head_count_by"])
    return session_venue


def venue_summary(session_venue: SessionVenue) -> ledger.Tally:
    """The roster's summary: the ledger's tally for this session and venue, with the head count."""
    return ledger.venue_tally(session_venue)


def record_history(record: AttendanceRecord) -> QuerySet[AttendanceChange]:
    return record.changes.select_related("changed_by", "from_venue", "to_venue").order_by("changed_at", "id")


# --- Roster pages ----------------------------------------------------------------------------


def roster_rows(session_venue: SessionVenue, status_filter: str = "") -> list[dict]:
    """One row per person the ledger counts at this venue, sorted by name.

    ``status_filter`` is a status, ``ledger.NOT_RECORDED`` ("none") or "" for all; the rows of each
    filter add up to the summary's figures because both come from the ledger.
    """
    people = ledger.people_at(session_venue.session_id, session_venue.venue_id)
    if status_filter:
        people = [person for person in people if person.status == status_filter]
    users = User.objects.filter(id__in=[person.user_id for person in people]).select_related("organisation")
    users = {user.id: user for user in users.only("id", "email", "real_name", "phone", "organisation__name")}
    rows = [
        {
            "user": users[person.user_id],
            "record": person.record,
            "status": person.status,
            "expected": bool(person.source),
            "walk_in": person.source in ("", ExpectedParticipant.Source.WALK_IN),
            "placeholder": is_walk_in_account(users[person.user_id]),
        }
        for person in people
        if person.user_id in users
    ]
    rows.sort(key=lambda row: (row["user"].real_name or row["user"].email, row["user"].id))
    return rows


def recorded_elsewhere_rows(session_venue: SessionVenue) -> list[AttendanceRecord]:
    """People expected here who were recorded at another venue (they count there)."""
    return list(
        ledger.recorded_elsewhere(session_venue.session_id, session_venue.venue_id)
        .select_related("user", "venue")
        .order_by("user__real_name", "user_id")
    )
