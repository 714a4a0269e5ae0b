"""Attendance per session (one row per record) and rosters (one row per expected participant)."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from attendance.models import AttendanceRecord, ExpectedParticipant, Method

from . import forms
from .base import Column, QueryExporter, division_name, person_name, registry


def filter_by_venue(queryset, scope, filters: dict):
    """Scope first, then the drill-down filters every venue-based export shares."""
    queryset = queryset.filter(scope.venue_q("venue"))
    if filters.get("session"):
        queryset = queryset.filter(session=filters["session"])
    if filters.get("city"):
        queryset = queryset.filter(venue__city=filters["city"])
    if filters.get("county"):
        queryset = queryset.filter(venue__county=filters["county"])
    if filters.get("venue"):
        queryset = queryset.filter(venue=filters["venue"])
    if filters.get("organisation"):
        queryset = queryset.filter(user__organisation=filters["organisation"])
    return queryset


def method_label():
    from django.db.models import Case, CharField, Value, When

    whens = [When(method=value, then=Value(str(label))) for value, label in Method.choices]
    return Case(*whens, default=Value(""), output_field=CharField())


@registry.register
class AttendanceExporter(QueryExporter):
    identifier = "attendance"
    verbose_name = _("Attendance per session")
    description = _("One row per attendance record: who was present, late, excused or absent, where and when.")
    form_class = forms.AttendanceForm

    def columns(self):
        return [
            Column(_("Training session"), "session__title"),
            Column(_("Session starts"), "session__starts_at", when="datetime"),
            Column(_("City"), division_name("venue__city")),
            Column(_("County"), division_name("venue__county")),
            Column(_("Sub-venue"), "venue__name"),
            Column(_("Name"), person_name()),
            Column(_("Email"), "user__email"),
            Column(_("Phone"), "user__phone"),
            Column(_("Organisation"), "user__organisation__name"),
            Column(_("Unified social credit code"), "user__organisation__credit_code"),
            Column(_("Status"), forms.status_label(), text=False),
            Column(_("How recorded"), method_label(), text=False),
            Column(_("Recorded at"), "server_time", when="datetime"),
            Column(_("Note"), "note"),
        ]

    def queryset(self):
        records = filter_by_venue(AttendanceRecord.objects.all(), self.scope, self.filters)
        if self.filters.get("status"):
            records = records.filter(status=self.filters["status"])
        return records.order_by(
            "session__starts_at", "session_id", "venue__city_id", "venue__county_id", "venue_id", "pk"
        )


@registry.register
class RosterExporter(QueryExporter):
    identifier = "rosters"
    verbose_name = _("Rosters")
    description = _("Everyone expected at each sub-venue, with their attendance status so far.")
    form_class = forms.RosterForm

    def columns(self):
        status_of = AttendanceRecord.objects.filter(session_id=OuterRef("session_id"), user_id=OuterRef("user_id"))
        return [
            Column(_("Training session"), "session__title"),
            Column(_("Session starts"), "session__starts_at", when="datetime"),
            Column(_("City"), division_name("venue__city")),
            Column(_("County"), division_name("venue__county")),
            Column(_("Sub-venue"), "venue__name"),
            Column(_("Name"), person_name()),
            Column(_("Organisation"), "user__organisation__name"),
            Column(_("Job title"), "user__job_title"),
            Column(_("Phone"), "user__phone"),
            Column(_("Email"), "user__email"),
            Column(
                _("Status"),
                Subquery(status_of.annotate(label=forms.status_label()).values("label")[:1]),
                text=False,
            ),
        ]

    def queryset(self):
        expected = filter_by_venue(ExpectedParticipant.objects.all(), self.scope, self.filters)
        return expected.order_by(
            "session__starts_at", "session_id", "venue__city_id", "venue_id", "user__real_name", "pk"
        )
