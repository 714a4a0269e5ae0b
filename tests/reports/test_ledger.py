"""The figures the issue found contradicting each other, reproduced: walk-ins and self check-ins at a
venue, and what the venue screen, roster home, roster summary and its filter, reports, exports and API
say about it. Before the attendance ledger, rates went above 100 % and "not recorded" disagreed."""

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.access import VenueScope
from attendance import checkin, ledger, services
from attendance.models import Method, SessionVenue, Status
from reports.services.attendance import Filters, attendance_rollup, total
from tests.factories import UserFactory

from . import ledger_checks as read
from .factories import make_session, make_trainee, make_venue, mark

everything = VenueScope.everything

pytestmark = pytest.mark.django_db


def self_check_in(person, session, venue):
    """A trainee nobody expected scans the code at this venue during the check-in window."""
    return checkin.check_in(
        person, session.pk, venue.pk, method=Method.QR, now=session.checkin_opens_at + timezone.timedelta(minutes=5)
    )


@pytest.fixture
def crowded(db):
    """Lixia expects two (one present); two people check themselves in and one walks in."""
    lixia = make_venue("370100", "370102", name="历下区分会场")
    shinan = make_venue("370200", "370202", name="市南区分会场")
    t1, t2 = make_trainee(lixia, real_name="甲"), make_trainee(lixia, real_name="乙")
    t3 = make_trainee(shinan, real_name="丙")
    session = make_session([lixia, shinan])
    coordinator = UserFactory(roles=[roles.COORDINATOR], organisation=None)
    lixia.coordinators.add(coordinator)
    mark(session, lixia, [t1], Status.PRESENT, by=coordinator)
    for name in ("丁", "戊"):
        stranger = make_trainee(lixia, real_name=name)  # registered after the list was made
        self_check_in(stranger, session, lixia)
    link = SessionVenue.objects.get(session=session, venue=lixia)
    services.add_walk_in(link, make_trainee(lixia, real_name="己"), by=coordinator)
    mark(session, shinan, [t3], Status.PRESENT)
    return session, lixia, link, coordinator, t2


def test_walk_ins_and_self_check_ins_count_as_expected_so_the_rate_stays_below_100_percent(crowded):
    session, lixia, link, _coordinator, t2 = crowded
    venue = next(t for t in attendance_rollup(everything(), Filters(session=session.pk), "venue") if t.key == lixia.pk)
    # 甲 and 乙 expected, 丁 and 戊 checked themselves in, 己 walked in: five people, four attended.
    assert (venue.expected, venue.attended, venue.not_recorded) == (5, 4, 1)
    assert venue.rate == pytest.approx(0.8)
    city = next(t for t in attendance_rollup(everything(), Filters(session=session.pk), "city") if t.key == "370100")
    assert (city.expected, city.attended) == (5, 4) and city.rate <= 1
    # The roster's "not recorded" figure and its own filter list the same person.
    summary = services.venue_summary(link)
    not_recorded = services.roster_rows(link, ledger.NOT_RECORDED)
    assert summary.not_recorded == len(not_recorded) == 1 and not_recorded[0]["user"] == t2


def test_roster_home_venue_screen_and_roster_page_show_the_same_figures(client, crowded):
    session, lixia, _link, coordinator, _t2 = crowded
    client.force_login(coordinator)
    home = client.get(reverse("attendance:roster_home")).content.decode()
    assert '<td class="ledger-attended">4 / 5</td>' in home
    state = client.get(reverse("attendance:screen_state", args=[session.pk, lixia.pk])).json()
    assert (state["count"], state["expected"], len(state["waiting"])) == (4, 5, 1)
    summary = read.roster_page_summary(client, session, lixia.pk)
    assert summary == {"Expected": 5, "Present": 4, "Late": 0, "Excused": 0, "Absent": 0, "Not recorded": 1}


def test_total_row_is_the_sum_of_its_rows(crowded):
    session = crowded[0]
    cities = attendance_rollup(everything(), Filters(), "city")
    summed = total(cities)
    assert summed.not_recorded == sum(c.not_recorded for c in cities) == 1
    assert read.figures(summed) == read.figures(ledger.total(Q(session_id=session.pk)))
    read.check_report_levels(session)


def test_exports_and_api_agree_with_the_reports(client, crowded, organiser):
    from wagtail.models import APIToken

    session = crowded[0]
    truth = read.ledger_by_venue(session)
    rosters, records = read.export_rows_by_venue(session)
    assert rosters == truth
    for venue_id, counted in truth.items():  # the attendance export: one row per record
        assert {s: records[venue_id][s] for s in Status.values} == {s: counted[s] for s in Status.values}
    _token, plaintext = APIToken.create_token(user=organiser, name="x")
    assert read.api_venue_rows(client, {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}, session) == truth


def test_a_person_expected_here_but_recorded_elsewhere_counts_where_they_were(crowded):
    """Moved by the organiser: they leave this venue's figures and join the other venue's."""
    session, lixia, link, coordinator, t2 = crowded
    shinan_link = SessionVenue.objects.filter(session=session).exclude(pk=link.pk).get()
    services.add_walk_in(shinan_link, t2, by=coordinator)
    figures = read.ledger_by_venue(session)
    assert figures[lixia.pk]["expected"] == 4 and figures[lixia.pk]["not_recorded"] == 0
    assert figures[shinan_link.venue_id]["expected"] == 2
    assert [r.user for r in services.recorded_elsewhere_rows(link)] == [t2]


def test_demo_like_province_with_walk_ins_never_shows_a_rate_above_100_percent(db):
    """Several cities and venues, statuses spread like the demo's meeting, then walk-ins and self check-ins."""
    venues = [
        make_venue("370100", "370102"),
        make_venue("370100", "370103"),
        make_venue("370100", None, level="city"),
        make_venue("370200", "370202"),
        make_venue("370300", "370302"),
    ]
    people = {venue.pk: [make_trainee(venue) for _ in range(4)] for venue in venues}
    session = make_session(venues)
    cycle = [Status.PRESENT, Status.PRESENT, Status.LATE, Status.EXCUSED, Status.ABSENT]
    for index, venue in enumerate(venues):
        for offset, person in enumerate(people[venue.pk][:3]):
            mark(session, venue, [person], cycle[(index + offset) % len(cycle)])
    coordinator = UserFactory(roles=[roles.COORDINATOR], organisation=None)
    for venue in venues[:3]:
        for _ in range(3):
            self_check_in(make_trainee(venue), session, venue)
        link = SessionVenue.objects.get(session=session, venue=venue)
        services.add_walk_in(link, make_trainee(venue), by=coordinator)
    read.check_report_levels(session)
    for tally in attendance_rollup(everything(), Filters(), "city"):
        assert tally.rate is None or tally.rate <= 1
