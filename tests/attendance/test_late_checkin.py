"""Delayed check-ins: kept on the phone while the venue's network was down, sent later.

Accepted when the code (or QR ticket) was valid at the moment of entry, that moment lies
in the check-in window, not after the receipt and at most codes.LATE_CHECKIN_MAX_DELAY
before it; the record keeps the phone's time and the server's receipt; a resend with the
same nonce is the same check-in.
"""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from attendance import checkin, codes
from attendance.models import AttendanceChange, AttendanceRecord, Method, Status
from attendance.services import AttendanceError

pytestmark = pytest.mark.django_db


def code_at(session, venue, moment):
    return codes.current_code(session.pk, venue.pk, session.code_rotation_seconds, moment.timestamp()).code


def test_a_code_typed_offline_is_accepted_minutes_later_with_both_times(session, venue, trainee):
    received = timezone.now()
    entered = received - timedelta(minutes=5)
    code = code_at(session, venue, entered)
    with pytest.raises(AttendanceError):  # the code has rotated since: a fresh entry is refused
        checkin.check_in_with_code(trainee, code, now=received)
    result = checkin.check_in_with_code(
        trainee, code, device_time=entered, sent_at=entered + timedelta(minutes=5), nonce="n-1", now=received
    )
    assert result.created and result.status == Status.PRESENT
    record = AttendanceRecord.objects.get(user=trainee)
    assert (record.device_time, record.server_time, record.method) == (entered, received, Method.CODE)
    assert AttendanceChange.objects.filter(record=record).count() == 1


def test_a_phone_with_a_wrong_clock_is_judged_by_the_delay_it_measured(session, venue, trainee):
    received = timezone.now()
    entered = received - timedelta(minutes=3)
    skew = timedelta(minutes=17)  # the phone's clock is 17 minutes fast
    result = checkin.check_in_with_code(
        trainee,
        code_at(session, venue, entered),
        device_time=entered + skew,
        sent_at=received + skew,
        now=received,
    )
    assert result.created
    assert AttendanceRecord.objects.get(user=trainee).device_time == entered + skew  # kept as the phone said


def test_status_is_judged_at_the_moment_of_entry(session, venue, trainee):
    received = session.late_after + timedelta(minutes=4)
    entered = session.late_after - timedelta(minutes=2)
    result = checkin.check_in_with_code(
        trainee, code_at(session, venue, entered), device_time=entered, sent_at=received, now=received
    )
    assert result.status == Status.PRESENT


@pytest.mark.parametrize(
    "case",
    ["wrong_code_then", "too_late", "future", "before_window", "no_device_time"],
)
def test_claims_out_of_bounds_are_refused(session, venue, trainee, case):
    received = timezone.now()
    entered = received - timedelta(minutes=5)
    code, device_time, sent_at = code_at(session, venue, entered), entered, received
    if case == "wrong_code_then":
        code = code_at(session, venue, entered - timedelta(minutes=2))
    elif case == "too_late":
        device_time = received - timedelta(seconds=codes.LATE_CHECKIN_MAX_DELAY + 60)
        code = code_at(session, venue, device_time)
    elif case == "future":
        device_time, sent_at = received + timedelta(minutes=1), received  # entered after the receipt
    elif case == "before_window":
        device_time = session.checkin_opens_at - timedelta(minutes=1)
        code = code_at(session, venue, device_time)
    elif case == "no_device_time":
        device_time = None
    with pytest.raises(AttendanceError) as info:
        checkin.check_in_with_code(trainee, code, device_time=device_time, sent_at=sent_at, now=received)
    assert info.value.code in {"invalid_code", "expired_code", "not_open"}
    assert not AttendanceRecord.objects.exists()


def test_a_resend_with_the_same_nonce_is_the_same_check_in(session, venue, trainee):
    received = timezone.now()
    entered = received - timedelta(minutes=5)
    claims = {"device_time": entered, "sent_at": received, "nonce": "abc-123"}
    first = checkin.check_in_with_code(trainee, code_at(session, venue, entered), now=received, **claims)
    later = received + timedelta(seconds=30)  # the answer was lost; the phone sends it again
    again = checkin.check_in_with_code(
        trainee, code_at(session, venue, entered), now=later, **{**claims, "sent_at": later}
    )
    assert first.created and again.created and again.server_time == first.server_time
    other = checkin.check_in_with_code(
        trainee, code_at(session, venue, entered), now=received, **{**claims, "nonce": "other"}
    )
    assert not other.created  # another check-in by the same person: "already checked in"
    assert AttendanceRecord.objects.count() == 1 and AttendanceChange.objects.count() == 1


def ticket_issued(session, venue, moment, holder):
    """A ticket as codes.make_ticket issues it (naming the person who scanned), at an earlier moment."""
    stamp = signing.b62_encode(int(moment.timestamp()))
    return signing.Signer(salt=codes.TICKET_SALT).sign(f"{session.pk}-{venue.pk}-{holder.pk}:{stamp}")


def test_an_expired_qr_ticket_counts_when_it_was_valid_at_entry(session, venue, trainee):
    received = timezone.now()
    issued = received - timedelta(seconds=codes.TICKET_MAX_AGE + 600)
    ticket = ticket_issued(session, venue, issued, trainee)
    assert codes.read_ticket(ticket, max_age=None) == (session.pk, venue.pk, trainee.pk)
    with pytest.raises(AttendanceError):
        checkin.check_in_with_ticket(trainee, ticket, now=received)
    too_late = issued + timedelta(seconds=codes.TICKET_MAX_AGE + 60)  # the ticket had expired at entry
    with pytest.raises(AttendanceError):
        checkin.check_in_with_ticket(trainee, ticket, device_time=too_late, sent_at=received, now=received)
    entered = issued + timedelta(minutes=1)
    result = checkin.check_in_with_ticket(trainee, ticket, device_time=entered, sent_at=received, now=received)
    assert result.created and AttendanceRecord.objects.get(user=trainee).method == Method.QR


def test_a_forged_ticket_stays_refused_however_it_is_claimed(session, venue, trainee):
    forged = signing.TimestampSigner(salt="something-else").sign(f"{session.pk}-{venue.pk}")
    now = timezone.now()
    with pytest.raises(AttendanceError):
        checkin.check_in_with_ticket(trainee, forged, device_time=now, sent_at=now, now=now)
    assert codes.ticket_issued_at(forged) is None


def test_the_code_form_accepts_the_stored_check_in(client, session, venue, trainee):
    client.force_login(trainee)
    entered = timezone.now() - timedelta(minutes=5)
    data = {
        "code": code_at(session, venue, entered),
        "device_time": entered.isoformat(),
        "sent_at": timezone.now().isoformat(),
        "nonce": "3f2a9c1e-0000-4000-8000-000000000001",
    }
    url = reverse("attendance:checkin_code")
    first = client.post(url, data, HTTP_ACCEPT="application/json").json()
    again = client.post(url, data, HTTP_ACCEPT="application/json").json()
    assert first["ok"] and first["created"] and again["ok"] and again["created"]
    record = AttendanceRecord.objects.get(user=trainee)
    assert record.device_time is not None and record.client_nonce == data["nonce"]
    bad_nonce = client.post(url, {**data, "nonce": "<script>" * 10}, HTTP_ACCEPT="application/json")
    assert bad_nonce.status_code == 200 and not bad_nonce.json()["created"]


def test_a_fresh_check_in_still_costs_one_query(session, venue, trainee, django_assert_num_queries):
    code = code_at(session, venue, timezone.now())
    checkin.session_info(session.pk)
    checkin.open_session_ids(timezone.now())
    now = timezone.now()
    with django_assert_num_queries(1):
        checkin.check_in_with_code(trainee, code, device_time=now, sent_at=now, nonce="n", now=now)
