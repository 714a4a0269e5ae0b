"""Admin building blocks shared by the apps' snippet viewsets, so the admin speaks the reader's language."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import InspectView
from wagtail.snippets.widgets import AdminSnippetChooser


class YesNoColumn(Column):
    """A yes/no field as a word in the reader's language (Wagtail's listing prints "True")."""

    def get_value(self, instance):
        return _("yes") if super().get_value(instance) else _("no")


class BlankNoneInspectView(InspectView):
    """Wagtail's inspect view prints an empty field as the English word "None"; show a dash instead."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value is None else value


class LazySnippetChooser(AdminSnippetChooser):
    """Wagtail formats "Choose another %(object)s" once, when the widget is built (at start-up or for
    the first request), so every later reader got that language; these texts are formatted per use."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = format_lazy(_("Choose {}"), name)
        self.choose_another_text = format_lazy(_("Choose another {}"), name)
        self.link_to_chosen_text = format_lazy(_("Edit this {}"), name)


class LazySnippetChooserViewSet(SnippetChooserViewSet):
    base_widget_class = LazySnippetChooser


class TranslatedBreadcrumbsMixin:
    """Wagtail's SnippetViewSet builds its "Home"/"Snippets" breadcrumbs with eager gettext when
    the viewset registers, so the admin showed the first request's language ("首页" on English
    pages); these labels are read per request."""

    @property
    def breadcrumbs_items(self):
        from django.urls import reverse_lazy

        return [{"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")}]


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form names its password field only by the field name ("Password*")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
