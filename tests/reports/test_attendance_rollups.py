"""Attendance roll-ups: counts per level, drill-down filters, coordinator scope, flat query counts."""

import pytest

from accounts.access import VenueScope
from attendance.services import add_expected_from_default_venues
from reports.errors import reporting_scope as scope_for
from reports.services.attendance import NO_COUNTY, Filters, attendance_rollup, session_page, total, venue_roster

from .conftest import build_world
from .factories import make_trainee

pytestmark = pytest.mark.django_db


def by_key(tallies):
    return {t.key: t for t in tallies}


def test_province_level_groups_by_city_with_every_city_listed(world):
    cities = by_key(attendance_rollup(VenueScope.everything(), Filters(session=world.session.pk), "city"))
    assert len(cities) == 16
    jinan, qingdao = cities["370100"], cities["370200"]
    assert (jinan.expected, jinan.present, jinan.late, jinan.excused, jinan.absent) == (3, 1, 1, 0, 1)
    assert (qingdao.expected, qingdao.present, qingdao.late, qingdao.excused, qingdao.absent) == (2, 0, 0, 1, 0)
    assert jinan.rate == pytest.approx(2 / 3)
    assert qingdao.not_recorded == 1
    assert cities["370300"].expected == 0 and cities["370300"].rate is None
    assert jinan.label == "济南市"


def test_city_level_groups_by_county_and_keeps_city_level_venues(world):
    counties = by_key(
        attendance_rollup(VenueScope.everything(), Filters(session=world.session.pk, city="370100"), "county")
    )
    assert set(counties) == {"370102", "370103"}
    assert counties["370102"].attended == 2
    assert counties["370103"].absent == 1


def test_city_level_venue_without_county_appears_under_its_own_heading(world):
    make_trainee(world.jinan_city)
    add_expected_from_default_venues(world.session)
    counties = by_key(
        attendance_rollup(VenueScope.everything(), Filters(session=world.session.pk, city="370100"), "county")
    )
    assert counties[NO_COUNTY].expected == 1
    filters = Filters(session=world.session.pk, city="370100", county=NO_COUNTY)
    venues = attendance_rollup(VenueScope.everything(), filters, "venue")
    assert [v.key for v in venues] == [world.jinan_city.pk]


def test_county_level_lists_participating_venues_even_when_empty(world):
    venues = attendance_rollup(VenueScope.everything(), Filters(session=world.session.pk, city="370100"), "venue")
    assert {v.label for v in venues} == {"济南市主会场", "历下区分会场", "市中区分会场"}
    assert by_key(venues)[world.jinan_city.pk].expected == 0
    lixia = by_key(venues)[world.lixia.pk]
    assert (lixia.present, lixia.late, lixia.expected) == (1, 1, 2)
    assert lixia.detail == "济南市 · 历下区"


def test_by_organisation_and_total(world):
    tallies = attendance_rollup(VenueScope.everything(), Filters(session=world.session.pk), "organisation")
    orgs = by_key(tallies)
    assert orgs[world.unit_lixia.pk].attended == 2
    assert orgs[world.unit_qingdao.pk].excused == 1
    assert orgs[world.unit_qingdao.pk].label == "青岛能源有限公司"
    summary = total(tallies)
    assert (summary.expected, summary.attended, summary.recorded) == (5, 2, 4)


def test_organisation_filter_narrows_the_drill_down(world):
    cities = by_key(attendance_rollup(VenueScope.everything(), Filters(organisation=world.unit_qingdao.pk), "city"))
    assert cities["370100"].expected == 0
    assert cities["370200"].expected == 2


def test_coordinator_sees_only_their_venues(world):
    scope = scope_for(world.coordinator)
    cities = by_key(attendance_rollup(scope, Filters(session=world.session.pk), "city"))
    assert set(cities) == {"370100"}
    assert (cities["370100"].expected, cities["370100"].absent) == (2, 0)
    venues = attendance_rollup(scope, Filters(session=world.session.pk), "venue")
    assert [v.key for v in venues] == [world.lixia.pk]
    assert venue_roster(scope, world.session.pk, world.shizhong.pk) == []


def test_roster_of_one_venue(world):
    lines = venue_roster(VenueScope.everything(), world.session.pk, world.lixia.pk)
    assert {(line.name, line.status) for line in lines} == {("甲", "present"), ("乙", "late")}
    lines = venue_roster(VenueScope.everything(), world.session.pk, world.shinan.pk)
    assert {(line.name, line.status) for line in lines} == {("丁", "excused"), ("戊", "")}


def test_session_page_totals(world):
    page, rows = session_page(VenueScope.everything(), 1)
    assert page.paginator.count == 1
    assert (rows[0].label, rows[0].expected, rows[0].attended) == (world.session.title, 5, 2)


@pytest.mark.parametrize("extra_venues", [0, 12])
def test_rollup_query_count_does_not_grow(db, django_assert_max_num_queries, extra_venues):
    world = build_world(extra_venues=extra_venues, trainees_per_extra=6)
    scope = VenueScope.everything()
    with django_assert_max_num_queries(3):
        attendance_rollup(scope, Filters(session=world.session.pk), "city")
    with django_assert_max_num_queries(3):
        rows = attendance_rollup(scope, Filters(session=world.session.pk, city="370200"), "venue")
    assert len(rows) == 1 + extra_venues
    with django_assert_max_num_queries(3):
        attendance_rollup(scope, Filters(session=world.session.pk), "organisation")
    with django_assert_max_num_queries(4):
        session_page(scope, 1)
