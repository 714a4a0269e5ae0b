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

from .forms import RevokeCertificateForm
from .models import Certificate
from .views.admin import BULK_ENROL_PERMISSION, bulk_enrol


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued by the course rules and revoked, never added or deleted by hand."""

    FORBIDDEN = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.FORBIDDEN and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in self.FORBIDDEN])


class CertificateViewSet(SnippetViewSet):
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


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))
register_snippet(CertificateViewSet)


@hooks.register("register_admin_urls")
def courses_admin_urls():
    return [path("courses/enrol-group/", bulk_enrol, name="courses_bulk_enrol")]


class BulkEnrolMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(BULK_ENROL_PERMISSION)


@hooks.register("register_admin_menu_item")
def bulk_enrol_menu_item():
    return BulkEnrolMenuItem(_("Enrol a group"), reverse("courses_bulk_enrol"), icon_name="group", order=320)
