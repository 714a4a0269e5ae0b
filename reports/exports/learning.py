"""Quiz results (one row per submitted attempt) and course completions (one row per enrolment)."""

from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.divisions import trainee_city_id, trainee_city_paths
from courses.models import Certificate, Enrolment
from quizzes.models import Attempt
from quizzes.services.results import course_title

from . import forms
from .base import Column, QueryExporter, division_name, person_name, registry

YES, NO = _("Yes"), _("No")


def yes_no(condition: Q):
    return Case(When(condition, then=Value(str(YES))), default=Value(str(NO)), output_field=CharField())


def trainee_city_name():
    return Coalesce(*[division_name(path) for path in trainee_city_paths("user")])


def filter_by_trainee(queryset, scope, filters: dict):
    queryset = queryset.filter(scope.trainee_q("user"))
    if filters.get("city"):
        queryset = queryset.annotate(trainee_city=trainee_city_id("user")).filter(trainee_city=filters["city"].pk)
    if filters.get("organisation"):
        queryset = queryset.filter(user__organisation=filters["organisation"])
    if filters.get("venue"):
        queryset = queryset.filter(user__default_venue=filters["venue"])
    return queryset


@registry.register
class QuizResultsExporter(QueryExporter):
    identifier = "quiz_results"
    verbose_name = _("Quiz results")
    description = _("One row per submitted attempt: score, percentage and whether it passed.")
    form_class = forms.QuizResultsForm

    def columns(self):
        return [
            Column(_("Course"), course_title("quiz__path")),
            Column(_("Quiz"), "quiz__title"),
            Column(_("Name"), person_name()),
            Column(_("Email"), "user__email"),
            Column(_("Organisation"), "user__organisation__name"),
            Column(_("Sub-venue"), "user__default_venue__name"),
            Column(_("City"), trainee_city_name()),
            Column(_("Attempt"), "number", text=False),
            Column(_("Score"), "score", text=False),
            Column(_("Maximum score"), "max_score", text=False),
            Column(_("Percent"), "percent", text=False),
            Column(_("Passed"), yes_no(Q(passed=True)), text=False),
            Column(_("Time ran out"), yes_no(Q(timed_out=True)), text=False),
            Column(_("Started at"), "started_at", when="datetime"),
            Column(_("Submitted at"), "submitted_at", when="datetime"),
        ]

    def queryset(self):
        attempts = filter_by_trainee(Attempt.objects.filter(status=Attempt.Status.SUBMITTED), self.scope, self.filters)
        if self.filters.get("quiz"):
            attempts = attempts.filter(quiz_key=self.filters["quiz"])
        if self.filters.get("passed"):
            attempts = attempts.filter(passed=self.filters["passed"] == "yes")
        return attempts.order_by("quiz_key", "user__organisation__name", "user_id", "number")


@registry.register
class CourseCompletionsExporter(QueryExporter):
    identifier = "course_completions"
    verbose_name = _("Course completions")
    description = _("One row per enrolment: whether the trainee completed the course and their certificate.")
    form_class = forms.CourseCompletionsForm

    def _certificate(self):
        return Certificate.objects.filter(
            user_id=OuterRef("user_id"), course_key=OuterRef("course__translation_key"), revoked_at__isnull=True
        )

    def columns(self):
        certificate = self._certificate()
        return [
            Column(_("Course"), "course__title"),
            Column(_("Name"), person_name()),
            Column(_("Email"), "user__email"),
            Column(_("Organisation"), "user__organisation__name"),
            Column(_("City"), trainee_city_name()),
            Column(_("Enrolled at"), "enrolled_at", when="datetime"),
            Column(_("Completed"), yes_no(Q(Exists(certificate))), text=False),
            Column(_("Certificate"), Subquery(certificate.values("code")[:1])),
            Column(_("Certificate issued at"), Subquery(certificate.values("issued_at")[:1]), when="datetime"),
        ]

    def queryset(self):
        enrolments = filter_by_trainee(Enrolment.objects.all(), self.scope, self.filters)
        if self.filters.get("course"):
            enrolments = enrolments.filter(course__translation_key=self.filters["course"])
        if self.filters.get("completed"):
            done = Exists(self._certificate())
            enrolments = enrolments.filter(done if self.filters["completed"] == "yes" else ~done)
        return enrolments.order_by("course__title", "user__organisation__name", "user_id")
