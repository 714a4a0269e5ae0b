from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from config.page_privacy import CachedViewRestrictionsMixin

from . import services
from .routing import DirectRouteMixin


class HomePage(DirectRouteMixin, CachedViewRestrictionsMixin, Page):
    """The landing page: what the platform is, upcoming sessions, featured courses, my learning."""

    intro = RichTextField(_("introduction"), blank=True)
    featured_count = models.PositiveSmallIntegerField(_("featured courses shown"), default=3)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_count")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(services.home_sections(request, self))
        return context
