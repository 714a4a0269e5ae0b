"""Coverage of key emission units: one row per unit with what reached it, gaps first."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..services.coverage import CoverageFilters, coverage_units
from . import forms
from .base import Column, QueryExporter, division_name, registry
from .learning import yes_no


@registry.register
class CoverageExporter(QueryExporter):
    identifier = "coverage"
    verbose_name = _("Coverage of key emission units")
    description = _("Which key emission units have an attendee, a course completion and a settlement quiz pass.")
    form_class = forms.CoverageForm

    def columns(self):
        return [
            Column(_("Organisation"), "name"),
            Column(_("Unified social credit code"), "credit_code"),
            Column(_("City"), division_name("city")),
            Column(_("County"), division_name("county")),
            Column(_("Members"), "members_count", text=False),
            Column(_("Attendees"), "attendees", text=False),
            Column(_("Trainees with a certificate"), "certified", text=False),
            Column(_("Passed the settlement quiz"), "settlement_passers", text=False),
            Column(
                _("Reached by every measure"),
                yes_no(Q(attendees__gt=0, certified__gt=0, settlement_passers__gt=0)),
                text=False,
            ),
        ]

    def queryset(self):
        filters = CoverageFilters(
            city=self.filters["city"].pk if self.filters.get("city") else None,
            county=self.filters["county"].pk if self.filters.get("county") else None,
            gap=self.filters.get("gap") or None,
        )
        return coverage_units(self.scope, filters).select_related(None)
