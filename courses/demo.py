"""Demo data: course indexes, three courses in Chinese and English, workflow, permissions, progress.

The courses are the Markdown files in demo_content/ imported with the same importer as
``manage.py import_course``; the files they link to are generated at demo time.
"""

import shutil
import tempfile
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts import roles

from . import services
from .demo_assets import write_assets
from .importer import import_course_file
from .models import CourseIndexPage, CoursePage, LessonPage
from .platform_names import TASK_NAME, WORKFLOW_NAME
from .publishing import publish_course_tree

CONTENT = Path(__file__).resolve().parent / "demo_content"
COURSE_SLUGS = ["trading-rules", "settlement-compliance", "ccer-offsets"]
INDEX = {
    "zh-hans": ("课程", "<p>围绕全国碳市场第一个履约周期的三门课程：交易规则、配额清缴与履约、CCER 抵销。</p>"),
    "en": (
        "Courses",
        "<p>Three courses for the first compliance cycle of the national carbon market: trading rules, "
        "allowance settlement and compliance, and CCER offsets.</p>",
    ),
}


def build_course_indexes() -> int:
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = INDEX["zh-hans"]
        index = home.add_child(instance=CourseIndexPage(title=title, slug="courses", intro=intro, show_in_menus=True))
        index.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    if index.get_translation_or_none(english) is None:
        with translation.override("en"):
            translated = index.copy_for_translation(english, copy_parents=True).specific
        translated.title, translated.intro = INDEX["en"]
        translated.save_revision().publish()
    return CourseIndexPage.objects.count()


def build_courses() -> int:
    created = 0
    from accounts.models import User

    instructor = User.objects.filter(email="instructor@example.org").first()
    for slug in COURSE_SLUGS:
        if CoursePage.objects.filter(import_source=slug).exists():
            continue
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            write_assets(folder)
            shutil.copy(CONTENT / "compliance-cycle.png", folder)
            for language in ("zh", "en"):
                shutil.copy(CONTENT / f"{slug}.{language}.md", folder)
                course = import_course_file(folder / f"{slug}.{language}.md", user=instructor).course
                if instructor is not None:
                    course.instructors.add(instructor)
                    course.save_revision(user=instructor)
                publish_course_tree(course, user=instructor)
        created += 1
    return created


def build_workflow_and_permissions() -> str:
    """Instructors add and edit under the course indexes and submit; organisers approve and publish."""
    instructors, _ = Group.objects.get_or_create(name=roles.INSTRUCTOR)
    organisers, _ = Group.objects.get_or_create(name=roles.ORGANISER)
    page_perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")}
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([organisers])
    # Not workflow.workflow_tasks.create(): modelcluster keeps that in memory until workflow.save().
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in CourseIndexPage.objects.all():
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(group=instructors, page=index, permission=page_perms[codename])
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(group=organisers, page=index, permission=page_perms[codename])
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return f"{WorkflowPage.objects.count()} pages under review"


def build_demo_progress() -> int:
    """The demo trainee is enrolled in the first course and has read its first two lessons."""
    from accounts.models import User

    trainee = User.objects.filter(email="trainee@example.org").first()
    course = CoursePage.objects.filter(import_source=COURSE_SLUGS[0], locale__language_code="zh-hans").first()
    if trainee is None or course is None:
        return 0
    services.enrol(trainee, course)
    first_two = [ref.id for ref in services.outline_of(course).lessons[:2]]
    for lesson in LessonPage.objects.filter(pk__in=first_two).order_by("path"):
        services.complete_lesson(trainee, lesson)
    return trainee.lesson_completions.count()


def steps():
    return [
        ("course index pages", build_course_indexes),
        ("demo courses (zh-Hans and English)", build_courses),
        ("course workflow and page permissions", build_workflow_and_permissions),
        ("demo trainee progress", build_demo_progress),
    ]
