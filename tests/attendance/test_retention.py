from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from attendance import checkin
from attendance.models import AttendanceChange, AttendanceRecord, Method, TrainingSession

from .factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def attended_session(venue, trainee, ended_days_ago):
    starts = timezone.now() - timedelta(days=ended_days_ago, hours=3)
    session = TrainingSessionFactory(
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        venues=[venue],
    )
    during = starts + timedelta(minutes=5)
    checkin.check_in(trainee, session.pk, venue.pk, method=Method.CODE, now=during)
    return session


@override_settings(ATTENDANCE_RETENTION_DAYS=365)
def test_purge_deletes_only_sessions_past_retention(venue, make_trainee, capsys):
    trainee = make_trainee()
    old = attended_session(venue, trainee, ended_days_ago=400)
    recent = attended_session(venue, trainee, ended_days_ago=30)

    call_command("purge_attendance", "--dry-run")
    assert "Would delete 1 records of 1 sessions" in capsys.readouterr().out
    assert AttendanceRecord.objects.count() == 2

    call_command("purge_attendance", verbosity=0)
    assert list(AttendanceRecord.objects.values_list("session_id", flat=True)) == [recent.pk]
    assert not AttendanceChange.objects.filter(record__session=old).exists()
    assert TrainingSession.objects.filter(pk=old.pk).exists()  # the session itself stays


@override_settings(ATTENDANCE_RETENTION_DAYS=0)
def test_zero_keeps_everything(venue, make_trainee, capsys):
    attended_session(venue, make_trainee(), ended_days_ago=4000)
    call_command("purge_attendance")
    assert "kept for ever" in capsys.readouterr().out
    assert AttendanceRecord.objects.count() == 1


@override_settings(ATTENDANCE_RETENTION_DAYS=365)
def test_purge_removes_the_sessions_uploaded_sheets(venue, make_trainee, venue_coordinator):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    from attendance import sheet_import
    from attendance.models import SheetImport

    old = attended_session(venue, make_trainee(), ended_days_ago=400)
    upload = SimpleUploadedFile("sheet.csv", "姓名\n张三\n".encode())
    stored = sheet_import.store_upload(old.session_venues.get(venue=venue), upload, venue_coordinator)
    path = Path(stored.file.path)
    assert path.exists()
    call_command("purge_attendance", verbosity=0)
    assert not path.exists() and not SheetImport.objects.filter(pk=stored.pk).exists()
