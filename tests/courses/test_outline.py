"""The cached course outline follows every editor change at once, and escapes what editors type."""

import re

import pytest

from courses.models import LessonPage

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def lesson_titles(html: str) -> list[str]:
    return re.findall(r'<li(?: class="done")?><a href="[^"]+">([^<]+)</a>', html)


def test_course_page_follows_publish_unpublish_move_and_delete(client):
    course = make_course(modules=1, lessons_per_module=3)
    first, second, third = lessons_of(course)
    assert lesson_titles(client.get(course.url).content.decode()) == [first.title, second.title, third.title]

    module = first.get_parent()
    added = module.add_child(instance=LessonPage(title="新增课时", slug="added", live=False))
    added.save_revision().publish()
    assert lesson_titles(client.get(course.url).content.decode())[-1] == "新增课时"

    second.unpublish()
    third.move(first, pos="left")  # now: third, first, (second unpublished), added
    LessonPage.objects.get(pk=added.pk).delete()
    assert lesson_titles(client.get(course.url).content.decode()) == [third.title, first.title]


def test_lesson_neighbours_follow_a_reorder(client):
    course = make_course(modules=1, lessons_per_module=3)
    first, second, third = lessons_of(course)
    html = client.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html and f'rel="next" href="{third.url}"' in html
    third.move(first, pos="left")
    html = client.get(LessonPage.objects.get(pk=first.pk).url).content.decode()
    assert 'rel="prev"' in html and "第1.3课" in html and f'rel="next" href="{second.url}"' in html


def test_titles_are_escaped_in_the_outline(client):
    course = make_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    lesson.title = '<script>alert("x")</script>'
    lesson.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_lessons_of_an_unpublished_module_count_as_for_certificates(client, trainee):
    """Pages and certificates agree on which lessons count, even when a module is unpublished."""
    from courses import services

    course = make_course(modules=2, lessons_per_module=1)
    first, second = lessons_of(course)
    second.get_parent().specific.unpublish()  # the module only; its lesson stays live and reachable
    services.enrol(trainee, course)
    services.complete_lesson(trainee, first)
    client.force_login(trainee)
    html = client.get(first.url).content.decode()
    assert 'aria-valuenow="50"' in html
    assert services.course_progress(trainee, course).percent == 50
    assert f'rel="next" href="{second.url}"' in html
    assert second.title not in lesson_titles(client.get(course.url).content.decode())
