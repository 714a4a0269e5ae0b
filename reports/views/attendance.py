"""Attendance pages: the drill-down province → city → county → venue (→ roster) and per organisation."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Division
from attendance.models import Status

from .. import charts
from ..services.attendance import NO_COUNTY, Filters, attendance_rollup, total, venue_roster, visible_sessions
from .base import ReportView, int_or_none, url_with

GROUP_FOR_LEVEL = {"province": "city", "city": "county", "county": "venue"}


def status_segments() -> list[charts.Segment]:
    labels = dict(Status.choices)
    segments = [charts.Segment(s, str(labels[s]), charts.STATUS_COLOURS[s]) for s in Status.values]
    return [*segments, charts.Segment("not_recorded", _("Not recorded"), charts.STATUS_COLOURS["not_recorded"])]


def chart_rows(tallies) -> list:
    return [
        (
            t.label,
            {
                "present": t.present,
                "late": t.late,
                "excused": t.excused,
                "absent": t.absent,
                "not_recorded": t.not_recorded,
            },
        )
        for t in tallies
    ]


class SessionChoiceMixin:
    def session_context(self, filters: Filters) -> dict:
        sessions = list(visible_sessions(self.scope).only("id", "title", "starts_at")[:100])
        current = next((s for s in sessions if s.pk == filters.session), None)
        if filters.session and current is None:
            raise Http404("No such session in this scope.")
        return {"sessions": sessions, "current_session": current}


class AttendanceView(SessionChoiceMixin, ReportView):
    """Expected vs present / late / excused / absent, one level at a time."""

    template_name = "reports/attendance.html"
    section_title = gettext_lazy("Attendance")

    def read_filters(self) -> Filters:
        params = self.request.GET
        return Filters(
            session=int_or_none(params.get("session")),
            city=params.get("city") or None,
            county=params.get("county") or None,
            venue=int_or_none(params.get("venue")),
            organisation=int_or_none(params.get("organisation")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.read_filters()
        context.update(self.session_context(filters))
        trail, level = self.trail(filters)
        context["trail"], context["level"], context["current_label"] = trail, level, trail[-1]["label"]
        common = {"session": filters.session, "organisation": filters.organisation}
        if level == "venue":
            context.update(self.venue_context(filters, common))
        else:
            rows = attendance_rollup(self.scope, filters, GROUP_FOR_LEVEL[level])
            for row in rows:
                row.url = self.drill_url(level, filters, row.key, common)
            context["rows"], context["total"] = rows, total(rows)
            context["chart"] = charts.stacked_bars(
                chart_rows(rows),
                status_segments(),
                title=_("Attendance by %(level)s") % {"level": trail[-1]["label"]},
                desc=_("Expected participants split into present, late, excused, absent and not recorded."),
                chart_id="attendance-chart",
            )
            if level == "province":
                context["map"] = charts.city_map(
                    [(r.label, r.extra.get("longitude"), r.extra.get("latitude"), r.attended, r.rate) for r in rows],
                    title=_("Map of attendance by city"),
                    desc=_("One circle per city; larger circles mean more attendees, darker a higher rate."),
                    chart_id="attendance-map",
                    value_label=_("attended"),
                )
        export = {**common, "city": filters.city, "venue": filters.venue}
        if filters.county and filters.county != NO_COUNTY:
            export["county"] = filters.county
        context["export_csv"] = url_with("export", identifier="attendance", format="csv", **export)
        context["export_xlsx"] = url_with("export", identifier="attendance", format="xlsx", **export)
        context["export_form"] = url_with("export", identifier="attendance", **export)
        context["organisations_url"] = url_with("organisations", session=filters.session, city=filters.city)
        return context

    def drill_url(self, level, filters: Filters, key, common) -> str:
        if level == "province":
            return url_with("attendance", city=key, **common)
        if level == "city":
            return url_with("attendance", city=filters.city, county=key, **common)
        return url_with("attendance", city=filters.city, county=filters.county, venue=key, **common)

    def trail(self, filters: Filters) -> tuple[list[dict], str]:
        """The drill-down path from the province to the current level (one or two queries)."""
        common = {"session": filters.session, "organisation": filters.organisation}
        venue = None
        if filters.venue:
            venue = self.scope.venues().select_related("city", "county").filter(pk=filters.venue).first()
            if venue is None:
                raise Http404("No such sub-venue in this scope.")
            filters.city = venue.city_id
            filters.county = venue.county_id or NO_COUNTY
        wanted = [code for code in (filters.city, filters.county) if code and code != NO_COUNTY]
        divisions = {
            d.adcode: d for d in Division.objects.filter(level="province") | Division.objects.filter(adcode__in=wanted)
        }
        province = next((d for d in divisions.values() if d.level == "province"), None)
        trail = [
            {"label": province.display_name if province else _("Province"), "url": url_with("attendance", **common)}
        ]
        level = "province"
        if filters.city:
            city = divisions.get(filters.city)
            if city is None or city.level != "city":
                raise Http404("No such city.")
            trail.append({"label": city.display_name, "url": url_with("attendance", city=city.adcode, **common)})
            level = "city"
        if filters.county:
            if filters.county == NO_COUNTY:
                label = _("City-level sub-venues")
            else:
                county = divisions.get(filters.county)
                if county is None or county.parent_id != filters.city:
                    raise Http404("No such county in this city.")
                label = county.display_name
            url = url_with("attendance", city=filters.city, county=filters.county, **common)
            trail.append({"label": label, "url": url})
            level = "county"
        if venue is not None:
            trail.append({"label": venue.name, "url": ""})
            level = "venue"
        return trail, level

    def venue_context(self, filters: Filters, common: dict) -> dict:
        if filters.session:
            lines = venue_roster(self.scope, filters.session, filters.venue)
            labels = dict(Status.choices)
            for line in lines:
                line.status_label = labels.get(line.status, _("Not recorded"))
            tally = attendance_rollup(self.scope, filters, "venue")
            summary = tally[0] if tally else None
            chart = charts.stacked_bars(
                chart_rows(tally),
                status_segments(),
                title=_("Attendance at this sub-venue"),
                desc=_("Expected participants split into present, late, excused, absent and not recorded."),
                chart_id="venue-chart",
            )
            return {"roster": lines, "summary_rows": [summary] if summary else [], "chart": chart}
        rows = attendance_rollup(self.scope, filters, "session")
        for row in rows:
            row.url = url_with("attendance", venue=filters.venue, session=row.key, organisation=filters.organisation)
        chart = charts.stacked_bars(
            chart_rows(rows),
            status_segments(),
            title=_("Attendance at this sub-venue by session"),
            desc=_("Expected participants split into present, late, excused, absent and not recorded."),
            chart_id="venue-chart",
        )
        return {"rows": rows, "total": total(rows), "chart": chart, "sessions_at_venue": True}


class OrganisationsView(SessionChoiceMixin, ReportView):
    """Attendance per organisation, lowest attendance rate first (the ones to call)."""

    template_name = "reports/organisations.html"
    section_title = gettext_lazy("Attendance by organisation")
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        filters = Filters(session=int_or_none(params.get("session")), city=params.get("city") or None)
        context.update(self.session_context(filters))
        cities = list(Division.objects.filter(level="city").order_by("adcode"))
        if filters.city and filters.city not in {c.adcode for c in cities}:
            raise Http404("No such city.")
        rows = attendance_rollup(self.scope, filters, "organisation")
        context["total"] = total(rows)
        context["page"] = Paginator(rows, self.per_page).get_page(params.get("p"))
        context["cities"], context["city"] = cities, filters.city
        context["export_csv"] = url_with(
            "export", identifier="attendance", format="csv", session=filters.session, city=filters.city
        )
        return context
