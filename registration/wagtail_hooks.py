"""Admin menu: "Import participants" and "Invitations" for organisers and coordinators; reminders producer."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.access import VenueScope
from notifications.services import PRODUCERS_HOOK

from . import admin_urls
from .notices import queue_reminders


@hooks.register("register_admin_urls")
def registration_admin_urls():
    return [path("participants/", include(admin_urls))]


class ImporterMenuItem(MenuItem):
    def is_shown(self, request):
        return VenueScope.for_user(request.user).is_manager


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImporterMenuItem(_("Import participants"), reverse("registration_import"), icon_name="upload", order=322)


@hooks.register("register_admin_menu_item")
def invitations_menu_item():
    return ImporterMenuItem(_("Invitations"), reverse("registration_invitations"), icon_name="mail", order=323)


hooks.register(PRODUCERS_HOOK, queue_reminders)
