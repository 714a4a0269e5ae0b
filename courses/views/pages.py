"""Context for the course pages: a fixed number of queries whatever the course size.

Lessons are read as rows, never as page objects: for a course of 200 lessons, building 200
Page instances per view cost more than everything else on the page together.
"""

from django.core.paginator import Paginator
from wagtail.models import Page

from .. import services
from ..models import Certificate, CoursePage, ModulePage
from ..outline import outline_entries, render_entries


def course_index_context(request, index) -> dict:
    courses = CoursePage.objects.child_of(index).live().public().select_related("cover_image").order_by("path")
    page_obj = Paginator(courses, 12).get_page(request.GET.get("page"))
    return {"courses": page_obj.object_list, "page_obj": page_obj}


def course_context(request, course) -> dict:
    user = request.user
    entries = outline_entries(course, course.get_url(request))
    lessons = [entry.ref for entry in entries if entry.is_lesson]
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    progress = services.progress_for(lessons, done_keys)
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    resume = services.next_lesson(lessons, done_keys, enrolment) if enrolment else None
    context = {
        "outline": [
            {
                "module": module,
                "entries_html": render_entries([e for e in entries if e.path.startswith(module.path)], done_keys),
            }
            for module in modules
        ],
        "lesson_count": len(lessons),
        "instructors": list(course.instructors.all()),
        "enrolment": enrolment,
        "progress": progress,
        "resume_lesson": next((e for e in entries if resume and e.id == resume.id), None),
        "certificate": None,
        "unmet": [],
    }
    if enrolment:
        context["certificate"] = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
        if progress.lessons_complete:
            context["unmet"] = services.unmet_requirements(user, course, progress)
        context["is_complete"] = progress.lessons_complete and not context["unmet"]
    return context


def lesson_context(request, lesson) -> dict:
    """Course, module, neighbours and progress for a lesson: the lesson list is read as rows."""
    user = request.user
    # A lesson sits in a module in a course: their tree paths are prefixes of the lesson's.
    course_path = lesson.path[: Page.steplen * (lesson.depth - 2)]
    module_path = lesson.path[: Page.steplen * (lesson.depth - 1)]
    lessons = services.lesson_refs(course_path)
    position = next((i for i, ref in enumerate(lessons) if ref.id == lesson.pk), 0)
    previous_ref = lessons[position - 1] if position > 0 else None
    next_ref = lessons[position + 1] if position + 1 < len(lessons) else None
    wanted = [course_path, module_path, *(ref.path for ref in (previous_ref, next_ref) if ref)]
    pages = {page.path: page for page in Page.objects.filter(path__in=wanted)}
    course = pages[course_path]
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    if enrolment:
        services.record_lesson_visit(user, lesson, course, enrolment)
    return {
        "course": course,
        "module": pages[module_path],
        "enrolment": enrolment,
        "is_done": lesson.translation_key in done_keys,
        "progress": services.progress_for(lessons, done_keys),
        "position": position + 1,
        "lesson_count": len(lessons),
        "previous_lesson": pages.get(previous_ref.path) if previous_ref else None,
        "next_lesson": pages.get(next_ref.path) if next_ref else None,
        "extras": services.lesson_extras(request, lesson),
    }
