"""Retention of old attendance: records of sessions that ended long ago are deleted.

The period is ATTENDANCE_RETENTION_DAYS (settings; 0 keeps everything). Run
``manage.py purge_attendance`` from cron; ``--dry-run`` reports what would go.
Deleting a record deletes its history rows with it (they describe nothing any more), and
the session's uploaded sign-in sheets (rows and files) go too; the sessions themselves
stay, so the department still sees that they took place.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import AttendanceRecord, ExpectedParticipant, SheetImport, TrainingSession, WatchLedger
from .privacy import remove_sheet_file


def expired_sessions(now=None):
    days = getattr(settings, "ATTENDANCE_RETENTION_DAYS", 0)
    if not days:
        return TrainingSession.objects.none()
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return TrainingSession.objects.filter(ends_at__lt=cutoff)


def purge_session(session: TrainingSession) -> int:
    """Delete one session's attendance, expected participants and watch time; returns records deleted."""
    with transaction.atomic():
        records = AttendanceRecord.objects.filter(session=session)
        count = records.count()
        records.delete()
        ExpectedParticipant.objects.filter(session=session).delete()
        for sheet in SheetImport.objects.filter(session=session).exclude(file=""):
            remove_sheet_file(sheet)
        SheetImport.objects.filter(session=session).delete()
        WatchLedger.objects.filter(session=session).delete()  # watch time is personal data too
    return count
