"""The venue screen (page and JSON) and the printable sign-in sheet."""

import re

import pytest
from django.urls import reverse

from attendance import checkin, codes
from attendance.models import ExpectedParticipant, Method

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(session, venue, make_trainee):
    arrived = make_trainee(real_name="已到甲")
    waiting = make_trainee(real_name="未到乙")
    for person in (arrived, waiting):
        ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    checkin.check_in(arrived, session.pk, venue.pk, method=Method.QR)
    return arrived, waiting


def test_screen_shows_code_qr_and_lists(
    client, session, venue, people, venue_coordinator, django_assert_max_num_queries
):
    client.force_login(venue_coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("attendance:screen", args=[session.pk, venue.pk]))
    html = response.content.decode()
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds)
    assert f"{code.code[:3]} {code.code[3:]}" in html
    assert '<svg viewBox="' in html and 'class="qr"' in html
    assert session.title in html and venue.name in html
    assert re.search(r'<noscript><meta http-equiv="refresh" content="\d+"></noscript>', html)
    checked_in = html.split('id="screen-checked-in"')[1].split("</ul>")[0]
    waiting = html.split('id="screen-waiting"')[1].split("</ul>")[0]
    assert "已到甲" in checked_in and "未到乙" in waiting and "未到乙" not in checked_in
    assert response["Cache-Control"].startswith("max-age=0")


def test_screen_state_json(client, session, venue, people, venue_coordinator, django_assert_max_num_queries):
    client.force_login(venue_coordinator)
    url = reverse("attendance:screen_state", args=[session.pk, venue.pk])
    with django_assert_max_num_queries(8):
        state = client.get(url).json()
    assert state["count"] == 1 and state["expected"] == 2
    assert [p["name"] for p in state["checked_in"]] == ["已到甲"] and [p["name"] for p in state["waiting"]] == [
        "未到乙"
    ]
    assert state["scan_url"].startswith("http://testserver/attendance/c/")
    assert state["scan_url"].endswith(f"/{state['code']}/") and state["qr_svg"].startswith("<svg")
    assert 1 <= state["seconds_left"] <= session.code_rotation_seconds and state["phase"] == "open"
    # The QR link really checks people in.
    _arrived, waiting = people
    client.force_login(waiting)
    confirm = client.get(state["scan_url"].replace("http://testserver", ""))["Location"]
    assert client.post(confirm, HTTP_ACCEPT="application/json").json()["created"]
    client.force_login(venue_coordinator)
    assert client.get(url).json()["count"] == 2


def test_screen_never_shows_email_addresses(client, session, venue, make_trainee, venue_coordinator):
    nameless = make_trainee(real_name="", email="secret.person@example.org")
    ExpectedParticipant.objects.create(session=session, venue=venue, user=nameless)
    client.force_login(venue_coordinator)
    state = client.get(reverse("attendance:screen_state", args=[session.pk, venue.pk])).json()
    assert state["waiting"][0]["name"] == "secret.person" and "@" not in str(state["waiting"])


def test_sign_in_sheet_pdf(client, session, venue, people, venue_coordinator):
    client.force_login(venue_coordinator)
    response = client.get(reverse("attendance:sheet_pdf", args=[session.pk, venue.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF") and b"STSong-Light" in pdf and b"UniGB-UCS2-H" in pdf
    assert b"/Type /Page" in pdf


def test_long_list_sheet_has_more_pages(session, venue, make_trainee):
    from attendance.sheets import sign_in_sheet_pdf

    for i in range(60):
        ExpectedParticipant.objects.create(session=session, venue=venue, user=make_trainee(real_name=f"学员{i:02d}"))
    pdf = sign_in_sheet_pdf(session.session_venues.get(venue=venue))
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/") >= 3
