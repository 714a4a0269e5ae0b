"""The read path: shared content rendered once per content generation, the person's part per request.

A lesson's body is the same for every trainee and cached by the content generation, so an
editor's published change shows at once; progress, completion and the resume point are each
trainee's own on every view; a GET writes at most the "resume" marker.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import LessonPage
from tests.factories import UserFactory

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def progress_value(html: str) -> str:
    return re.search(r'aria-valuenow="(\d+)"', html).group(1)


def test_shared_body_and_each_trainees_own_progress(client):
    course = make_course(modules=1, lessons_per_module=4)
    lessons = lessons_of(course)
    first, second = UserFactory(), UserFactory()
    for trainee, done in ((first, 1), (second, 3)):
        services.enrol(trainee, course)
        for lesson in lessons[:done]:
            services.complete_lesson(trainee, lesson)
    pages = {}
    for trainee in (first, second):
        client.force_login(trainee)
        pages[trainee] = client.get(lessons[0].url).content.decode()
    assert "全国碳市场的交易产品是碳排放配额" in pages[first] and "全国碳市场的交易产品是碳排放配额" in pages[second]
    assert progress_value(pages[first]) == "25" and progress_value(pages[second]) == "75"


def test_a_published_edit_of_the_body_shows_at_once(client, trainee):
    course = make_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    client.force_login(trainee)
    assert "配额" in client.get(lesson.url).content.decode()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = [{"type": "paragraph", "value": "<p>新的课文：清缴截止日期。</p>"}]
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "新的课文：清缴截止日期。" in html and "全国碳市场的交易产品" not in html


def test_the_calculator_result_is_never_taken_from_the_shared_body(client, trainee):
    body = [{"type": "calculator", "value": {"verified_emissions": 100000, "allowances_held": 90000}}]
    course = make_course(modules=1, lessons_per_module=1, body=body)
    lesson = lessons_of(course)[0]
    client.force_login(trainee)
    plain = client.get(lesson.url).content.decode()
    block_id = re.search(r'name="calc" value="([^"]+)"', plain).group(1)
    query = f"?calc={block_id}&verified_emissions=200000&allowances_held=150000&ccer_held=0"
    with_result = client.get(lesson.url + query).content.decode()
    assert "50,000" in with_result and "50,000" not in plain
    assert "50,000" not in client.get(lesson.url).content.decode()


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def test_a_get_writes_at_most_the_resume_marker(client, trainee):
    course = make_course(modules=1, lessons_per_module=3)
    lessons = lessons_of(course)
    services.enrol(trainee, course)
    client.force_login(trainee)
    for url in (lessons[1].url, course.url, reverse("courses:my_learning"), lessons[1].url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert all("courses_enrolment" in sql for sql in writes(captured)), writes(captured)
    with CaptureQueriesContext(connection) as captured:
        client.get(lessons[2].url)
    assert len(writes(captured)) == 1  # the new "last lesson opened"
    assert services.find_enrolment(trainee, course).last_lesson_id == lessons[2].pk


def test_pages_my_learning_and_certificates_count_the_same_lessons(client, trainee):
    """One read model: the course page, My learning and the certificate rule agree on progress."""
    course = make_course(modules=2, lessons_per_module=2)
    lessons = lessons_of(course)
    lessons[3].is_required = False
    lessons[3].save_revision().publish()
    services.enrol(trainee, course)
    for lesson in lessons[:2]:
        services.complete_lesson(trainee, lesson)
    client.force_login(trainee)
    course_page = client.get(course.url).content.decode()
    learning = client.get(reverse("courses:my_learning")).content.decode()
    assert progress_value(course_page) == progress_value(learning) == "67"
    assert services.course_progress(trainee, course).percent == 67
    services.complete_lesson(trainee, lessons[2])
    assert services.is_course_complete(trainee, course)
    assert progress_value(client.get(reverse("courses:my_learning")).content.decode()) == "100"
