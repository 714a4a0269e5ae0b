"""The one thing a trainee should do next in a course: the primary action of the course page and
of "My learning" (both call ``next_step``, so they never disagree).

The order is: the next lesson while required lessons are left, then what other apps still
require (a required quiz, as a link, through the ``courses_completion_requirements`` hook), then
claiming the certificate, then downloading it.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import services


@dataclass(frozen=True)
class Requirement:
    """Something still required before the certificate; hooks may return these or plain strings."""

    text: str
    url: str = ""

    def __str__(self):
        return str(self.text)


@dataclass(frozen=True)
class NextStep:
    kind: str  # "lesson", "requirement", "claim", "certificate", "revoked"
    label: str
    url: str = ""
    detail: str = ""
    method: str = "get"  # "post" for claiming the certificate (a form, not a link)


def next_step(user, course, lessons, done_keys: set, enrolment, certificate=None, page_of=None) -> NextStep | None:
    """What to do next in ``course`` (the page in the reader's language); None when not enrolled.

    ``lessons`` are the course's lesson rows and ``done_keys`` the translation keys done, as the
    course page and "My learning" already hold them; ``page_of`` turns a row into something
    with ``title`` and ``url`` (the outline's pages), else the row is a page itself.
    """
    if enrolment is None:
        return None
    if certificate is not None:
        if certificate.is_valid:
            url = reverse("courses:certificate_pdf", args=[certificate.code])
            return NextStep("certificate", str(_("Download your certificate")), url, certificate.code)
        return NextStep("revoked", str(_("Your certificate for this course was revoked.")))
    progress = services.progress_for(lessons, done_keys)
    if not progress.lessons_complete:
        lesson = services.next_lesson(lessons, done_keys, enrolment)
        started = progress.required_done or enrolment.last_lesson_id
        label = _("Resume where you left off") if started else _("Start the course")
        page = page_of(lesson) if page_of else lesson
        return NextStep("lesson", str(label), lesson_url(page), page.title)
    hooks_ = hooks.get_hooks(services.COMPLETION_REQUIREMENTS_HOOK)
    unmet = [item for hook in hooks_ for item in (hook(user, course) or [])]
    if unmet:
        first = unmet[0]
        return NextStep("requirement", str(first), getattr(first, "url", ""), "")
    return NextStep(
        "claim", str(_("Get your certificate")), reverse("courses:request_certificate", args=[course.pk]), method="post"
    )


def lesson_url(lesson) -> str:
    url = getattr(lesson, "url", None)
    return url if isinstance(url, str) else lesson.get_url()
