"""A small province for report tests, built through the attendance, courses and quizzes services."""

import itertools
from datetime import timedelta

from django.utils import timezone

from accounts import roles
from accounts.models import Organisation
from attendance import services as attendance_services
from attendance.models import SessionVenue, TrainingSession
from courses import services as course_services
from quizzes.services.attempts import start_attempt, submit_attempt
from tests.courses.factories import lessons_of, make_course
from tests.factories import OrganisationFactory, UserFactory, VenueFactory, division
from tests.quizzes.factories import make_quiz, module_and_lesson, single

_counter = itertools.count(1)


def make_venue(city: str = "370100", county: str | None = "370102", **fields):
    return VenueFactory(city=division(city), county=division(county) if county else None, **fields)


def make_unit(city: str = "370100", county: str | None = "370102", **fields) -> Organisation:
    """A key emission unit in the given city and county."""
    return OrganisationFactory(city=division(city), county=division(county) if county else None, **fields)


def make_trainee(venue, organisation=None, **fields):
    return UserFactory(
        roles=[roles.TRAINEE],
        default_venue=venue,
        organisation=organisation or make_unit(venue.city_id, venue.county_id),
        **fields,
    )


def make_session(venues, *, title: str | None = None, days_ago: int = 1) -> TrainingSession:
    """A past session at the given venues, expecting every trainee whose default venue takes part."""
    starts = timezone.now() - timedelta(days=days_ago)
    session = TrainingSession.objects.create(
        title=title or f"动员培训第{next(_counter)}场",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        checkin_opens_at=starts - timedelta(minutes=30),
        checkin_closes_at=starts + timedelta(hours=3),
        late_after=starts,
    )
    for venue in venues:
        SessionVenue.objects.create(session=session, venue=venue)
    attendance_services.add_expected_from_default_venues(session)
    return session


def mark(session, venue, users, status, by=None):
    """The coordinator's roster marking (attendance's own service)."""
    session_venue = SessionVenue.objects.get(session=session, venue=venue)
    by = by or UserFactory(roles=[roles.COORDINATOR], organisation=None)
    return attendance_services.mark(session_venue, [u.pk for u in users], status, by=by)


def certified_course(users, course=None):
    """A one-lesson course completed by each user, with their certificate issued."""
    course = course or make_course(modules=1, lessons_per_module=1)
    for user in users:
        for lesson in lessons_of(course):
            course_services.complete_lesson(user, lesson)
        course_services.issue_certificate(user, course)
    return course


def enrol(users, course):
    for user in users:
        course_services.enrol(user, course)


def settlement_quiz(tag: str = "settlement"):
    """A one-question quiz whose question carries the topic tag; option 0 is right."""
    question = single(tags=[tag])
    module, _lesson = module_and_lesson()
    return make_quiz([question], module=module, pass_mark=60)


def take_quiz(user, quiz, *, right: bool):
    attempt, _created = start_attempt(user, quiz)
    answer = attempt.answers.get()
    correct = answer.option_order.index(answer.question.options.get(is_correct=True).pk)
    chosen = correct if right else (correct + 1) % len(answer.option_order)
    attempt, _graded = submit_attempt(attempt, {answer.position: [str(chosen)]})
    return attempt
