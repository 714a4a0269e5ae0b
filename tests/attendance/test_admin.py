"""Organisers manage sessions in the Wagtail admin; attendance records are read-only there."""

import pytest
from django.urls import reverse

from attendance.models import AttendanceRecord, ExpectedParticipant, SessionVenue, TrainingSession

pytestmark = pytest.mark.django_db


def session_form(**overrides):
    data = {
        "title": "2021年11月10日全省重点发电企业动员会",
        "description": "",
        "course_page": "",
        "starts_at": "2021-11-10 09:00",
        "ends_at": "2021-11-10 11:30",
        "checkin_opens_at": "2021-11-10 08:15",
        "checkin_closes_at": "2021-11-10 11:30",
        "late_after": "2021-11-10 09:10",
        "code_rotation_seconds": "30",
        "livestream_url": "",
        "recording_url": "",
        "online_threshold_percent": "80",
    }
    data.update(overrides)
    return data


def test_organiser_creates_a_session_with_venues(client, organiser, venue, other_venue, make_trainee):
    trainee_here = make_trainee(default_venue=venue)
    client.force_login(organiser)
    url = reverse("wagtailsnippets_attendance_trainingsession:add")
    assert client.get(url).status_code == 200
    response = client.post(url, session_form(venues=[venue.pk, other_venue.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    session = TrainingSession.objects.get()
    assert set(SessionVenue.objects.filter(session=session).values_list("venue_id", flat=True)) == {
        venue.pk,
        other_venue.pk,
    }
    assert ExpectedParticipant.objects.get(session=session).user == trainee_here


def test_admin_validates_times(client, organiser, venue):
    client.force_login(organiser)
    response = client.post(
        reverse("wagtailsnippets_attendance_trainingsession:add"),
        session_form(ends_at="2021-11-10 08:00", venues=[venue.pk]),
    )
    assert response.status_code == 200 and not TrainingSession.objects.exists()
    assert "结束时间必须晚于开始时间" in response.content.decode()


def test_records_are_read_only_in_the_admin(client, organiser, session, venue, trainee):
    from attendance import checkin
    from attendance.models import Method

    checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    client.force_login(organiser)
    listing = client.get(reverse("wagtailsnippets_attendance_attendancerecord:list"))
    assert listing.status_code == 200 and trainee.real_name in listing.content.decode()
    assert client.get(reverse("wagtailsnippets_attendance_attendancerecord:add")).status_code in {302, 403}
    record = AttendanceRecord.objects.get()
    assert client.get(reverse("wagtailsnippets_attendance_attendancerecord:edit", args=[record.pk])).status_code in {
        302,
        403,
    }


def test_coordinator_sees_the_roster_menu_but_cannot_edit_sessions(client, venue_coordinator, session):
    client.force_login(venue_coordinator)
    admin_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("attendance:roster_home") in admin_home
    assert client.get(reverse("wagtailsnippets_attendance_trainingsession:add")).status_code in {302, 403}
