"""Results per quiz for instructors: filtering by organisation, sub-venue and city, and export rows."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from ..models import Attempt, QuizPage


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
        attempts = attempts.filter(
            Q(user__default_venue__city_id=filters.city_adcode)
            | Q(user__default_venue__isnull=True, user__organisation__city_id=filters.city_adcode)
        )
    return attempts


def result_rows(attempts):
    """Attempts with everything a results table or export shows, in one query."""
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


def trainee_city(user):
    if user.default_venue_id:
        return user.default_venue.city
    return user.organisation.city if user.organisation_id else None


# The columns of the results export, in the reader's language (gettext_lazy: read per request).
EXPORT_HEADERS = [
    _("real name"),
    _("email"),
    _("organisation"),
    _("sub-venue"),
    _("city"),
    _("attempt"),
    _("started"),
    _("submitted"),
    _("timed out"),
    _("score"),
    _("max score"),
    _("percent"),
    _("passed"),
]


def export_rows(attempts):
    """One row per attempt, streamed (``iterator``) so 10,000 rows use little memory."""
    for attempt in result_rows(attempts).iterator(chunk_size=500):
        user = attempt.user
        city = trainee_city(user)
        yield [
            user.display_name,
            user.email,
            user.organisation.name if user.organisation_id else "",
            user.default_venue.name if user.default_venue_id else "",
            city.name if city else "",
            attempt.number,
            attempt.started_at,
            attempt.submitted_at,
            attempt.timed_out,
            attempt.score,
            attempt.max_score,
            attempt.percent,
            attempt.passed,
        ]
