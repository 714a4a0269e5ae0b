"""The reports dashboard in the Wagtail admin: its URLs and a "Reports" menu for organisers and coordinators."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from accounts.access import VenueScope

from . import admin_urls

REPORT_PAGES = [
    ("overview", _("Overview"), "table"),
    ("attendance", _("Attendance"), "tasks"),
    ("organisations", _("Attendance by organisation"), "group"),
    ("learning", _("Completion and pass rates"), "doc-full"),
    ("coverage", _("Key emission units"), "warning"),
    ("exports", _("Exports"), "download"),
]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return VenueScope.for_user(request.user).is_manager


class ReportsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return VenueScope.for_user(request.user).is_manager


@hooks.register("register_admin_urls")
def register_reports_urls():
    return [path("reports/", include(admin_urls, namespace="reports_admin"))]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    items = [
        ReportsMenuItem(label, reverse_lazy(f"reports_admin:{name}"), name=f"reports-{name}", icon_name=icon, order=i)
        for i, (name, label, icon) in enumerate(REPORT_PAGES)
    ]
    # Not "Reports": Wagtail has a menu of that name (two entries called 报表 before).
    return ReportsSubmenu(_("Training reports"), Menu(items=items), name="reports", icon_name="table", order=250)


@hooks.register("quizzes_results_download")
def quiz_results_download(request, quiz, filters: dict, chosen: str):
    """The quiz results page's CSV/XLSX: the registry's quiz-results export, so both are one export.

    The quizzes page has already checked ``quizzes.view_results``, which shows every trainee's results.
    """
    from .exports import registry
    from .views.exports import download

    exporter = registry.get("quiz_results")(
        VenueScope.everything(request.user), {"quiz": str(quiz.translation_key), **filters}
    )
    return download(exporter, chosen)
