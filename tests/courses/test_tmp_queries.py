import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_print_queries(client, trainee):
    course = make_course(modules=2, lessons_per_module=3)
    lessons = lessons_of(course)
    services.enrol(trainee, course)
    services.complete_lesson(trainee, lessons[0])
    client.force_login(trainee)
    client.get(course.url)
    for url in (lessons[2].url, lessons[3].url, course.url, reverse("courses:my_learning")):
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        print("\n=====", url, len(q))
        for x in q.captured_queries:
            print("  ", x["sql"][:230])
