"""Instructors work only under the course indexes and submit; organisers approve and publish."""

import pytest
from django.urls import reverse
from django.utils import translation

from courses.demo import WORKFLOW_NAME, build_course_indexes, build_workflow_and_permissions
from courses.models import CourseIndexPage, LessonPage
from home.demo import build_home_pages

from .factories import home_page, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(db):
    build_home_pages()
    build_course_indexes()
    build_workflow_and_permissions()
    index = CourseIndexPage.objects.get(locale__language_code="zh-hans")
    return lessons_of(make_course(modules=1, lessons_per_module=1, index=index))[0]


def test_instructor_may_edit_courses_but_not_publish_or_touch_other_pages(lesson, instructor, organiser):
    perms = lesson.permissions_for_user(instructor)
    assert perms.can_edit() and not perms.can_publish()
    assert not home_page().permissions_for_user(instructor).can_edit()
    assert lesson.permissions_for_user(organiser).can_publish()


def test_instructor_opens_the_editor_and_preview(client, lesson, instructor):
    client.force_login(instructor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home_page().pk])).status_code in (302, 403)


def test_submit_then_organiser_approves_and_publishes(lesson, instructor, organiser):
    workflow = lesson.get_workflow()
    assert type(workflow).objects.filter(pk=workflow.pk, name=WORKFLOW_NAME).exists()
    with translation.override("zh-hans"):
        assert str(workflow.name) == "课程审核"  # shown in the reader's language (courses.platform_names)
    with translation.override("en"):
        assert str(workflow.name) == "Course review"
    lesson.title = "修改后的课时"
    lesson.save_revision(user=instructor)
    state = workflow.start(lesson, instructor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(lesson, instructor) == []  # an instructor cannot approve their own work
    assert "approve" in [name for name, *_rest in task.get_actions(lesson, organiser)]
    task.on_action(task_state, organiser, "approve")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live and lesson.title == "修改后的课时" and not lesson.has_unpublished_changes


def test_instructor_previews_a_new_and_an_edited_lesson(client, lesson, instructor):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(instructor)
    data = nested_form_data(
        {
            "title": "预览课时",
            "slug": "preview-lesson",
            "body": streamfield([("paragraph", rich_text("<p>预览正文</p>"))]),
            "estimated_minutes": 10,
            "is_required": "on",
        }
    )
    edit_preview = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    assert client.post(edit_preview, data).json()["is_valid"]
    html = client.get(edit_preview).content.decode()
    assert "预览正文" in html and "第 1 课，共 1 课" in html

    module = lesson.get_parent()
    add_preview = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", module.pk])
    assert client.post(add_preview, data).json()["is_valid"]
    html = client.get(add_preview).content.decode()
    assert "预览正文" in html
