"""Course completion and quiz pass rates, settlement quiz detection, coverage of key emission units."""

import pytest

from accounts.access import VenueScope
from reports.errors import reporting_scope as scope_for
from reports.services.coverage import CoverageFilters, coverage_by_city, coverage_units
from reports.services.learning import completion_rates, pass_rates, settlement_quiz_keys
from tests.courses.factories import make_course

from .conftest import build_world
from .factories import certified_course, enrol, settlement_quiz, take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning(world):
    course = certified_course([world.t1, world.t4])
    enrol([world.t2, world.t3, world.t5], course)
    quiz = settlement_quiz()
    take_quiz(world.t1, quiz, right=True)
    take_quiz(world.t3, quiz, right=False)
    take_quiz(world.t4, quiz, right=False)
    world.course, world.quiz = course, quiz
    return world


def rates(rows):
    return {row.key: (row.total, row.done) for row in rows}


def test_completion_rates_by_city_and_organisation(learning):
    w = learning
    assert rates(completion_rates(VenueScope.everything(), "city")) == {"370100": (3, 1), "370200": (2, 1)}
    by_org = rates(completion_rates(VenueScope.everything(), "organisation", course_key=str(w.course.translation_key)))
    assert by_org[w.unit_lixia.pk] == (2, 1)
    assert by_org[w.unit_qingdao.pk] == (2, 1)
    other = make_course()
    assert completion_rates(VenueScope.everything(), "city", course_key=str(other.translation_key)) == []


def test_revoked_certificate_no_longer_counts(learning):
    from courses.services import revoke_certificate

    revoke_certificate(learning.t1.certificates.get(), by=learning.coordinator, reason="重复")
    assert rates(completion_rates(VenueScope.everything(), "city"))["370100"] == (3, 0)


def test_pass_rates_count_people_not_attempts(learning):
    w = learning
    take_quiz(w.t3, w.quiz, right=True)  # second attempt passes
    assert rates(pass_rates(VenueScope.everything(), "city")) == {"370100": (2, 2), "370200": (1, 0)}
    assert rates(pass_rates(VenueScope.everything(), "city", quiz_keys=[])) == {}


def test_settlement_quiz_found_by_topic_tag(learning):
    from tests.quizzes.factories import make_quiz, single

    make_quiz([single(tags=["trading"])])
    assert settlement_quiz_keys() == [learning.quiz.translation_key]


def test_coordinator_learning_scope(learning):
    scope = scope_for(learning.coordinator)
    assert rates(completion_rates(scope, "city")) == {"370100": (2, 1)}
    assert rates(pass_rates(scope, "city")) == {"370100": (1, 1)}


def test_coverage_lists_the_units_to_chase(learning):
    w = learning
    units = {u.pk: u for u in coverage_units(VenueScope.everything())}
    assert (units[w.unit_lixia.pk].attendees, units[w.unit_lixia.pk].certified) == (2, 1)
    assert units[w.unit_lixia.pk].settlement_passers == 1
    assert (units[w.unit_qingdao.pk].attendees, units[w.unit_qingdao.pk].certified) == (0, 1)
    assert units[w.unit_unreached.pk].members_count == 0
    first = next(iter(coverage_units(VenueScope.everything())))
    assert first.attendees == first.certified == first.settlement_passers == 0

    def names(gap):
        return {u.name for u in coverage_units(VenueScope.everything(), CoverageFilters(gap=gap))}

    assert names("no_attendee") >= {"市中发电有限公司", "青岛能源有限公司", "黄岛电厂"}
    assert "历下热电有限公司" not in names("no_attendee")
    assert "青岛能源有限公司" not in names("no_completion")
    assert "历下热电有限公司" not in names("no_settlement_pass")
    assert "市中发电有限公司" in names("no_settlement_pass")  # failed attempts do not count
    assert "历下热电有限公司" not in names("any")


def test_coverage_by_city(learning):
    rows, summary = coverage_by_city(VenueScope.everything())
    cities = {row.key: row for row in rows}
    assert len(rows) == 16
    jinan, qingdao = cities["370100"], cities["370200"]
    assert (jinan.units, jinan.attended, jinan.completed, jinan.settled) == (2, 1, 1, 1)
    assert (qingdao.units, qingdao.attended, qingdao.completed, qingdao.settled) == (2, 0, 1, 0)
    assert summary.units >= 4 and summary.missing_attendance == summary.units - summary.attended


def test_coverage_for_a_coordinator_counts_only_their_venues(learning):
    scope = scope_for(learning.coordinator)
    names = {u.name for u in coverage_units(scope)}
    assert names == {"历下热电有限公司"}
    rows, summary = coverage_by_city(scope)
    assert summary.units == 1
    assert [(r.key, r.units, r.attended) for r in rows] == [("370100", 1, 1)]


def test_no_settlement_quiz_means_nobody_passed_it(world):
    units = list(coverage_units(VenueScope.everything()))
    assert all(u.settlement_passers == 0 for u in units)


@pytest.mark.parametrize("extra_venues", [0, 10])
def test_learning_and_coverage_query_counts_do_not_grow(db, django_assert_max_num_queries, extra_venues):
    w = build_world(extra_venues=extra_venues, trainees_per_extra=4)
    course = certified_course([w.t1] + [people[0] for _, people in w.extra])
    quiz = settlement_quiz()
    for _venue, people in w.extra:
        take_quiz(people[0], quiz, right=True)
    with django_assert_max_num_queries(2):
        completion_rates(VenueScope.everything(), "city", course_key=str(course.translation_key))
    with django_assert_max_num_queries(2):
        pass_rates(VenueScope.everything(), "organisation")
    with django_assert_max_num_queries(3):
        coverage_by_city(VenueScope.everything())
    with django_assert_max_num_queries(2):
        units = list(coverage_units(VenueScope.everything()))
    assert len(units) == 4 + extra_venues * 4
