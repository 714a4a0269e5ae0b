"""Courses for the page rows: an index, a 10-lesson and a 200-lesson course, enrolled trainees.

Pages are added with Wagtail's tree API (add_child, live); enrolments through
courses.services. Readers have half of each course's lessons done; the burst cohort (the
people of the first-view rows) are enrolled in every course with a few lessons done each,
so each of them has their own progress and resume point.
"""

from . import require

MODULES = 5
LESSON_BODY = [
    {"type": "heading", "value": {"text": "配额清缴的基本流程", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>重点排放单位在清缴期限内，向注册登记系统提交不少于经核查排放量的配额。"
        "本节用一个算例说明清缴缺口如何计算，以及国家核证自愿减排量可以抵销的比例。</p>",
    },
    {
        "type": "markdown",
        "value": "| 项目 | 吨二氧化碳 |\n|---|---|\n| 核查排放量 | 1,200,000 |\n| 持有配额 | 1,150,000 |",
    },
    {"type": "paragraph", "value": "<p>缺口部分可以在市场上购买配额，或在规定比例内使用减排量抵销。</p>"},
]


def build_course(index, lessons: int):
    from courses.models import CoursePage, LessonPage, ModulePage

    course = index.add_child(
        instance=CoursePage(
            title=f"基准课程（{lessons}课时）",
            slug=f"bench-course-{lessons}",
            summary="用于性能基准的课程。",
            estimated_hours=lessons // 4 or 1,
        )
    )
    per_module = max(1, lessons // MODULES)
    for m in range(1, MODULES + 1):
        module = course.add_child(instance=ModulePage(title=f"第{m}单元", slug=f"module-{m}"))
        for k in range(1, per_module + 1):
            module.add_child(instance=LessonPage(title=f"第{m}.{k}课", slug=f"lesson-{m}-{k}", body=LESSON_BODY))
    return course


def seed(context: dict) -> dict:
    require("courses.models", "courses.services", "courses.outline")
    from wagtail.models import Site

    from accounts.models import User
    from courses import services
    from courses.models import CourseIndexPage, LessonCompletion, LessonPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage.objects.child_of(home).first() or home.add_child(
        instance=CourseIndexPage(title="课程", slug="courses")
    )
    from django.urls import reverse

    readers = User.objects.filter(pk__in=[t["id"] for t in context["trainees"]["readers"]])
    reader_ids = list(readers.values_list("pk", flat=True))
    burst = User.objects.filter(pk__in=[t["id"] for t in context["trainees"]["burst"]])
    burst_ids = list(burst.values_list("pk", flat=True))
    course_paths, lesson_path, lesson_paths = {}, None, []
    for size in context["course_sizes"]:
        course = build_course(index, size)
        lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
        services.enrol_many(readers, course, source="admin")
        half = lessons[: len(lessons) // 2]
        LessonCompletion.objects.bulk_create(
            [LessonCompletion(user_id=u, lesson=lesson) for u in reader_ids for lesson in half],
            batch_size=2000,
        )
        services.enrol_many(burst, course, source="admin")
        LessonCompletion.objects.bulk_create(
            [LessonCompletion(user_id=u, lesson=lessons[n % len(lessons)]) for n, u in enumerate(burst_ids)],
            batch_size=2000,
            ignore_conflicts=True,
        )
        lesson_paths += [lesson.url for lesson in lessons]
        course_paths[str(size)] = course.url
        lesson_path = lessons[len(lessons) // 2].url  # the largest course's middle lesson, by the end
    return {
        "index_path": index.url,
        "course_paths": course_paths,
        "lesson_path": lesson_path,
        "lesson_paths": lesson_paths,  # every lesson of every bench course, for the mixed first views
        "learning_path": reverse("courses:my_learning"),
    }
