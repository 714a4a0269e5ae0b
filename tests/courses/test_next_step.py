"""A clear end of course: the course page and "My learning" show the same primary action, the next
thing the trainee must do — next lesson, then the required quiz (a link), then the certificate;
claiming the certificate says so on the page and links the PDF."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from courses import services
from courses.models import Certificate
from courses.next_step import next_step
from quizzes.models import Option
from quizzes.services.attempts import start_attempt, submit_attempt
from tests.quizzes import factories as quiz_factories

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def primary_action(html: str) -> tuple[str, str]:
    """The label and target (link or form action) of the page's one primary button."""
    found = re.findall(
        r'<a class="btn btn-primary" href="([^"]*)">([^<]*)</a>'
        r'|<form method="post" action="([^"]*)">.*?<button class="btn btn-primary" type="submit">([^<]*)</button>',
        html,
        re.S,
    )
    assert len(found) == 1, found
    link, label, action, button = found[0]
    return (label or button).strip(), link or action


@pytest.fixture
def course_with_quiz(db):
    course = make_course(modules=1, lessons_per_module=2)
    module = lessons_of(course)[0].get_parent()
    question = quiz_factories.single(correct=0)
    quiz = quiz_factories.make_quiz([question], module=module, pass_mark=60, required_for_completion=True)
    return course, quiz


def pages(client, course):
    with translation.override("zh-hans"):
        return client.get(course.url).content.decode(), client.get(reverse("courses:my_learning")).content.decode()


def test_primary_action_walks_lessons_then_the_quiz_then_the_certificate(client, trainee, course_with_quiz):
    course, quiz = course_with_quiz
    lessons = lessons_of(course)
    client.force_login(trainee)
    services.enrol(trainee, course)

    course_page, my_learning = pages(client, course)
    assert primary_action(course_page) == primary_action(my_learning) == ("开始学习", lessons[0].url)

    for lesson in lessons:  # the last lesson read is the last one: all lessons done, 2/2
        services.record_lesson_visit(trainee, lesson, course)
        services.complete_lesson(trainee, lesson)
    course_page, my_learning = pages(client, course)
    label, target = primary_action(course_page)
    assert (label, target) == primary_action(my_learning)
    assert target == quiz.url and quiz.title in label
    assert f'<a href="{quiz.url}">' in course_page  # the requirement in the list is a link too

    attempt, _created = start_attempt(trainee, quiz)
    right = str(attempt.answers.get().option_order.index(Option.objects.get(is_correct=True).pk))
    submit_attempt(attempt, {1: right})
    course_page, my_learning = pages(client, course)
    claim = reverse("courses:request_certificate", args=[course.pk])
    assert primary_action(course_page) == primary_action(my_learning) == ("领取证书", claim)


def test_claiming_the_certificate_shows_success_and_a_download_link_on_the_same_page(client, trainee, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    client.force_login(trainee)
    with translation.override("zh-hans"):
        response = client.post(
            reverse("courses:request_certificate", args=[course.pk]), {"next": course.url}, follow=True
        )
    certificate = Certificate.objects.get(user=trainee)
    html = response.content.decode()
    assert response.redirect_chain == [(course.url, 302)]
    assert response["Content-Type"].startswith("text/html")
    download = reverse("courses:certificate_pdf", args=[certificate.code])
    assert "你的证书已生成" in html
    assert f'<a href="{download}">' in html
    assert primary_action(html) == ("下载证书", download)
    assert "领取证书" not in html


def test_next_step_is_none_before_enrolling(trainee, course):
    assert next_step(trainee, course, lessons_of(course), set(), None) is None
