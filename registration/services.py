"""Participant import: store the upload, plan it (no writes), apply it in one transaction per batch.

Applying re-plans the stored file, so it writes exactly what the preview showed for the
database as it is now; rows already imported plan as "no change", which makes re-importing
the same file (or resuming a batch that was cut off) write nothing. A row is written whole or
not at all: rows with errors are never written, and each batch is one transaction.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.access import VenueScope
from accounts.models import User
from attendance import services as attendance_services
from attendance.models import ExpectedParticipant
from courses import services as course_services
from courses.models import Enrolment

from . import invitations
from .models import Invitation, ParticipantImport
from .planning import Action, ImportPlan, plan_rows
from .reading import ImportError_, read_participants

BATCH_ROWS = 200  # rows per transaction when applying in batches (the browser's progress bar)
PHONE_ONLY_DOMAIN = "no-email.invalid"  # accounts of people listed without an e-mail address


def store_upload(*, name: str, data: bytes, importer, session=None, courses=(), language, send_invitations=True):
    """Keep the file so the confirmed import reads exactly what was previewed."""
    participant_list = read_participants(data, name)  # refuse unreadable files before storing them
    stored = ParticipantImport.objects.create(
        original_name=name[:255],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=participant_list.encoding,
        session=session,
        language=language,
        send_invitations=send_invitations,
        uploaded_by=importer,
    )
    stored.courses.set(courses)
    return stored


def visible_imports(user):
    """Organisers see every import; coordinators their own."""
    imports = ParticipantImport.objects.select_related("session", "uploaded_by").defer("data")
    return imports if VenueScope.for_user(user).all_venues else imports.filter(uploaded_by=user)


def plan_stored(stored: ParticipantImport, importer) -> ImportPlan:
    participant_list = read_participants(bytes(stored.data), stored.original_name)
    return plan_rows(
        participant_list.rows,
        importer=importer,
        session=stored.session,
        courses=list(stored.courses.live().order_by("path")),
        invite=stored.send_invitations,
        encoding=participant_list.encoding,
        ignored=participant_list.ignored_headings,
    )


def apply(stored: ParticipantImport, importer, *, skip_errors=False, start=0, stop=None) -> dict:
    """Write rows ``start``..``stop`` (all by default) of the plan; returns what was done, counted."""
    try:
        with transaction.atomic():
            plan = plan_stored(stored, importer)
            if plan.error_rows and not skip_errors:
                raise ImportError_("rows_with_errors", _("Fix the rows with errors, or choose to skip them."))
            rows = [r for r in plan.rows[start:stop] if r.ok and r.action != Action.UNCHANGED]
            done = _write(rows, stored, importer)
            total = len(plan.rows)
            end = total if stop is None else min(stop, total)
            _record_progress(stored, plan, done, first=start == 0, finished=end >= total)
    except IntegrityError as error:  # someone created one of these accounts meanwhile: nothing was written
        raise ImportError_(
            "conflict", _("Some of these people were registered meanwhile; nothing was written. Import again.")
        ) from error
    return {**done, "done_rows": end, "total_rows": total}


def _record_progress(stored, plan, done, *, first, finished) -> None:
    """Add a batch's counts to the import's summary, which the preview page shows once it is applied."""
    locked = ParticipantImport.objects.select_for_update().defer("data").get(pk=stored.pk)
    summary = {"plan": plan.counts, "applied": {key: 0 for key in done}} if first else locked.summary
    applied = summary.setdefault("applied", {})
    for key, value in done.items():
        applied[key] = applied.get(key, 0) + value
    fields = {"summary": summary}
    if finished:
        fields["applied_at"] = timezone.now()
    ParticipantImport.objects.filter(pk=stored.pk).update(**fields)


def _write(rows, stored, importer) -> dict:
    courses = list(stored.courses.live().order_by("path"))
    created = _create_accounts([r for r in rows if r.user is None], stored.language)
    for row in rows:
        if row.user is not None and row.profile_changes:
            User.objects.filter(pk=row.user.pk).update(**row.profile_changes)
    enrolments = 0
    for course in courses:
        ids = [r.user.pk for r in rows if course in r.courses_to_enrol]
        if ids:
            enrolments += course_services.enrol_many(
                User.objects.filter(pk__in=ids), course, source=Enrolment.Source.ADMIN, enrolled_by=importer
            )
    expected = 0
    if stored.session_id:
        expected = _expect(stored.session, [r for r in rows if r.expect])
    invited = _invite([r.user for r in rows if r.invite], courses[0] if courses else None, importer, stored.language)
    return {"accounts": created, "enrolments": enrolments, "expected": expected, "invitations": invited}


def _create_accounts(rows, language) -> int:
    """One INSERT for all new accounts: no password (the invitation sets it), in the Trainee group."""
    accounts = []
    for row in rows:
        user = User(
            email=row.email or f"{invitations.new_nonce().lower()}@{PHONE_ONLY_DOMAIN}",
            real_name=row.name,
            phone=row.phone,
            organisation=row.organisation,
            job_title=row.job,
            default_venue=row.venue,
            language=language or "",
        )
        user.set_unusable_password()
        accounts.append(user)
    User.objects.bulk_create(accounts, batch_size=500)
    trainee = roles_group(roles.TRAINEE)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=trainee.pk) for u in accounts], batch_size=500
    )
    for row, user in zip(rows, accounts, strict=True):
        row.user = user
    return len(accounts)


def roles_group(name):
    from django.contrib.auth.models import Group

    return Group.objects.get_or_create(name=name)[0]


def _expect(session, rows) -> int:
    moving = [r for r in rows if r.moves_from is not None]
    for row in moving:
        ExpectedParticipant.objects.filter(session=session, user=row.user).update(venue=row.venue)
    new = [(r.user.pk, r.venue.pk) for r in rows if r.moves_from is None]
    return len(moving) + attendance_services.add_expected_users(session, new, ExpectedParticipant.Source.IMPORT)


def _invite(users, course, importer, language) -> int:
    if not users:
        return 0
    Invitation.objects.bulk_create(
        [Invitation(user=u, course=course, created_by=importer) for u in users], ignore_conflicts=True, batch_size=500
    )
    waiting = Invitation.objects.filter(user__in=users, send_count=0, accepted_at=None).select_related("user", "course")
    return invitations.queue_invitations(list(waiting), language_of=lambda u: u.language or language)
