"""Wagtail admin: organisers manage training sessions; records and imports are read-only there."""

from django import forms
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.access import VenueScope
from accounts.admin_ui import BlankNoneInspectView, TranslatedBreadcrumbsMixin
from accounts.models import Venue
from accounts.privacy import ANONYMISE_HOOK

from . import privacy, services
from .models import AttendanceRecord, SheetImport, TrainingSession


class VenueCheckboxes(forms.CheckboxSelectMultiple):
    """168 sub-venues: checkboxes the browser can search with Ctrl+F, instead of a tiny multi-select."""


class TrainingSessionViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Training sessions")
    list_display = ["title", "starts_at", "ends_at", "checkin_opens_at", "checkin_closes_at"]
    list_filter = ["starts_at"]
    search_fields = ["title", "description"]
    search_backend_name = None
    list_export = ["title", "starts_at", "ends_at", "checkin_opens_at", "checkin_closes_at", "late_after"]
    list_per_page = 50
    ordering = ["-starts_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("course_page"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("checkin_opens_at"), FieldPanel("checkin_closes_at")]),
                FieldRowPanel([FieldPanel("late_after"), FieldPanel("code_rotation_seconds")]),
            ],
            heading=_("Times"),
        ),
        FieldPanel("venues", widget=VenueCheckboxes),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("livestream_url"), FieldPanel("recording_url")]),
                FieldPanel("online_threshold_percent"),
            ],
            heading=_("Live stream and online attendance"),
        ),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        if "venues" in form_class.base_fields:
            form_class.base_fields["venues"].queryset = Venue.objects.filter(is_active=True).order_by(
                "city_id", "county_id", "name"
            )
        return form_class


class AttendanceRecordViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    """Read-only for organisers (they hold only the view permission); changes go through the rosters."""

    model = AttendanceRecord
    icon = "tick-inverse"
    menu_label = _("Attendance records")
    list_display = ["user", "session", "venue", "status", "method", "server_time"]
    list_filter = ["status", "method", "session"]
    search_fields = ["user__real_name", "user__email", "venue__name"]
    search_backend_name = None
    # The status and method as words in the reader's language, not their stored codes ("present", "qr").
    list_export = [
        "session",
        "venue",
        "user",
        "get_status_display",
        "get_method_display",
        "server_time",
        "device_time",
        "source_file",
    ]
    export_headings = {"get_status_display": capfirst(_("status")), "get_method_display": capfirst(_("method"))}
    list_per_page = 100
    inspect_view_enabled = True
    inspect_view_class = BlankNoneInspectView
    ordering = ["-server_time"]

    def get_queryset(self, request):
        return AttendanceRecord.objects.select_related("user", "session", "venue")


class SheetImportViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = SheetImport
    icon = "doc-full"
    menu_label = _("Sign-in sheet imports")
    list_display = ["original_name", "session", "venue", "encoding", "uploaded_by", "uploaded_at", "rows_written"]
    list_filter = ["session"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = BlankNoneInspectView
    # The file is private: coordinators download it from the roster's import page, never by a media URL.
    inspect_view_fields = [
        "original_name",
        "session",
        "venue",
        "encoding",
        "uploaded_by",
        "uploaded_at",
        "rows_written",
    ]

    def get_queryset(self, request):
        return SheetImport.objects.select_related("session", "venue", "uploaded_by")


class AttendanceGroup(SnippetViewSetGroup):
    menu_label = _("Attendance")
    menu_icon = "date"
    menu_order = 250
    items = (TrainingSessionViewSet, AttendanceRecordViewSet, SheetImportViewSet)


register_snippet(AttendanceGroup)


class RosterMenuItem(MenuItem):
    def is_shown(self, request):
        return VenueScope.for_user(request.user).is_manager


@hooks.register("register_admin_menu_item")
def register_roster_menu_item():
    return RosterMenuItem(_("Sub-venue rosters"), reverse("attendance:roster_home"), icon_name="group", order=260)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def expect_default_venue_trainees(request, instance):
    """A saved session expects every trainee whose default sub-venue takes part."""
    if isinstance(instance, TrainingSession):
        services.add_expected_from_default_venues(instance)
        services.add_expected_from_enrolments(instance)


@hooks.register(ANONYMISE_HOOK)
def forget_person_in_attendance(user):
    privacy.forget_person(user)
