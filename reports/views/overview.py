"""The reports home page: sessions with their totals, attendance by city on a map, coverage at a glance."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import charts
from ..services.attendance import Filters, attendance_rollup, session_page, total
from ..services.coverage import coverage_by_city
from .attendance import chart_rows, status_segments
from .base import ReportView, url_with


class OverviewView(ReportView):
    template_name = "reports/overview.html"
    section_title = gettext_lazy("Reports")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, sessions = session_page(self.scope, self.request.GET.get("p"))
        for row in sessions:
            row.url = url_with("attendance", session=row.key)
        cities = attendance_rollup(self.scope, Filters(), "city")
        for row in cities:
            row.url = url_with("attendance", city=row.key)
        _rows, coverage_total = coverage_by_city(self.scope)
        context.update(
            {
                "page": page,
                "sessions": sessions,
                "cities": cities,
                "city_total": total(cities),
                "coverage_total": coverage_total,
                "chart": charts.stacked_bars(
                    chart_rows(cities),
                    status_segments(),
                    title=_("Attendance by city, all sessions"),
                    desc=_("Expected participants split into present, late, excused, absent and not recorded."),
                    chart_id="overview-chart",
                ),
                "map": charts.city_map(
                    [(r.label, r.extra.get("longitude"), r.extra.get("latitude"), r.attended, r.rate) for r in cities],
                    title=_("Map of attendance by city"),
                    desc=_("One circle per city; larger circles mean more attendees, darker a higher rate."),
                    chart_id="overview-map",
                    value_label=_("attended"),
                ),
            }
        )
        return context
