"""Every coordinator URL: own venue works, another venue's coordinator gets 404, trainees 403, anonymous sign in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from attendance import checkin, sheet_import
from attendance.models import AttendanceRecord, ExpectedParticipant, Method, SheetImport, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def venue_urls(session, venue, venue_coordinator, trainee):
    """(method, url) for every page that belongs to one venue of one session."""
    ExpectedParticipant.objects.create(session=session, venue=venue, user=trainee)
    checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    record = AttendanceRecord.objects.get(user=trainee)
    upload = SimpleUploadedFile("sheet.csv", "姓名,单位\n张三,\n".encode())
    stored = sheet_import.store_upload(session.session_venues.get(venue=venue), upload, venue_coordinator)
    args = [session.pk, venue.pk]
    return [
        ("get", reverse("attendance:roster", args=args)),
        ("post", reverse("attendance:mark", args=args)),
        ("post", reverse("attendance:head_count", args=args)),
        ("get", reverse("attendance:walk_in", args=args)),
        ("post", reverse("attendance:walk_in", args=args)),
        ("get", reverse("attendance:sheet_pdf", args=args)),
        ("get", reverse("attendance:import_upload", args=args)),
        ("get", reverse("attendance:import_preview", args=[*args, stored.pk])),
        ("post", reverse("attendance:import_preview", args=[*args, stored.pk])),
        ("get", reverse("attendance:import_file", args=[*args, stored.pk])),
        ("get", reverse("attendance:screen", args=args)),
        ("get", reverse("attendance:screen_state", args=args)),
        ("get", reverse("attendance:record_history", args=[record.pk])),
    ]


def call(client, method, url):
    return client.post(url, {}) if method == "post" else client.get(url)


def test_own_coordinator_can_open_everything(client, venue_coordinator, venue_urls):
    client.force_login(venue_coordinator)
    for method, url in venue_urls:
        response = call(client, method, url)
        assert response.status_code in {200, 302}, (method, url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]


def test_other_venues_coordinator_gets_404_everywhere(client, other_coordinator, venue_urls):
    client.force_login(other_coordinator)
    for method, url in venue_urls:
        assert call(client, method, url).status_code == 404, (method, url)
    assert SheetImport.objects.get().imported_at is None
    assert AttendanceRecord.objects.get().status == Status.PRESENT


def test_trainee_gets_403(client, make_trainee, venue_urls):
    client.force_login(make_trainee())
    for method, url in venue_urls:
        if "/records/" in url:
            continue  # trainees may look at their own records only: see below
        assert call(client, method, url).status_code == 403, (method, url)


def test_record_history_is_own_or_managed(client, make_trainee, trainee, venue_urls):
    history_url = venue_urls[-1][1]
    client.force_login(make_trainee())
    assert client.get(history_url).status_code == 404
    client.force_login(trainee)
    assert client.get(history_url).status_code == 200


def test_anonymous_is_sent_to_sign_in(client, venue_urls):
    for method, url in venue_urls:
        response = call(client, method, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], (method, url)


def test_organiser_sees_every_venue(client, organiser, venue_urls):
    client.force_login(organiser)
    for method, url in venue_urls:
        assert call(client, method, url).status_code in {200, 302}, (method, url)


def test_roster_home_lists_only_my_venues(client, session, venue, other_venue, venue_coordinator):
    client.force_login(venue_coordinator)
    html = client.get(reverse("attendance:roster_home")).content.decode()
    assert venue.name in html and other_venue.name not in html


def test_add_expected_is_for_organisers_only(client, session, venue_coordinator, organiser):
    url = reverse("attendance:add_expected", args=[session.pk])
    client.force_login(venue_coordinator)
    assert client.post(url).status_code == 404
    client.force_login(organiser)
    assert client.post(url).status_code == 302
