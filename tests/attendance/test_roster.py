"""Coordinator roster: bulk marks, walk-ins, head count reconciliation, merging walk-in accounts, history."""

import pytest
from django.urls import reverse

from attendance import checkin, services
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, Method, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def expected_here(session, venue, make_trainee):
    people = [make_trainee(real_name=f"应到{i}") for i in range(4)]
    for person in people:
        ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    return people


@pytest.fixture
def session_venue(session, venue):
    return session.session_venues.get(venue=venue)


def test_bulk_mark_creates_changes_and_keeps_history(session_venue, expected_here, venue_coordinator):
    first = services.mark(session_venue, [u.pk for u in expected_here[:3]], Status.PRESENT, by=venue_coordinator)
    assert (first.created, first.changed, first.unchanged) == (3, 0, 0)
    second = services.mark(session_venue, [u.pk for u in expected_here[:3]], Status.PRESENT, by=venue_coordinator)
    assert (second.created, second.changed, second.unchanged) == (0, 0, 3)  # idempotent
    third = services.mark(session_venue, [expected_here[0].pk], Status.EXCUSED, by=venue_coordinator, note="医院证明")
    assert third.changed == 1
    record = AttendanceRecord.objects.get(user=expected_here[0])
    history = list(services.record_history(record).values_list("from_status", "to_status", "method", "note"))
    assert history == [("", "present", "coordinator", ""), ("present", "excused", "coordinator", "医院证明")]
    assert record.recorded_by == venue_coordinator


def test_marking_leaves_other_venues_people_alone(session, session_venue, other_venue, venue_coordinator, make_trainee):
    stranger = make_trainee()
    elsewhere = make_trainee()
    ExpectedParticipant.objects.create(session=session, venue=other_venue, user=elsewhere)
    result = services.mark(session_venue, [stranger.pk, elsewhere.pk], Status.ABSENT, by=venue_coordinator)
    assert result.refused == 2 and not AttendanceRecord.objects.exists()


def test_self_checked_in_at_other_venue_is_not_overwritten(
    session, session_venue, venue, other_venue, venue_coordinator, make_trainee
):
    moved = make_trainee()
    ExpectedParticipant.objects.create(session=session, venue=venue, user=moved)
    ExpectedParticipant.objects.filter(user=moved).update(venue=other_venue)
    checkin.check_in(moved, session.pk, other_venue.pk, method=Method.QR)
    ExpectedParticipant.objects.filter(user=moved).update(venue=venue)  # expected here, checked in there
    result = services.mark(session_venue, [moved.pk], Status.ABSENT, by=venue_coordinator)
    assert result.refused == 1
    assert AttendanceRecord.objects.get(user=moved).status == Status.PRESENT


def test_roster_page_bulk_form(
    client, session, venue, session_venue, expected_here, venue_coordinator, django_assert_max_num_queries
):
    client.force_login(venue_coordinator)
    url = reverse("attendance:roster", args=[session.pk, venue.pk])
    with django_assert_max_num_queries(20):
        page = client.get(url)
    html = page.content.decode()
    assert all(p.real_name in html for p in expected_here)
    response = client.post(
        reverse("attendance:mark", args=[session.pk, venue.pk]),
        {"status": "late", "users": [expected_here[0].pk, expected_here[1].pk]},
        follow=True,
    )
    assert "新增 2 人" in response.content.decode()
    assert set(AttendanceRecord.objects.values_list("status", flat=True)) == {"late"}
    filtered = client.get(url, {"status": "none"}).content.decode()
    assert expected_here[2].real_name in filtered and expected_here[0].real_name not in filtered


def test_mark_without_anyone_ticked_says_so(client, session, venue, venue_coordinator):
    client.force_login(venue_coordinator)
    response = client.post(reverse("attendance:mark", args=[session.pk, venue.pk]), {"status": "present"}, follow=True)
    assert "请至少勾选一人" in response.content.decode()


def test_walk_in_found_by_search(client, session, venue, venue_coordinator, make_trainee):
    guest = make_trainee(real_name="临时来宾", phone="13912345678")
    client.force_login(venue_coordinator)
    url = reverse("attendance:walk_in", args=[session.pk, venue.pk])
    page = client.get(url, {"phone": "13912345678"})
    assert "临时来宾" in page.content.decode()
    client.post(url, {"person": page.context["results"][0].token})
    record = AttendanceRecord.objects.get(user=guest)
    assert (record.venue, record.status, record.method) == (venue, "present", "coordinator")
    assert ExpectedParticipant.objects.get(user=guest).source == ExpectedParticipant.Source.WALK_IN


def test_walk_in_with_a_new_minimal_account(client, session, venue, venue_coordinator):
    client.force_login(venue_coordinator)
    url = reverse("attendance:walk_in", args=[session.pk, venue.pk])
    response = client.post(url, {"real_name": "无账号者", "phone": "13800001111"})
    assert response.status_code == 302
    record = AttendanceRecord.objects.select_related("user").get()
    assert record.user.real_name == "无账号者" and services.is_walk_in_account(record.user)
    assert not record.user.has_usable_password()
    bad = client.post(url, {"real_name": "号码错", "phone": "123"})
    assert bad.status_code == 200 and AttendanceRecord.objects.count() == 1


def test_walk_in_recorded_elsewhere_is_refused(session, session_venue, other_venue, venue_coordinator, make_trainee):
    person = make_trainee()
    checkin.check_in(person, session.pk, other_venue.pk, method=Method.QR)
    with pytest.raises(services.AttendanceError) as info:
        services.add_walk_in(session_venue, person, by=venue_coordinator)
    assert info.value.code == "recorded_elsewhere"


def test_merge_walk_in_account_into_real_account(session, session_venue, venue_coordinator, make_trainee):
    placeholder = services.create_walk_in_account(real_name="李四")
    services.add_walk_in(session_venue, placeholder, by=venue_coordinator)
    real = make_trainee(real_name="李四")
    moved = services.merge_walk_in_account(placeholder, real, by=venue_coordinator)
    assert moved == 1
    assert AttendanceRecord.objects.get(session=session).user == real
    placeholder.refresh_from_db()
    assert not placeholder.is_active
    with pytest.raises(services.AttendanceError):
        services.merge_walk_in_account(real, placeholder, by=venue_coordinator)


def test_merge_with_a_conflicting_record_keeps_the_better_status(
    session, session_venue, venue_coordinator, make_trainee
):
    real = make_trainee(real_name="王五")
    ExpectedParticipant.objects.create(session=session, venue=session_venue.venue, user=real)
    services.mark(session_venue, [real.pk], Status.ABSENT, by=venue_coordinator)
    placeholder = services.create_walk_in_account(real_name="王五")
    services.add_walk_in(session_venue, placeholder, by=venue_coordinator)
    services.merge_walk_in_account(placeholder, real, by=venue_coordinator)
    record = AttendanceRecord.objects.get(session=session)
    assert record.user == real and record.status == Status.PRESENT
    assert "walkin-" in record.changes.last().note


def test_head_count_reconciliation(client, session, venue, session_venue, expected_here, venue_coordinator):
    services.mark(session_venue, [u.pk for u in expected_here[:2]], Status.PRESENT, by=venue_coordinator)
    client.force_login(venue_coordinator)
    client.post(reverse("attendance:head_count", args=[session.pk, venue.pk]), {"head_count": 5})
    session_venue.refresh_from_db()
    assert session_venue.head_count == 5 and session_venue.head_count_by == venue_coordinator
    summary = services.venue_summary(session_venue)
    assert (summary.expected, summary.attended, summary.head_count_gap, summary.not_recorded) == (4, 2, 3, 2)
    html = client.get(reverse("attendance:roster", args=[session.pk, venue.pk])).content.decode()
    assert "现场有 3 人没有签到记录" in html
    services.record_head_count(session_venue, 1, by=venue_coordinator)
    assert services.venue_summary(session_venue).extra_records == 1
    with pytest.raises(services.AttendanceError):
        services.record_head_count(session_venue, -1, by=venue_coordinator)


def test_history_page_shows_every_change(client, session, venue, session_venue, expected_here, venue_coordinator):
    person = expected_here[0]
    checkin.check_in(person, session.pk, venue.pk, method=Method.CODE)
    services.mark(session_venue, [person.pk], Status.EXCUSED, by=venue_coordinator, note="临时出差")
    record = AttendanceRecord.objects.get(user=person)
    client.force_login(venue_coordinator)
    html = client.get(reverse("attendance:record_history", args=[record.pk])).content.decode()
    assert "输入签到码" in html and "出席 → " in html and "请假" in html and "临时出差" in html


def test_history_is_append_only(session, venue, trainee):
    checkin.check_in(trainee, session.pk, venue.pk, method=Method.QR)
    change = AttendanceChange.objects.get()
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()


def test_expected_from_default_venues(session, venue, other_venue, make_trainee, django_assert_max_num_queries):
    from tests.factories import VenueFactory

    here = [make_trainee(default_venue=venue) for _ in range(3)]
    make_trainee(default_venue=VenueFactory())  # a venue not in this session
    assert services.add_expected_from_default_venues(session) == 3
    assert services.add_expected_from_default_venues(session) == 0
    assert set(ExpectedParticipant.objects.values_list("user_id", flat=True)) == {u.pk for u in here}
    assert services.add_expected_from_enrolments(session) == 0  # no course linked


def test_upcoming_sessions_for_the_home_page(session, db):
    from datetime import timedelta

    from django.utils import timezone

    from tests.attendance.factories import TrainingSessionFactory

    TrainingSessionFactory(title="已结束", starts_at=timezone.now() - timedelta(days=3))
    later = TrainingSessionFactory(title="下周", starts_at=timezone.now() + timedelta(days=7))
    assert [s.title for s in services.upcoming_sessions()] == [session.title, later.title]
    assert len(services.upcoming_sessions(limit=1)) == 1


def test_walk_in_search_is_exact_and_limited(client, session, venue, venue_coordinator, make_trainee):
    """No fragment search: ?q=13 or a partial phone lists nobody; an exact name needs the organisation."""
    guest = make_trainee(real_name="临时来宾", phone="13912345678")
    namesakes = [make_trainee(real_name="同名", organisation=guest.organisation) for _ in range(12)]
    client.force_login(venue_coordinator)
    url = reverse("attendance:walk_in", args=[session.pk, venue.pk])
    for query in ({"q": "13"}, {"phone": "1391234"}, {"real_name": "临时来宾"}, {"real_name": "临时"}):
        response = client.get(url, query)
        assert response.context["results"] == [] and "13912345678" not in response.content.decode(), query
    assert (
        "临时来宾" in client.get(url, {"real_name": "临时来宾", "organisation": guest.organisation_id}).content.decode()
    )
    found = client.get(url, {"real_name": "同名", "organisation": guest.organisation_id}).context["results"]
    assert len(found) == services.WALK_IN_SEARCH_LIMIT and {p.pk for p in found} <= {p.pk for p in namesakes}


def test_walk_in_cannot_add_a_person_by_guessing_an_id(client, session, venue, venue_coordinator, make_trainee):
    stranger = make_trainee(real_name="外地学员")
    client.force_login(venue_coordinator)
    url = reverse("attendance:walk_in", args=[session.pk, venue.pk])
    assert client.post(url, {"user": stranger.pk}).status_code == 200
    assert client.post(url, {"person": str(stranger.pk)}).status_code == 404
    assert not AttendanceRecord.objects.filter(user=stranger).exists()


def test_walk_in_fields_drop_control_characters(client, session, venue, venue_coordinator):
    client.force_login(venue_coordinator)
    url = reverse("attendance:walk_in", args=[session.pk, venue.pk])
    client.post(url, {"real_name": '\x01=HYPERLINK("http://x","y")', "phone": ""})
    assert AttendanceRecord.objects.select_related("user").get().user.real_name == '=HYPERLINK("http://x","y")'
