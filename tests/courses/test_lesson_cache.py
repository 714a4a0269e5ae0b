"""A signed-in lesson page is served again only while nothing it shows has changed."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from accounts import roles
from courses import lesson_cache, services
from courses.models import Enrolment
from tests.factories import UserFactory

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def warm(client, url) -> None:
    """Two views: the first sets the CSRF cookie, the second is stored under it."""
    client.get(url)
    client.get(url)


@pytest.fixture
def reader(client, trainee):
    course = make_course(modules=1, lessons_per_module=3)
    services.enrol(trainee, course)
    client.force_login(trainee)
    return {"course": course, "lessons": lessons_of(course), "client": client, "user": trainee}


def test_a_view_again_is_served_from_the_cache_in_three_queries(reader, django_assert_max_num_queries):
    client, lesson = reader["client"], reader["lessons"][1]
    client.get(lesson.url)  # sets the CSRF cookie: the page is stored under it from the next view on
    first = client.get(lesson.url)
    # The session row (read from Redis in production), the user (Django's session check), the fingerprint.
    with django_assert_max_num_queries(3):
        again = client.get(lesson.url)
    assert again.status_code == 200 and again.content == first.content


def test_completing_the_lesson_changes_the_page_at_once(reader):
    client, user, lesson = reader["client"], reader["user"], reader["lessons"][1]
    warm(client, lesson.url)
    assert 'class="lesson-done"' not in client.get(lesson.url).content.decode()
    services.complete_lesson(user, lesson)
    assert 'class="lesson-done"' in client.get(lesson.url).content.decode()


def test_enrolment_role_and_publishing_each_make_a_fresh_page(reader):
    client, user, course, lesson = reader["client"], reader["user"], reader["course"], reader["lessons"][0]
    warm(client, lesson.url)
    Enrolment.objects.filter(user=user).delete()
    assert reverse("courses:enrol", args=[course.pk]) in client.get(lesson.url).content.decode()
    warm(client, lesson.url)
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    assert reverse("attendance:roster_home") in client.get(lesson.url).content.decode()
    warm(client, lesson.url)
    lesson.title = "改过的标题"
    lesson.save_revision().publish()
    assert "改过的标题" in client.get(lesson.url).content.decode()


def test_coming_back_from_another_lesson_records_the_visit(reader):
    client, user, first, second = reader["client"], reader["user"], reader["lessons"][0], reader["lessons"][1]
    warm(client, first.url)
    warm(client, second.url)
    client.get(first.url)
    assert Enrolment.objects.get(user=user).last_lesson_id == first.pk


def test_a_waiting_message_is_shown_not_a_stored_page(reader):
    client, first, second = reader["client"], reader["lessons"][0], reader["lessons"][1]
    warm(client, second.url)
    response = client.post(reverse("courses:complete_lesson", args=[first.pk]), {"next": second.pk})
    assert response.url == second.url
    assert "已标记本课时完成。" in client.get(second.url).content.decode()
    assert "已标记本课时完成。" not in client.get(second.url).content.decode()  # shown once, as always


def test_other_sessions_and_signed_out_visitors_never_get_the_page(reader):
    client, lesson, course = reader["client"], reader["lessons"][0], reader["course"]
    warm(client, lesson.url)
    assert reverse("courses:enrol", args=[course.pk]) not in client.get(lesson.url).content.decode()  # enrolled
    other = Client()
    other.force_login(UserFactory(roles=[roles.TRAINEE]))
    assert reverse("courses:enrol", args=[course.pk]) in other.get(lesson.url).content.decode()  # not enrolled
    stolen = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.logout()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen  # the old cookie, after signing out
    html = replay.get(lesson.url).content.decode()
    assert "/accounts/login/?next=" in html and reverse("courses:complete_lesson", args=[lesson.pk]) not in html


def test_database_trouble_on_a_hit_falls_back_to_the_view(reader, monkeypatch):
    client, lesson = reader["client"], reader["lessons"][0]
    warm(client, lesson.url)

    def unavailable(*args, **kwargs):
        raise OperationalError("database is away")

    monkeypatch.setattr(lesson_cache, "fingerprint", unavailable)
    response = client.get(lesson.url)
    # Not a 500 from the cache's own check: the view runs, meets the same trouble, and says 503.
    assert response.status_code == 503 and response["Retry-After"]
