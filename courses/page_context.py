"""What the course pages show: the shared part from the cached outline, the person's part per request.

The outline (courses.outline) and each lesson's body (a {% shared_fragment %}, see
lesson_page.html) are the same for every trainee and built once per content generation. Per
request only the trainee's part is read, in a fixed number of indexed queries whatever the
course size: the enrolment, the completions, and on the lesson page the "resume" marker
(the only write a GET makes).
"""

from django.core.paginator import Paginator
from django.http import Http404

from . import services
from .learner import learner_state
from .models import Certificate, CoursePage
from .next_step import next_step
from .outline import course_outline, course_path_of


def course_index_context(request, index) -> dict:
    courses = CoursePage.objects.child_of(index).live().public().select_related("cover_image").order_by("path")
    page_obj = Paginator(courses, 12).get_page(request.GET.get("page"))
    return {"courses": page_obj.object_list, "page_obj": page_obj}


def course_context(request, course) -> dict:
    user = request.user
    outline = course_outline(course.path, request)
    lessons = outline.lessons
    state = learner_state(user, course.translation_key)
    enrolment = state.enrolment
    done_keys = outline.lesson_keys & state.done_keys if enrolment else set()
    progress = services.progress_for(lessons, done_keys)
    context = {
        "outline": [{"module": module, "entries_html": module.items_html(done_keys)} for module in outline.modules],
        "lesson_count": len(lessons),
        "instructors": course.instructors.all(),  # read inside the cached header fragment only
        "enrolment": enrolment,
        "progress": progress,
        "resume_lesson": services.resume_page(outline, done_keys, enrolment) if enrolment else None,
        "certificate": None,
        "unmet": [],
    }
    if enrolment:
        certificate = None
        if state.certificate_keys:  # only a trainee who holds one pays for reading it
            certificate = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
        context["certificate"] = certificate
        context["next_step"] = next_step(
            user, course, lessons, done_keys, enrolment, certificate, page_of=lambda ref: outline.entry(ref.id).page
        )
        if progress.lessons_complete:
            context["unmet"] = services.unmet_requirements(user, course, progress)
            context["is_complete"] = not context["unmet"]
    return context


def module_context(request, module) -> dict:
    outline = course_outline(course_path_of(module), request)
    if outline is None:
        raise Http404
    found = outline.module_of(module.path)
    return {"course": outline.course, "lessons": found.lessons if found else []}


def lesson_context(request, lesson) -> dict:
    """Course, module, neighbours and progress for a lesson, from the cached course outline."""
    user = request.user
    outline = course_outline(course_path_of(lesson), request)
    if outline is None:
        raise Http404
    lessons = outline.lessons
    position = next((i for i, ref in enumerate(lessons) if ref.id == lesson.pk), 0)
    neighbours = [
        outline.entry(lessons[i].id).page if 0 <= i < len(lessons) and i != position else None
        for i in (position - 1, position + 1)
    ]
    course = outline.course
    state = learner_state(user, course.translation_key)
    enrolment = state.enrolment
    done_keys = outline.lesson_keys & state.done_keys if enrolment else set()
    if enrolment:
        services.record_lesson_visit(user, lesson, course, enrolment)
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
        # The body is the same for everyone unless the request changes it (a calculator's
        # no-JavaScript result) or it is an editor's preview of a draft.
        "shared_body": not request.GET and not getattr(request, "is_preview", False),
    }
