"""Admin: certificates (instructors revoke them) and enrolling a whole organisation or sub-venue."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.admin_ui import TranslatedBreadcrumbsMixin

from .forms import RevokeCertificateForm
from .models import Certificate, Enrolment
from .views.admin import BULK_ENROL_PERMISSION, bulk_enrol


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued by the course rules and revoked, never added or deleted by hand."""

    FORBIDDEN = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.FORBIDDEN and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in self.FORBIDDEN])


class CertificateViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "trainee_name", "organisation_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["course_title"]
    search_fields = ["code", "trainee_name", "organisation_name", "course_title"]
    search_backend_name = None
    list_export = ["code", "trainee_name", "organisation_name", "course_title", "hours", "issued_at", "revoked_at"]
    list_per_page = 50
    inspect_view_enabled = True
    edit_handler = ObjectList([FieldPanel("revoke_reason")], base_form_class=RevokeCertificateForm)


class EnrolmentPermissionPolicy(CertificatePermissionPolicy):
    """Enrolments come from trainees and from "Enrol a group"; the list is for reading and export."""

    FORBIDDEN = {"add", "change", "delete"}


class EnrolmentViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Enrolment
    icon = "list-ul"
    menu_label = _("Enrolments")
    add_to_admin_menu = True
    menu_order = 315
    list_display = ["user", "course", "source", "enrolled_at", "last_activity_at"]
    list_filter = ["source", "course"]
    list_export = ["user", "course", "source", "enrolled_by", "enrolled_at", "last_activity_at"]
    list_per_page = 50
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Enrolment.objects.select_related("user", "course", "enrolled_by")


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))
register_permission_policy(Enrolment, EnrolmentPermissionPolicy(Enrolment))
register_snippet(CertificateViewSet)
register_snippet(EnrolmentViewSet)


@hooks.register("register_admin_urls")
def courses_admin_urls():
    return [path("courses/enrol-group/", bulk_enrol, name="courses_bulk_enrol")]


class BulkEnrolMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(BULK_ENROL_PERMISSION)


@hooks.register("register_admin_menu_item")
def bulk_enrol_menu_item():
    return BulkEnrolMenuItem(_("Enrol a group"), reverse("courses_bulk_enrol"), icon_name="group", order=320)
