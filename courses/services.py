"""Course rules: enrolment, lesson completion, progress, certificates. No HTTP here.

Progress is counted by Wagtail translation key, so a trainee who reads a lesson in Chinese has it
done in English too, and one enrolment covers every language version of a course.

Hooks (wagtail.hooks) that higher apps register, so courses never imports them:
- ``courses_lesson_extras``: ``(request, lesson_page) -> safe HTML str | None`` shown after a lesson.
- ``courses_completion_requirements``: ``(user, course_page) -> list[str]`` of unmet requirements.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale

from accounts.errors import DomainError
from accounts.language import user_language
from config.content_cache import remember

from .learner import EnrolmentRef, LearnerState, learner_state, mark_opened
from .models import Certificate, CoursePage, Enrolment, LessonCompletion
from .models.progress import VISIT_RESOLUTION  # noqa: F401 - part of this module's rules
from .outline import CourseOutline, LessonRef, OutlinePage, course_outline, course_path_of

LESSON_EXTRAS_HOOK = "courses_lesson_extras"
COMPLETION_REQUIREMENTS_HOOK = "courses_completion_requirements"


class CourseError(DomainError):
    """A course rule was broken."""


# --- enrolment -----------------------------------------------------------------------------


def find_enrolment(user, course) -> Enrolment | None:
    """The user's enrolment in this course in any language."""
    if not user.is_authenticated:
        return None
    return with_last_lesson_key(
        Enrolment.objects.filter(user=user, course__translation_key=course.translation_key)
    ).first()


def with_last_lesson_key(enrolments):
    """Annotate the last lesson's translation key: all "resume" needs, without loading the page."""
    return enrolments.annotate(last_lesson_key=F("last_lesson__translation_key"))


def enrol(user, course, *, source=Enrolment.Source.SELF, enrolled_by=None) -> Enrolment:
    """Enrol a user in a course; enrolling again returns the existing enrolment."""
    if not user.is_authenticated or not user.is_active:
        raise CourseError("inactive_user", _("Only active, signed-in users can enrol."))
    if not course.live:
        raise CourseError("course_not_live", _("This course is not published."))
    existing = find_enrolment(user, course)
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, course=course, source=source, enrolled_by=enrolled_by)
    except IntegrityError:  # a double click raced us
        return Enrolment.objects.get(user=user, course=course)


def enrol_many(users, course, *, source, enrolled_by=None) -> int:
    """Enrol many users at once; returns how many were newly enrolled (the rest already were)."""
    if not course.live:
        raise CourseError("course_not_live", _("This course is not published."))
    already = set(
        Enrolment.objects.filter(course__translation_key=course.translation_key).values_list("user_id", flat=True)
    )
    new = [
        Enrolment(user_id=user_id, course=course, source=source, enrolled_by=enrolled_by)
        for user_id in users.filter(is_active=True).values_list("pk", flat=True)
        if user_id not in already
    ]
    Enrolment.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def enrol_organisation(organisation, course, *, enrolled_by=None) -> int:
    return enrol_many(organisation.members.all(), course, source=Enrolment.Source.ORGANISATION, enrolled_by=enrolled_by)


def enrol_venue(venue, course, *, enrolled_by=None) -> int:
    """Everyone whose default sub-venue is this venue."""
    return enrol_many(venue.default_for.all(), course, source=Enrolment.Source.VENUE, enrolled_by=enrolled_by)


def record_lesson_visit(user, lesson, course, enrolment: "Enrolment | EnrolmentRef | None" = None) -> None:
    """Remember the last lesson opened, for "resume where you left off" (one UPDATE, or none).

    With the enrolment at hand, a reload of the lesson just recorded is not written again.
    """
    if not user.is_authenticated:
        return
    if enrolment is None:
        enrolments = Enrolment.objects.filter(user=user, course__translation_key=course.translation_key)
        enrolments.update(last_lesson=lesson, last_activity_at=timezone.now())
    elif not (enrolment.last_lesson_id == lesson.pk and enrolment.opened_recently):
        mark_opened(enrolment.pk, lesson.pk)


# --- lessons and progress --------------------------------------------------------------------


def course_of(lesson) -> CoursePage:
    course = CoursePage.objects.filter(path=course_path_of(lesson)).first()
    if course is None:
        raise CourseError("orphan_lesson", _("This lesson is not inside a course."))
    return course


def outline_of(course, request=None) -> CourseOutline:
    """The course's outline (courses.outline): its lessons, in reading order, for every rule here."""
    outline = course_outline(course.path, request)
    if outline is None:
        raise CourseError("no_course", _("This course does not exist."))
    return outline


def complete_lesson(user, lesson, source=LessonCompletion.Source.TRAINEE) -> LessonCompletion:
    """Mark a lesson done (by the trainee, or by a passed quiz); idempotent. Enrols if needed."""
    if source not in LessonCompletion.Source.values:
        raise CourseError("bad_source", _("Unknown completion source."))
    if not lesson.live:
        raise CourseError("lesson_not_live", _("This lesson is not published."))
    existing = LessonCompletion.objects.filter(user=user, lesson__translation_key=lesson.translation_key).first()
    if existing:
        return existing
    course = course_of(lesson)
    enrolment = enrol(user, course)
    try:
        with transaction.atomic():
            completion = LessonCompletion.objects.create(user=user, lesson=lesson, source=source)
    except IntegrityError:
        return LessonCompletion.objects.get(user=user, lesson=lesson)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())
    return completion


@dataclass
class CourseProgress:
    required_total: int
    required_done: int
    done_keys: set = field(default_factory=set)

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 0
        return round(100 * self.required_done / self.required_total)

    @property
    def lessons_complete(self) -> bool:
        return self.required_done >= self.required_total


def completed_keys(user, lessons) -> set:
    """Translation keys of the given lessons that the user has completed (one query).

    It reads all of the user's completions (a trainee has hundreds at most) and filters here:
    an IN list of a 200-lesson course's keys cost more than the rows it saved.
    """
    keys = {lesson.translation_key for lesson in lessons}
    if not user.is_authenticated or not keys:
        return set()
    return keys.intersection(learner_state(user, None).done_keys)


def progress_for(lessons, done_keys: set) -> CourseProgress:
    required = [lesson for lesson in lessons if lesson.is_required]
    done = sum(1 for lesson in required if lesson.translation_key in done_keys)
    return CourseProgress(required_total=len(required), required_done=done, done_keys=done_keys)


def course_progress(user, course, lessons: list[LessonRef] | None = None) -> CourseProgress:
    """Required lessons done out of required lessons in the course (one query, the outline cached)."""
    lessons = outline_of(course).lessons if lessons is None else lessons
    return progress_for(lessons, completed_keys(user, lessons))


def unmet_requirements(user, course, progress=None) -> list:
    """Descriptions of what is still missing: lessons, then whatever other apps require (quizzes)."""
    progress = progress or course_progress(user, course)
    unmet = []
    if not progress.lessons_complete:
        unmet.append(
            _("%(left)d required lessons still to complete.")
            % {"left": progress.required_total - progress.required_done}
        )
    for requirement in hooks.get_hooks(COMPLETION_REQUIREMENTS_HOOK):
        unmet.extend(requirement(user, course) or [])
    return unmet


def is_course_complete(user, course, progress=None) -> bool:
    if not user.is_authenticated:
        return False
    return not unmet_requirements(user, course, progress)


def next_lesson(lessons: list[LessonRef], done_keys: set, enrolment: Enrolment | None = None) -> LessonRef | None:
    """Where to resume: after the last lesson opened, else the first lesson not done, else the first."""
    if not lessons:
        return None
    if enrolment and enrolment.last_lesson_id:
        last_key = getattr(enrolment, "last_lesson_key", None) or enrolment.last_lesson.translation_key
        for index, lesson in enumerate(lessons):
            if lesson.translation_key == last_key:
                if lesson.translation_key in done_keys and index + 1 < len(lessons):
                    return lessons[index + 1]
                return lesson
    return next((lesson for lesson in lessons if lesson.translation_key not in done_keys), lessons[0])


def resume_page(outline: CourseOutline, done_keys: set, enrolment: Enrolment | None) -> OutlinePage | None:
    """The lesson to open next (see next_lesson), as a link."""
    resume = next_lesson(outline.lessons, done_keys, enrolment)
    entry = outline.entry(resume.id) if resume else None
    return entry.page if entry else None


def lesson_extras(request, lesson) -> list:
    """HTML fragments other apps add below a lesson (e.g. "take the quiz")."""
    # Hooks are registered by code, not by users: their HTML is trusted as the contract says.
    return [mark_safe(html) for hook in hooks.get_hooks(LESSON_EXTRAS_HOOK) if (html := hook(request, lesson))]  # noqa: S308


# --- home page and "My learning" -----------------------------------------------------------------


def featured_courses(locale, limit: int = 3) -> list:
    """Live courses to feature on the home page, in the page's locale (one query)."""
    return list(
        CoursePage.objects.live()
        .public()
        .filter(locale=locale)
        .only("id", "title", "search_description", "url_path", "path", "depth", "locale_id", "summary")
        .order_by("path")[:limit]
    )


def active_locale_id() -> int:
    """The reader's Wagtail locale (``Locale.get_active``), cached with the content."""
    return remember("active-locale", (get_language(),), lambda: Locale.get_active().pk)


def live_courses_by_key(locale_id: int) -> dict:
    """Translation key → tree path of every live course in a locale, cached until content changes."""
    return remember(
        "live-courses-by-key",
        (locale_id,),
        lambda: dict(CoursePage.objects.live().filter(locale_id=locale_id).values_list("translation_key", "path")),
    )


def learning_items(user, enrolments: Iterable[EnrolmentRef], state: LearnerState, locale_id: int, request=None):
    """Per enrolment: the course in the reader's locale (if translated), progress and the next step.

    ``state`` is the trainee's learner_state: no query here unless the trainee holds a certificate
    or has finished a course's lessons (then its other requirements are asked).
    """
    from .next_step import next_step  # it builds on this module

    translated = live_courses_by_key(locale_id)
    certificates = {}
    if state.certificate_keys:
        certificates = {c.course_key: c for c in Certificate.objects.filter(user=user)}
    items = []
    for enrolment in enrolments:
        outline = course_outline(translated.get(enrolment.course_key, enrolment.course_path), request)
        if outline is None:
            continue
        done_keys = outline.lesson_keys & state.done_keys
        progress = progress_for(outline.lessons, done_keys)
        certificate = certificates.get(enrolment.course_key)
        # The course page itself only for what other apps require of it, once its lessons are done.
        course = SimpleLazyObject(lambda outline=outline: CoursePage.objects.get(pk=outline.course.id))
        items.append(
            {
                "enrolment": enrolment,
                "title": outline.course.title,
                "url": outline.course.url,
                "percent": progress.percent,
                "progress": progress,
                "resume": resume_page(outline, done_keys, enrolment),
                "certificate": certificate,
                "next_step": next_step(
                    user,
                    course,
                    outline.lessons,
                    done_keys,
                    enrolment,
                    certificate,
                    page_of=lambda ref, outline=outline: outline.entry(ref.id).page,
                ),
            }
        )
    return items


def learning_summary(user, locale) -> list:
    """The user's enrolled courses with progress: [{"title", "url", "percent"}]."""
    state = learner_state(user)
    items = learning_items(user, state.enrolments[:12], state, locale.pk)
    return [{"title": i["title"], "url": i["url"], "percent": i["percent"]} for i in items]


# --- certificates ------------------------------------------------------------------------------

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: codes are read aloud and typed


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    raw = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:12]}" if len(raw) == 12 else raw


def issue_certificate(user, course) -> Certificate:
    """Issue (or return the already issued) certificate for a completed course."""
    existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
    if existing:
        if not existing.is_valid:
            raise CourseError("revoked", _("Your certificate for this course was revoked."))
        return existing
    if not is_course_complete(user, course):
        raise CourseError("not_complete", _("Complete the course before requesting a certificate."))
    organisation = user.organisation.name if user.organisation_id else ""
    # In the language the trainee reads (their profile) when the course exists in it.
    in_their_language = course.get_translations(inclusive=True).filter(locale__language_code=user_language(user))
    titled = in_their_language.select_related("locale").first() or course
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user,
                    course=course,
                    course_key=course.translation_key,
                    code=new_certificate_code(),
                    trainee_name=user.display_name,
                    organisation_name=organisation,
                    course_title=titled.title,
                    hours=course.estimated_hours,
                    language=titled.locale.language_code,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
            if existing:
                return existing
    raise CourseError("code_collision", _("Could not create a unique certificate code; try again."))


def find_certificate(code: str) -> Certificate | None:
    return Certificate.objects.filter(code=normalise_code(code)).select_related("user").first()


def revoke_certificate(certificate, *, by, reason: str) -> Certificate:
    if not reason.strip():
        raise CourseError("reason_required", _("Say why the certificate is revoked."))
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revoke_reason = reason.strip()
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return certificate
