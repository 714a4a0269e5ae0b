"""Context for the course pages: a fixed number of queries whatever the course size."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from wagtail.models import Page

from .. import services
from ..models import Certificate, CoursePage, LessonPage, ModulePage


def course_index_context(request, index) -> dict:
    courses = CoursePage.objects.child_of(index).live().public().select_related("cover_image").order_by("path")
    page_obj = Paginator(courses, 12).get_page(request.GET.get("page"))
    return {"courses": page_obj.object_list, "page_obj": page_obj}


def _outline(course, lessons, done_keys) -> list:
    """Modules in order, each with its lessons and any other child pages (e.g. quizzes) in tree order."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    others = list(
        Page.objects.live()
        .descendant_of(course)
        .filter(depth=course.depth + 2)
        .exclude(content_type=lesson_type)
        .select_related("content_type")
        .order_by("path")
    )
    outline = []
    for module in modules:
        children = [child for child in [*lessons, *others] if child.path.startswith(module.path)]
        children.sort(key=lambda child: child.path)
        entries = [
            {
                "page": child,
                "is_lesson": isinstance(child, LessonPage),
                "done": child.translation_key in done_keys,
                "kind": child.content_type.model_class()._meta.verbose_name
                if not isinstance(child, LessonPage)
                else "",
            }
            for child in children
        ]
        outline.append({"module": module, "entries": entries})
    return outline


def course_context(request, course) -> dict:
    user = request.user
    lessons = list(services.course_lessons(course))
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    progress = services.progress_for(lessons, done_keys)
    context = {
        "outline": _outline(course, lessons, done_keys),
        "lesson_count": len(lessons),
        "instructors": list(course.instructors.all()),
        "enrolment": enrolment,
        "progress": progress,
        "resume_lesson": services.next_lesson(lessons, done_keys, enrolment) if enrolment else None,
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
    user = request.user
    course, module = Page.objects.ancestor_of(lesson).filter(depth__gte=lesson.depth - 2).order_by("depth")[:2]
    lessons = list(services.course_lessons(course))
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    enrolment = services.find_enrolment(user, course)
    done_keys = services.completed_keys(user, lessons) if enrolment else set()
    if enrolment:
        services.record_lesson_visit(user, lesson, course)
    return {
        "course": course,
        "module": module,
        "enrolment": enrolment,
        "is_done": lesson.translation_key in done_keys,
        "progress": services.progress_for(lessons, done_keys),
        "position": position + 1,
        "lesson_count": len(lessons),
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "extras": services.lesson_extras(request, lesson),
    }
