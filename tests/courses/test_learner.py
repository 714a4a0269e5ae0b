"""courses.learner reads in one statement what the ORM rules in courses.services state.

Each kind of trainee is compared: anonymous, never enrolled, enrolled with lessons done in
another language, holding a valid or a revoked certificate, enrolled in two languages.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.models import Locale, Page

from accounts import roles
from courses import services
from courses.learner import learner_state
from courses.models import Certificate, Enrolment, LessonCompletion
from tests.factories import UserFactory

from .factories import course_index, lessons_of, make_course

pytestmark = pytest.mark.django_db


def translate(course):
    from home.demo import build_home_pages

    build_home_pages()
    english = Locale.objects.get(language_code="en")
    for page in Page.objects.descendant_of(course, inclusive=True).order_by("path"):
        page.specific.copy_for_translation(english, copy_parents=True).save_revision().publish()
    return course.get_translation(english)


def orm_view(user, course):
    """What the ORM rules say about the user in this course."""
    enrolment = services.find_enrolment(user, course)
    certificates = Certificate.objects.filter(user=user, course_key=course.translation_key)
    done = set(LessonCompletion.objects.filter(user=user).values_list("lesson__translation_key", flat=True))
    return {
        "enrolment": enrolment and (enrolment.pk, enrolment.last_lesson_id, enrolment.last_lesson_key),
        "recent": bool(enrolment and enrolment.opened_recently),
        "done": done,
        "certificate": certificates.exists(),
        "enrolled_in": set(Enrolment.objects.filter(user=user).values_list("pk", flat=True)),
    }


def one_statement_view(user, course):
    state = learner_state(user, course.translation_key)
    everything = learner_state(user)
    enrolment = state.enrolment
    return {
        "enrolment": enrolment and (enrolment.pk, enrolment.last_lesson_id, enrolment.last_lesson_key),
        "recent": bool(enrolment and enrolment.opened_recently),
        "done": set(everything.done_keys),
        "certificate": course.translation_key in state.certificate_keys,
        "enrolled_in": {e.pk for e in everything.enrolments},
    }


def test_the_statement_agrees_with_the_orm_rules_for_every_kind_of_trainee(django_assert_num_queries):
    course = make_course(modules=1, lessons_per_module=3, index=course_index())
    english = translate(course)
    other = make_course(modules=1, lessons_per_module=1)
    chinese_lessons, english_lessons = lessons_of(course), lessons_of(english)
    people = {name: UserFactory(roles=[roles.TRAINEE]) for name in ("new", "reader", "done")}

    services.enrol(people["reader"], english)  # enrolled from the English page
    services.complete_lesson(people["reader"], chinese_lessons[0])  # read in Chinese
    services.record_lesson_visit(people["reader"], english_lessons[1], english)
    for lesson in chinese_lessons:
        services.complete_lesson(people["done"], lesson)
    services.issue_certificate(people["done"], course)
    services.enrol(people["done"], other)
    Enrolment.objects.filter(user=people["done"], course=other).update(
        last_activity_at=timezone.now() - timedelta(hours=1)
    )

    for name, user in people.items():
        for shown in (course, english, other):
            assert one_statement_view(user, shown) == orm_view(user, shown), (name, shown.title)
    with django_assert_num_queries(0):
        assert learner_state(AnonymousUser()).enrolments == ()

    revoked = Certificate.objects.get(user=people["done"])
    services.revoke_certificate(revoked, by=people["new"], reason="test")
    assert one_statement_view(people["done"], english) == orm_view(people["done"], english)


def test_enrolments_come_most_recent_first_and_the_visit_is_recent(trainee):
    first, second = make_course(modules=1, lessons_per_module=2), make_course(modules=1, lessons_per_module=2)
    services.enrol(trainee, first)
    services.enrol(trainee, second)
    services.record_lesson_visit(trainee, lessons_of(first)[1], first)
    state = learner_state(trainee)
    assert [e.pk for e in state.enrolments] == list(Enrolment.objects.filter(user=trainee).values_list("pk", flat=True))
    opened = learner_state(trainee, first.translation_key).enrolment
    assert opened.opened_recently and opened.last_lesson_key == lessons_of(first)[1].translation_key
    assert not learner_state(trainee, second.translation_key).enrolment.opened_recently
