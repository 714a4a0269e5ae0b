"""The question editor shows the question's other language versions beside the form (read-only),
so a translator sees the original while writing the translation."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class OtherLanguagesPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Other languages"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/admin/other_languages_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.versions = []
            if self.instance is not None and self.instance.pk:
                self.versions = list(
                    type(self.instance)
                    .objects.filter(translation_key=self.instance.translation_key)
                    .exclude(pk=self.instance.pk)
                    .select_related("locale")
                    .prefetch_related("options")
                    .order_by("locale__language_code")
                )

        def is_shown(self):
            return bool(self.versions)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            url_name = type(self.instance).snippet_viewset.get_url_name("edit")
            context["versions"] = [(v, reverse(url_name, args=[quote(v.pk)])) for v in self.versions]
            return context
