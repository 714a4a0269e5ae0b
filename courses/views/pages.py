"""Context for the course pages: a fixed number of queries whatever the course size.

Lessons come from the cached course outline (courses.outline), never as page objects: for a
course of 200 lessons, building 200 Page instances per view cost more than everything else on
the page together.
"""

from django.core.paginator import Paginator
from django.http import Http404
from wagtail.models import Page

from .. import lesson_cache, services
from ..models import Certificate, CoursePage
from ..next_step import next_step
from ..outline import course_outline


def course_index_context(request, index) -> dict:
    courses = CoursePage.objects.child_of(index).live().public().select_related("cover_image").order_by("path")
    page_obj = Paginator(courses, 12).get_page(request.GET.get("page"))
    return {"courses": page_obj.object_list, "page_obj": page_obj}


def course_context(request, course) -> dict:
    user = request.user
    outline = course_outline(request, course.path)
    lessons = outline.lessons
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    progress = services.progress_for(lessons, done_keys)
    resume = services.next_lesson(lessons, done_keys, enrolment) if enrolment else None
    certificate = (
        Certificate.objects.filter(user=user, course_key=course.translation_key).first() if enrolment else None
    )
    context = {
        "outline": [{"module": module, "entries_html": module.items_html(done_keys)} for module in outline.modules],
        "lesson_count": len(lessons),
        "instructors": list(course.instructors.all()),
        "enrolment": enrolment,
        "progress": progress,
        "resume_lesson": outline.entry(resume.id).page if resume else None,
        "certificate": None,
        "unmet": [],
    }
    if enrolment:
        context["certificate"] = certificate
        context["next_step"] = next_step(
            user, course, lessons, done_keys, enrolment, certificate, page_of=lambda ref: outline.entry(ref.id).page
        )
        if progress.lessons_complete:
            context["unmet"] = services.unmet_requirements(user, course, progress)
        context["is_complete"] = progress.lessons_complete and not context["unmet"]
    return context


def lesson_context(request, lesson) -> dict:
    """Course, module, neighbours and progress for a lesson, from the cached course outline."""
    user = request.user
    # A lesson sits in a module in a course: the course's tree path is a prefix of the lesson's.
    outline = course_outline(request, lesson.path[: Page.steplen * (lesson.depth - 2)])
    if outline is None:
        raise Http404
    lesson_cache.mark_lesson_page(request, outline.course.translation_key)
    lessons = outline.lessons
    position = next((i for i, ref in enumerate(lessons) if ref.id == lesson.pk), 0)
    neighbours = [
        outline.entry(lessons[i].id).page if 0 <= i < len(lessons) and i != position else None
        for i in (position - 1, position + 1)
    ]
    course = outline.course
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    if enrolment:
        services.record_lesson_visit(user, lesson, course, enrolment)
        lesson_cache.visit_recorded(request, lesson.pk)
    module = outline.module_of(lesson.path)
    return {
        "course": course,
        "module": module.page if module else None,
        "enrolment": enrolment,
        "is_done": lesson.translation_key in done_keys,
        "progress": services.progress_for(lessons, done_keys),
        "position": position + 1,
        "lesson_count": len(lessons),
        "previous_lesson": neighbours[0],
        "next_lesson": neighbours[1],
        "extras": services.lesson_extras(request, lesson),
    }
