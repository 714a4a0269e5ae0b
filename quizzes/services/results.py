"""Results per quiz for instructors: filtering by organisation, sub-venue and city, and export rows."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Substr

from accounts.divisions import trainee_city, trainee_city_id
from courses.models import CoursePage

from ..models import Attempt, QuizPage

__all__ = ["course_title", "result_rows", "submitted_attempts", "summary", "trainee_city"]


@dataclass(frozen=True)
class ResultFilters:
    organisation_id: int | None = None
    venue_id: int | None = None
    city_adcode: str | None = None


def submitted_attempts(quiz: QuizPage, filters: ResultFilters = ResultFilters()):
    """Submitted attempts at the quiz in any language; a trainee's city is their sub-venue's, else their
    organisation's."""
    attempts = Attempt.objects.filter(quiz_key=quiz.translation_key, status=Attempt.Status.SUBMITTED)
    if filters.organisation_id:
        attempts = attempts.filter(user__organisation_id=filters.organisation_id)
    if filters.venue_id:
        attempts = attempts.filter(user__default_venue_id=filters.venue_id)
    if filters.city_adcode:
        attempts = attempts.annotate(trainee_city=trainee_city_id("user")).filter(trainee_city=filters.city_adcode)
    return attempts


def result_rows(attempts):
    """Attempts with everything a results table shows, in one query."""
    return attempts.select_related("user__organisation__city", "user__default_venue__city", "quiz").order_by(
        "user__organisation__name", "user__email", "number"
    )


def summary(attempts) -> dict:
    """Counts and averages in one query."""
    return attempts.aggregate(
        attempts=Count("pk"),
        trainees=Count("user", distinct=True),
        passed=Count("pk", filter=Q(passed=True)),
        average=Avg("percent"),
    )


def course_title(quiz_path: str = "path"):
    """The title of the course a quiz belongs to (its CoursePage ancestor), as a subquery.

    ``quiz_path`` names the quiz page's ``path`` from the outer query (e.g. ``quiz__path``).
    """
    courses = CoursePage.objects.filter(path=Substr(OuterRef(quiz_path), 1, F("depth") * CoursePage.steplen))
    return Subquery(courses.values("title")[:1])
