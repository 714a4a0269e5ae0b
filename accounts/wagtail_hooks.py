from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_ui import LazySnippetChooserViewSet, TranslatedBreadcrumbsMixin, YesNoColumn
from .models import Division, Organisation, Venue


class OrganisationViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Organisation
    chooser_viewset_class = LazySnippetChooserViewSet
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "credit_code", "kind", "industry", "city", "county"]
    list_filter = ["kind", "industry", "city"]
    # English names are searchable too: the organisation's own and its city's and county's ("Jinan").
    search_fields = ["name", "name_en", "credit_code", "city__name_en", "county__name_en"]
    search_backend_name = None  # plain database filtering; no index to keep in sync
    list_export = ["name", "credit_code", "kind", "industry", "city", "county"]
    list_per_page = 50
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldPanel("credit_code"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("industry")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
    ]

    def get_queryset(self, request):
        return Organisation.objects.select_related("city", "county")


class VenueViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Venue
    chooser_viewset_class = LazySnippetChooserViewSet
    icon = "site"
    menu_label = _("Sub-venues")
    list_display = [
        "name",
        "level",
        "city",
        "county",
        "capacity",
        YesNoColumn("is_active", label=Venue._meta.get_field("is_active").verbose_name),
    ]
    list_filter = ["level", "city", "is_active"]
    search_fields = ["name", "name_en", "address", "city__name_en", "county__name_en"]
    search_backend_name = None
    list_export = ["name", "level", "city", "county", "address", "capacity", "is_active"]
    list_per_page = 50
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
        FieldPanel("address"),
        FieldPanel("coordinators"),
        FieldPanel("is_active"),
    ]

    def get_queryset(self, request):
        return Venue.objects.select_related("city", "county")


class DivisionViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Division
    chooser_viewset_class = LazySnippetChooserViewSet
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
