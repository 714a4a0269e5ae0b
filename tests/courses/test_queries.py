"""Course, lesson and "My learning" pages cost the same number of queries for 10 or 200 lessons."""

import pytest
from django.urls import reverse

from courses import services

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL, signed in and enrolled with half the lessons done, the first
# view of each page (what is shared is built then: the lesson's page row and privacy, the outline
# of the other course): course 5, lesson 10, My learning 10. The trainee's own part is one
# statement on each (courses.learner); the rest are the session, the user, the header's permission
# check and shared content on its first view.
COURSE_PAGE_MAX = 5
LESSON_PAGE_MAX = 10
MY_LEARNING_MAX = 10


def build(lessons: int, user):
    course = make_course(modules=5, lessons_per_module=lessons // 5)
    other = make_course(modules=2, lessons_per_module=lessons // 10)
    all_lessons = lessons_of(course)
    services.enrol(user, course)
    services.enrol(user, other)
    for lesson in all_lessons[: len(all_lessons) // 2]:
        services.complete_lesson(user, lesson)
    services.record_lesson_visit(user, all_lessons[-2], course)
    return course, all_lessons


@pytest.mark.parametrize("lessons", [10, 200])
def test_page_queries_do_not_grow_with_course_size(client, trainee, lessons, django_assert_max_num_queries):
    course, all_lessons = build(lessons, trainee)
    client.force_login(trainee)
    client.get(course.url)  # warm the site-root cache, as any earlier request would

    with django_assert_max_num_queries(COURSE_PAGE_MAX):
        response = client.get(course.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="done"') == lessons // 2

    with django_assert_max_num_queries(LESSON_PAGE_MAX):
        response = client.get(all_lessons[-1].url)
    assert response.status_code == 200
    assert all_lessons[-2].title in response.content.decode()  # the "previous" link

    with django_assert_max_num_queries(MY_LEARNING_MAX):
        response = client.get(reverse("courses:my_learning"))
    assert response.status_code == 200
    assert 'aria-valuenow="50"' in response.content.decode()
