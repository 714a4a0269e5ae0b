"""Trainee check-in pages: QR link, sign-in redirect, confirmation, code form, JSON answers."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from attendance import checkin, codes
from attendance.models import AttendanceRecord, ExpectedParticipant, Method

pytestmark = pytest.mark.django_db


def scan_url(session, venue, code=None):
    code = code or codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    return reverse("attendance:scan", args=[session.pk, venue.pk, code])


def test_scan_sends_an_anonymous_trainee_to_sign_in_and_back(client, session, venue, trainee):
    response = client.get(scan_url(session, venue))
    assert response.status_code == 302
    confirm_url = response["Location"]
    assert "/attendance/check-in/t/" in confirm_url
    response = client.get(confirm_url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert unquote(response["Location"]).endswith(f"next={confirm_url}")

    client.force_login(trainee)
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert venue.name in page.content.decode() and session.title in page.content.decode()
    assert not AttendanceRecord.objects.exists()  # looking is not checking in

    done = client.post(confirm_url, {"device_time": timezone.now().isoformat()})
    assert done.status_code == 200
    assert "签到成功" in done.content.decode()  # "You are checked in"
    record = AttendanceRecord.objects.get(user=trainee)
    assert record.method == Method.QR and record.device_time is not None


def test_second_post_says_already_checked_in(client, session, venue, trainee):
    client.force_login(trainee)
    confirm_url = client.get(scan_url(session, venue))["Location"]
    client.post(confirm_url)
    again = client.post(confirm_url)
    assert "已经签到" in again.content.decode()
    assert client.get(confirm_url).content.decode().count("已经签到") == 1
    assert AttendanceRecord.objects.count() == 1


def test_expired_and_invalid_qr_links_explain_themselves(client, session, venue):
    old = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds, timezone.now().timestamp() - 120)
    response = client.get(scan_url(session, venue, old.code))
    assert response.status_code == 410
    assert "已过期" in response.content.decode()
    response = client.get(scan_url(session, venue, "999999x"))
    assert response.status_code == 400 and "无效" in response.content.decode()


def test_tampered_ticket_is_refused(client, session, venue, trainee):
    client.force_login(trainee)
    confirm_url = client.get(scan_url(session, venue))["Location"]
    bad = confirm_url.rstrip("/") + "x/"
    assert client.get(bad).status_code == 400
    assert client.post(bad).status_code == 400
    assert not AttendanceRecord.objects.exists()


def test_json_answer_for_the_enhanced_form(client, session, venue, other_venue, trainee):
    client.force_login(trainee)
    ExpectedParticipant.objects.create(session=session, venue=other_venue, user=trainee)
    confirm_url = client.get(scan_url(session, venue))["Location"]
    refused = client.post(confirm_url, HTTP_ACCEPT="application/json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "wrong_venue" and other_venue.name in refused.json()["message"]

    confirm_url = client.get(scan_url(session, other_venue))["Location"]
    ok = client.post(confirm_url, HTTP_ACCEPT="application/json").json()
    assert ok["ok"] and ok["created"] and ok["venue"] == other_venue.name and ok["status"] == "present"
    again = client.post(confirm_url, HTTP_ACCEPT="application/json").json()
    assert again["ok"] and not again["created"]


def test_check_in_post_query_budget(client, session, venue, trainee, django_assert_max_num_queries):
    client.force_login(trainee)
    confirm_url = client.get(scan_url(session, venue))["Location"]
    checkin.session_info(session.pk)
    # Session row + user row (authentication) and the one INSERT (which also refuses another venue's
    # trainee); no transaction, no savepoint, and the session is not written.
    with django_assert_max_num_queries(3) as captured:
        response = client.post(confirm_url, HTTP_ACCEPT="application/json")
    assert response.json()["created"]
    assert not any(word in query["sql"].upper() for query in captured for word in ("SAVEPOINT", "BEGIN", "UPDATE"))
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_code_form(client, session, venue, trainee):
    url = reverse("attendance:checkin_code")
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(trainee)
    assert client.get(url).status_code == 200
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    response = client.post(url, {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 200 and "签到成功" in response.content.decode()
    assert AttendanceRecord.objects.get(user=trainee).method == Method.CODE


def test_code_form_errors_stay_on_the_form(client, session, venue, trainee):
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    response = client.post(url, {"code": "12"})
    assert response.status_code == 400 and "6" in response.content.decode()
    late = client.post(url, {"code": "000000"}, HTTP_ACCEPT="application/json")
    assert late.status_code == 400 and late.json()["code"] in {"invalid_code", "expired_code"}


def test_closed_session_is_refused_with_a_message(client, session, venue, trainee):
    session.checkin_closes_at = timezone.now() - timedelta(minutes=1)
    session.checkin_opens_at = timezone.now() - timedelta(hours=2)
    session.late_after = session.checkin_opens_at
    session.save()
    client.force_login(trainee)
    confirm_url = client.get(scan_url(session, venue))["Location"]
    response = client.post(confirm_url)
    assert response.status_code == 400 and "已结束" in response.content.decode()
