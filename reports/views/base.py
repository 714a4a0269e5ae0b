"""What every report page shares: access by scope, Wagtail admin furniture, breadcrumbs, query strings."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..errors import ReportError, reporting_scope

REPORTS_HOME = {"url": reverse_lazy("reports_admin:overview"), "label": _("Reports")}


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """A page of the reports dashboard inside the Wagtail admin; 403 for anyone without a scope."""

    header_icon = "table"
    section_title = ""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.scope = reporting_scope(request.user)
        except ReportError as error:
            raise PermissionDenied(error.message) from None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.section_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            REPORTS_HOME,
            *self.extra_breadcrumbs(),
            {"url": "", "label": self.get_page_title()},
        ]

    def extra_breadcrumbs(self) -> list[dict]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scope"] = self.scope
        context["scope_note"] = None if self.scope.is_everything else _("You see only the sub-venues you coordinate.")
        return context


def url_with(name: str, **params) -> str:
    """A reports admin URL with the non-empty parameters as its query string."""
    identifier = params.pop("identifier", None)
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    url = reverse(f"reports_admin:{name}", args=[identifier] if identifier else [])
    return f"{url}?{query}" if query else url


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
