"""Attendance per session (one row per record) and rosters (the ledger's people at each venue)."""

from django.db.models import Case, CharField, Value, When
from django.utils.translation import gettext_lazy as _

from attendance import ledger
from attendance.models import Method

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
        records = filter_by_venue(ledger.records(), self.scope, self.filters)
        if self.filters.get("status"):
            records = records.filter(status=self.filters["status"])
        return records.order_by(
            "session__starts_at", "session_id", "venue__city_id", "venue__county_id", "venue_id", "pk"
        )


@registry.register
class RosterExporter(QueryExporter):
    """The ledger's people at each venue: every record, and every expected person without one.

    One SELECT: the records and the unrecorded expectations are two halves of a UNION ALL with the
    same columns, so a roster lists exactly the people the reports count at that venue.
    """

    identifier = "rosters"
    verbose_name = _("Rosters")
    description = _("Everyone who counts at each sub-venue (expected or recorded there), with their status so far.")
    form_class = forms.RosterForm

    def columns(self, status=None):
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
            Column(_("Status"), status if status is not None else forms.status_label(), text=False),
        ]

    def halves(self):
        records = filter_by_venue(ledger.records(), self.scope, self.filters)
        unrecorded = filter_by_venue(ledger.unrecorded(), self.scope, self.filters)
        return records, unrecorded

    def queryset(self):
        return self.halves()[0]

    def select(self):
        records, unrecorded = self.halves()
        not_recorded = Value(str(_("Not recorded")), output_field=CharField())
        first = self._prepared(records, self.columns())
        second = self._prepared(unrecorded, self.columns(status=not_recorded))
        # Ordered by the cells themselves: session start, title, city, county, venue, name.
        return first.union(second, all=True).order_by("c1", "c0", "c2", "c3", "c4", "c5")

    def count(self) -> int:
        records, unrecorded = self.halves()
        return records.count() + unrecorded.count()
