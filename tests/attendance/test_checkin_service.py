"""The self check-in service: once per trainee, late after the threshold, clear refusals."""

from datetime import timedelta

import pytest
from django.utils import timezone

from attendance import checkin, codes
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, Method, Status
from attendance.services import AttendanceError

pytestmark = pytest.mark.django_db


def refused(func, *args, **kwargs) -> str:
    with pytest.raises(AttendanceError) as info:
        func(*args, **kwargs)
    assert str(info.value.message)  # every refusal carries a human message
    return info.value.code


def test_first_check_in_creates_a_record_and_its_history(session, venue, trainee):
    device = timezone.now() - timedelta(seconds=3)
    result = checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR, device_time=device)
    assert result.created and result.status == Status.PRESENT and result.venue_name == venue.name
    record = AttendanceRecord.objects.get(session=session, user=trainee)
    assert (record.venue, record.status, record.method, record.recorded_by) == (venue, "present", "qr", trainee)
    assert record.device_time == device and record.server_time is not None
    change = AttendanceChange.objects.get(record=record)  # written by the database trigger
    assert (change.from_status, change.to_status, change.to_venue, change.method) == ("", "present", venue, "qr")
    assert change.changed_by == trainee


def test_repeat_check_in_changes_nothing(session, venue, trainee):
    checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    again = checkin.check_in(trainee, session.pk, venue.pk, method=Method.CODE)
    assert not again.created and again.status == Status.PRESENT
    assert AttendanceRecord.objects.filter(session=session, user=trainee).count() == 1
    assert AttendanceChange.objects.filter(record__session=session).count() == 1


def test_repeat_at_another_venue_reports_the_first_one(session, venue, other_venue, trainee):
    checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    again = checkin.check_in(trainee, session.pk, other_venue.pk, method=Method.QR)
    assert not again.created and again.venue_name == venue.name
    assert AttendanceRecord.objects.get(session=session, user=trainee).venue == venue


def test_late_after_threshold(session, venue, trainee):
    result = checkin.check_in(
        trainee, session.pk, venue.pk, method=Method.QR, now=session.late_after + timedelta(seconds=1)
    )
    assert result.status == Status.LATE


def test_outside_the_window_is_refused(session, venue, trainee):
    early = session.checkin_opens_at - timedelta(seconds=1)
    late = session.checkin_closes_at + timedelta(seconds=1)
    assert refused(checkin.check_in, trainee, session.pk, venue.pk, method=Method.QR, now=early) == "not_open"
    assert refused(checkin.check_in, trainee, session.pk, venue.pk, method=Method.QR, now=late) == "closed"
    assert not AttendanceRecord.objects.exists()


def test_wrong_venue_is_refused(session, venue, other_venue, trainee):
    from tests.factories import VenueFactory

    outsider = VenueFactory()
    assert refused(checkin.check_in, trainee, session.pk, outsider.pk, method=Method.QR) == "wrong_venue"
    ExpectedParticipant.objects.create(session=session, venue=other_venue, user=trainee)
    with pytest.raises(AttendanceError) as info:
        checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    assert info.value.code == "wrong_venue"
    assert other_venue.name in str(info.value.message) and venue.name in str(info.value.message)
    assert checkin.check_in(trainee, session.pk, other_venue.pk, method=Method.QR).created


def test_unknown_session(trainee, db):
    assert refused(checkin.check_in, trainee, 999_999, 1, method=Method.QR) == "unknown_session"


def test_check_in_after_being_marked_absent_corrects_the_mark(session, venue, venue_coordinator, trainee):
    from attendance import services

    ExpectedParticipant.objects.create(session=session, venue=venue, user=trainee)
    session_venue = session.session_venues.get(venue=venue)
    services.mark(session_venue, [trainee.pk], Status.ABSENT, by=venue_coordinator)
    result = checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    assert result.created and result.status == Status.PRESENT
    record = AttendanceRecord.objects.get(session=session, user=trainee)
    assert record.status == Status.PRESENT
    assert list(record.changes.values_list("from_status", "to_status")) == [("", "absent"), ("absent", "present")]


def test_check_in_is_lean(session, venue, trainee, django_assert_num_queries):
    checkin.session_info(session.pk)  # warm the cache, as the first scan of a venue does
    # One INSERT ... SELECT ... WHERE NOT EXISTS (expected elsewhere) ON CONFLICT DO NOTHING.
    with django_assert_num_queries(1) as captured:
        assert checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR, device_time=timezone.now()).created
    assert "ON CONFLICT" in captured.captured_queries[-1]["sql"].upper()
    # A repeat costs the reason lookups as well, and changes nothing.
    with django_assert_num_queries(3):
        assert not checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR).created
    assert AttendanceRecord.objects.filter(session=session, user=trainee).count() == 1


def test_closing_check_in_takes_effect_at_once_in_the_editing_process(session, venue, trainee):
    checkin.session_info(session.pk)  # in the cache and in this process's memory
    session.checkin_opens_at = timezone.now() - timedelta(hours=2)
    session.checkin_closes_at = timezone.now() - timedelta(minutes=1)
    session.save()
    assert refused(checkin.check_in, trainee, session.pk, venue.pk, method=Method.QR) == "closed"
    assert not AttendanceRecord.objects.filter(session=session, user=trainee).exists()


def test_session_cache_is_forgotten_when_venues_change(session, trainee):
    from tests.factories import VenueFactory

    assert checkin.session_info(session.pk) is not None
    late_venue = VenueFactory(name="新加入的分会场")
    session.session_venues.create(venue=late_venue)
    assert checkin.check_in(trainee, session.pk, late_venue.pk, method=Method.QR).created


def test_code_entry_finds_the_venue(session, venue, other_venue, trainee):
    code = codes.current_code(session.pk, other_venue.pk, session.code_rotation_seconds).code
    result = checkin.check_in_with_code(trainee, code)
    assert result.venue_name == other_venue.name
    assert AttendanceRecord.objects.get(user=trainee).method == Method.CODE


def test_code_entry_refusals(session, venue, trainee):
    now = timezone.now()
    old = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds, now.timestamp() - 120).code
    assert refused(checkin.check_in_with_code, trainee, old, now=now) == "expired_code"
    assert refused(checkin.check_in_with_code, trainee, "12") == "invalid_code"
    current = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    wrong = f"{(int(current) + 1) % 10**6:06d}"
    assert refused(checkin.check_in_with_code, trainee, wrong) in {"invalid_code", "expired_code"}


def test_qr_scan_gives_a_ticket_that_checks_in(session, venue, trainee):
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    ticket = checkin.ticket_for_scan(session.pk, venue.pk, code, holder_id=trainee.pk)
    result = checkin.check_in_with_ticket(trainee, ticket)
    assert result.created and AttendanceRecord.objects.get(user=trainee).method == Method.QR
    assert refused(checkin.check_in_with_ticket, trainee, ticket + "x") == "invalid_code"


def test_stale_qr_link_is_refused(session, venue):
    old = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds, timezone.now().timestamp() - 90)
    assert refused(checkin.ticket_for_scan, session.pk, venue.pk, old.code) == "expired_code"
    assert refused(checkin.ticket_for_scan, session.pk, venue.pk, "000000x") == "invalid_code"


def test_device_time_parsing():
    assert checkin.parse_device_time("2021-11-10T09:01:02.345Z").year == 2021
    assert checkin.parse_device_time("garbage") is None
    assert checkin.parse_device_time("2021-13-45T99:00:00") is None
    assert checkin.parse_device_time(None) is None
