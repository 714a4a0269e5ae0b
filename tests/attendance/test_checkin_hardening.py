"""Check-in against a careless client and an attacker (issue 11, item 8): wrong content types get
a 4xx that says why, wrong codes are limited per signed-in person (429), and a scan ticket only
checks in the person who scanned."""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from attendance import checkin, code_guessing, codes
from attendance.models import AttendanceRecord, Method
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_again_afterwards():
    """Requests to /en/ leave English active in this thread; later tests reverse() Chinese URLs."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


VENUE_IP = "203.0.113.7"  # a whole sub-venue behind one address


def current(session, venue) -> str:
    return codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code


def wrong(session, venue) -> str:
    """Six digits that are no venue's code now (nor of the window before)."""
    valid = {
        codes.current_code(session.pk, v.pk, session.code_rotation_seconds, checkin.time.time() - back).code
        for v in session.venues.all()
        for back in (0, session.code_rotation_seconds)
    }
    return next(f"{n:06d}" for n in range(10**6) if f"{n:06d}" not in valid)


def scan(client, session, venue) -> str:
    code = current(session, venue)
    return client.get(reverse("attendance:scan", args=[session.pk, venue.pk, code]))["Location"]


# --- content types ---------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_code_posted_as_json_or_text_is_refused_with_a_reason(client, session, venue, trainee, content_type):
    client.force_login(trainee)
    body = json.dumps({"code": current(session, venue)})
    response = client.post(reverse("attendance:checkin_code"), body, content_type=content_type)
    assert response.status_code == 415
    assert f"签到必须以网页表单提交，不能以“{content_type}”提交。" in response.content.decode()
    answer = client.post(
        "/en/attendance/check-in/", body, content_type=content_type, HTTP_ACCEPT="application/json"
    ).json()
    assert answer["code"] == "unsupported_content_type"
    assert answer["message"] == f"A check-in must be sent as a web form (form fields), not as “{content_type}”."
    assert not AttendanceRecord.objects.exists()


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_ticket_posted_as_json_or_text_is_refused(client, session, venue, trainee, content_type):
    client.force_login(trainee)
    response = client.post(scan(client, session, venue), "{}", content_type=content_type)
    assert response.status_code == 415
    assert not AttendanceRecord.objects.exists()


def test_an_empty_form_post_is_a_400_not_a_blank_form(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("attendance:checkin_code"), {})
    assert response.status_code == 400 and 'class="errorlist' in response.content.decode()


def test_the_pages_own_fetch_and_plain_form_posts_still_work(client, session, venue, other_venue, trainee):
    """checkin.js posts FormData (multipart/form-data); without JavaScript the form is urlencoded."""
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    multipart = client.post(url, {"code": current(session, venue)}, HTTP_ACCEPT="application/json")
    assert multipart.status_code == 200 and multipart.json()["created"]
    AttendanceRecord.objects.all().delete()
    urlencoded = client.post(url, f"code={current(session, venue)}", content_type="application/x-www-form-urlencoded")
    assert urlencoded.status_code == 200 and "签到成功" in urlencoded.content.decode()


# --- guessing codes ----------------------------------------------------------------------------


def test_a_correct_code_still_works_after_a_few_typos(client, session, venue, trainee):
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    for _typo in range(3):
        assert client.post(url, {"code": wrong(session, venue)}).status_code == 400
    response = client.post(url, {"code": current(session, venue)})
    assert response.status_code == 200 and AttendanceRecord.objects.get(user=trainee).method == Method.CODE


def test_guessing_is_limited_per_person_with_429(client, session, venue, trainee):
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    guess = wrong(session, venue)
    statuses = [
        client.post(url, {"code": guess}, HTTP_ACCEPT="application/json", REMOTE_ADDR=VENUE_IP).status_code
        for _guess in range(code_guessing.WRONG_CODE_LIMIT + 1)
    ]
    assert statuses == [400] * code_guessing.WRONG_CODE_LIMIT + [429]
    # Locked out: even the right code is refused, with the reason and when to try again.
    locked = client.post(url, {"code": current(session, venue)}, HTTP_ACCEPT="application/json")
    assert locked.status_code == 429 and locked["Retry-After"] == "300"
    assert locked.json()["code"] == "too_many_codes" and "错误的签到码次数过多" in locked.json()["message"]
    page = client.post(url, {"code": current(session, venue)})
    assert page.status_code == 429 and "错误的签到码次数过多" in page.content.decode()
    assert not AttendanceRecord.objects.exists()


def test_a_locked_out_trainee_does_not_lock_out_the_venue(client, session, venue, trainee):
    """NAT-friendly: the limit is per person, so a colleague behind the same address still checks in."""
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    for _guess in range(code_guessing.WRONG_CODE_LIMIT + 1):
        client.post(url, {"code": wrong(session, venue)}, REMOTE_ADDR=VENUE_IP)
    colleague = UserFactory()
    client.force_login(colleague)
    response = client.post(url, {"code": current(session, venue)}, REMOTE_ADDR=VENUE_IP)
    assert response.status_code == 200 and AttendanceRecord.objects.filter(user=colleague).exists()


def test_form_mistakes_that_cannot_be_a_guess_do_not_count(client, session, venue, trainee):
    client.force_login(trainee)
    url = reverse("attendance:checkin_code")
    for _mistake in range(code_guessing.WRONG_CODE_LIMIT + 2):
        assert client.post(url, {"code": "12"}).status_code == 400  # too short: never a hit
    assert client.post(url, {"code": current(session, venue)}).status_code == 200


def test_the_successful_code_path_adds_no_query(client, session, venue, trainee, django_assert_max_num_queries):
    client.force_login(trainee)
    checkin.session_info(session.pk)
    checkin.open_session_ids(checkin.timezone.now())
    # Session row + user row (authentication) and the INSERT.
    with django_assert_max_num_queries(3):
        response = client.post(
            reverse("attendance:checkin_code"), {"code": current(session, venue)}, HTTP_ACCEPT="application/json"
        )
    assert response.json()["created"]


# --- a ticket is the scanner's --------------------------------------------------------------------


def test_a_signed_in_scanners_ticket_is_refused_to_anyone_else(client, session, venue, trainee):
    client.force_login(trainee)
    ticket_url = scan(client, session, venue)
    colleague = UserFactory()
    client.force_login(colleague)
    looked = client.get(ticket_url)
    assert looked.status_code == 403 and "此签到链接属于扫码的人" in looked.content.decode()
    posted = client.post(ticket_url, HTTP_ACCEPT="application/json")
    assert posted.status_code == 403 and posted.json()["code"] == "not_your_ticket"
    assert not AttendanceRecord.objects.exists()
    client.force_login(trainee)
    assert client.post(ticket_url).status_code == 200
    assert AttendanceRecord.objects.get().user == trainee


def test_an_anonymous_scan_is_bound_to_that_browser_and_whoever_signs_in_there(client, session, venue, trainee):
    ticket_url = scan(client, session, venue)  # not signed in yet: the ticket waits in this browser's session
    shared = client.__class__()  # the link sent to someone elsewhere
    shared.force_login(UserFactory())
    assert shared.post(ticket_url).status_code == 403
    client.force_login(trainee)
    assert client.post(ticket_url).status_code == 200
    assert list(AttendanceRecord.objects.values_list("user_id", flat=True)) == [trainee.pk]
