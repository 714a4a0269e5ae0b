"""The course read model: a course's modules, lessons and quizzes as plain data, cached until content changes.

This is the only way code lists a course's lessons or computes progress (course, lesson and
module pages, My learning, certificates, the enrol redirect, the demo): one listing, so the
pages and the certificate rules can never disagree about which lessons count.

It is built from rows in three queries, never from page objects (a course may hold 200
lessons), and kept under the content generation (config.content_cache), so a page view reads
it from memory whatever the course size. Each entry's list item is rendered once, by the
template courses/includes/outline_item.html, in both states (done, not done): a page joins
them for the trainee's done set instead of rendering 200 items per view.
"""

from dataclasses import dataclass
from typing import NamedTuple
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from config.content_cache import remember

from .models import LessonPage

ITEM_TEMPLATE = "courses/includes/outline_item.html"


class LessonRef(NamedTuple):
    """What progress and lesson-to-lesson navigation need of a lesson, without a page object."""

    id: int
    path: str
    translation_key: UUID
    is_required: bool


@dataclass(frozen=True, slots=True)
class OutlinePage:
    """What templates need of a course, module, lesson or quiz to link to it."""

    id: int
    path: str
    title: str
    url: str
    translation_key: UUID


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """A live page inside a module: a lesson, or another app's page (e.g. a quiz)."""

    page: OutlinePage
    ref: LessonRef | None  # None for pages that are not lessons
    html_todo: str  # the rendered <li>, not done
    html_done: str  # the rendered <li>, done


@dataclass(frozen=True, slots=True)
class OutlineModule:
    page: OutlinePage
    summary: str
    entries: tuple[OutlineEntry, ...]

    @property
    def lessons(self) -> list[OutlinePage]:
        return [entry.page for entry in self.entries if entry.ref]

    def items_html(self, done_keys: set) -> SafeString:
        """This module's <li> items, done lessons marked: a join, no per-lesson rendering."""
        items = [
            entry.html_done if entry.ref and entry.ref.translation_key in done_keys else entry.html_todo
            for entry in self.entries
        ]
        return mark_safe("\n".join(items))  # noqa: S308 - each item was rendered by an autoescaping template


@dataclass(frozen=True, slots=True)
class CourseOutline:
    course: OutlinePage
    modules: tuple[OutlineModule, ...]  # live modules, each with its entries
    # Every live page inside the course's modules, an unpublished module's too: a lesson that is
    # live and reachable counts for progress and certificates wherever its module stands.
    entries: tuple[OutlineEntry, ...]
    # Derived once when the outline is built (a page view reads them several times):
    lessons: tuple[LessonRef, ...]  # the lessons, in reading order
    lesson_keys: frozenset  # their translation keys: intersected with a trainee's done keys
    by_id: dict  # page id → entry

    def entry(self, page_id: int) -> OutlineEntry | None:
        return self.by_id.get(page_id)

    def module_of(self, path: str) -> OutlineModule | None:
        return next((module for module in self.modules if path.startswith(module.page.path)), None)


def course_outline(course_path: str, request=None) -> CourseOutline | None:
    """The outline of the course at ``course_path`` (a treebeard path); None if there is no course.

    Without a request (services, commands) the links are the site's own (root-relative with one site).
    """
    host = request.get_host() if request is not None else ""
    parts = (get_language(), host, course_path)
    return remember("course-outline", parts, lambda: build_outline(course_path, request)) or None


def course_path_of(page) -> str:
    """The tree path of the course a module, or a page inside a module (lesson, quiz), sits in."""
    from .models import ModulePage

    levels = 1 if isinstance(page, ModulePage) else 2  # a module's parent is always a course
    return page.path[: Page.steplen * (page.depth - levels)]


def build_outline(course_path: str, request=None) -> CourseOutline | bool:
    """Three queries: the course, its live modules, and every live page inside them. False: no course."""
    course = Page.objects.filter(path=course_path).first()
    if course is None:
        return False
    course_url = course.get_url(request) or ""
    prefix = len(course.url_path)

    def outline_page(page_id, path, title, url_path, key) -> OutlinePage:
        # Descendants live in the course's site: their URL is the course's plus the rest of their path.
        return OutlinePage(page_id, path, title, course_url + url_path[prefix:], key)

    modules = (
        Page.objects.live()
        .filter(path__startswith=course_path, depth=course.depth + 1)
        .order_by("path")
        .values_list("id", "path", "title", "url_path", "translation_key", "modulepage__summary")
    )
    lesson_type_id = ContentType.objects.get_for_model(LessonPage).pk
    entries = tuple(
        _entry(outline_page(*child[:5]), child[5] == lesson_type_id, *child[5:]) for child in _module_children(course)
    )
    return CourseOutline(
        course=OutlinePage(course.id, course.path, course.title, course_url, course.translation_key),
        modules=tuple(
            OutlineModule(
                page=outline_page(*row[:5]),
                summary=row[5] or "",
                entries=tuple(entry for entry in entries if entry.page.path.startswith(row[1])),
            )
            for row in modules
        ),
        entries=entries,
        lessons=tuple(entry.ref for entry in entries if entry.ref),
        lesson_keys=frozenset(entry.ref.translation_key for entry in entries if entry.ref),
        by_id={entry.page.id: entry for entry in entries},
    )


def _module_children(course) -> list[tuple]:
    return list(
        Page.objects.live()
        .filter(path__startswith=course.path, depth=course.depth + 2)
        .order_by("path")
        .values_list(
            "id",
            "path",
            "title",
            "url_path",
            "translation_key",
            "content_type_id",
            "lessonpage__is_required",
            "lessonpage__estimated_minutes",
        )
    )


def _entry(page: OutlinePage, is_lesson: bool, type_id: int, is_required, minutes) -> OutlineEntry:
    if not is_lesson:
        kind = ContentType.objects.get_for_id(type_id).model_class()._meta.verbose_name
        html = render_to_string(ITEM_TEMPLATE, {"page": page, "kind": kind})
        return OutlineEntry(page, None, html, html)
    ref = LessonRef(page.id, page.path, page.translation_key, bool(is_required))
    context = {"page": page, "minutes": minutes or 0, "is_required": bool(is_required)}
    return OutlineEntry(
        page,
        ref,
        render_to_string(ITEM_TEMPLATE, {**context, "done": False}),
        render_to_string(ITEM_TEMPLATE, {**context, "done": True}),
    )
