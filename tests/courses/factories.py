"""Course trees for tests: built with Wagtail's own tree API (add_child), live without revisions."""

import itertools

from wagtail.models import Locale, Site

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

_counter = itertools.count(1)

LESSON_BODY = [
    {"type": "paragraph", "value": "<p>全国碳市场的交易产品是碳排放配额（CEA）。</p>"},
    {"type": "markdown", "value": "| 项目 | 吨 |\n|---|---|\n| 核查排放量 | 1,000,000 |"},
]


def home_page(language_code: str = "zh-hans"):
    home = Site.objects.get(is_default_site=True).root_page.specific
    if language_code == home.locale.language_code:
        return home
    return home.get_translation(Locale.objects.get(language_code=language_code))


def course_index(home=None) -> CourseIndexPage:
    home = home or home_page()
    existing = CourseIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    return home.add_child(instance=CourseIndexPage(title="课程", slug="courses"))


def make_course(modules: int = 2, lessons_per_module: int = 2, *, index=None, body=None, **fields) -> CoursePage:
    n = next(_counter)
    index = index or course_index()
    defaults = {"title": f"测试课程{n}", "slug": f"course-{n}", "summary": "测试课程简介", "estimated_hours": 3}
    course = index.add_child(instance=CoursePage(**{**defaults, **fields}))
    for m in range(1, modules + 1):
        module = course.add_child(instance=ModulePage(title=f"第{m}单元", slug=f"module-{m}"))
        for k in range(1, lessons_per_module + 1):
            module.add_child(
                instance=LessonPage(
                    title=f"第{m}.{k}课", slug=f"lesson-{m}-{k}", body=LESSON_BODY if body is None else body
                )
            )
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))
