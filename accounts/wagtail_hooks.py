from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Division, Organisation, Venue


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "credit_code", "kind", "industry", "city", "county"]
    list_filter = ["kind", "industry", "city"]
    search_fields = ["name", "credit_code"]
    search_backend_name = None  # plain database filtering; no index to keep in sync
    list_export = ["name", "credit_code", "kind", "industry", "city", "county"]
    list_per_page = 50
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("credit_code"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("industry")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
    ]

    def get_queryset(self, request):
        return Organisation.objects.select_related("city", "county")


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Sub-venues")
    list_display = ["name", "level", "city", "county", "capacity", "is_active"]
    list_filter = ["level", "city", "is_active"]
    search_fields = ["name", "address"]
    search_backend_name = None
    list_export = ["name", "level", "city", "county", "address", "capacity", "is_active"]
    list_per_page = 50
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
        FieldPanel("address"),
        FieldPanel("coordinators"),
        FieldPanel("is_active"),
    ]

    def get_queryset(self, request):
        return Venue.objects.select_related("city", "county")


class DivisionViewSet(SnippetViewSet):
    model = Division
    icon = "globe"
    menu_label = _("Divisions")
    list_display = ["adcode", "name", "name_en", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "name_en", "adcode"]
    search_backend_name = None
    list_per_page = 50


class RegistryGroup(SnippetViewSetGroup):
    menu_label = _("Registry")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (OrganisationViewSet, VenueViewSet, DivisionViewSet)


register_snippet(RegistryGroup)
