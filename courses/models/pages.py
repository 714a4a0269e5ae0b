"""The course tree: index → course → ordered modules → ordered lessons (tree order is the order)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from config.page_privacy import CachedViewRestrictionsMixin

from ..blocks import LessonStreamBlock, refuses_calculator_input
from ..reading_time import lesson_minutes

# Page types a module may hold. Higher apps (quizzes) put their own page types here at
# import time, so courses never imports them.
MODULE_CHILD_TYPES = ["courses.LessonPage"]


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course index")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import course_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_index_context(request, self))
        return context


class CoursePage(CachedViewRestrictionsMixin, Page):
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown on course cards."))
    audience = models.TextField(_("audience"), blank=True, help_text=_("Who the course is for."))
    learning_outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["ul", "ol", "bold", "italic", "link"]
    )
    prerequisites = RichTextField(_("prerequisites"), blank=True, features=["ul", "ol", "bold", "italic", "link"])
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1, help_text=_("Printed on the certificate.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructors"),
        blank=True,
        related_name="taught_courses",
        limit_choices_to={"groups__name": "Instructor"},
    )
    import_source = models.CharField(
        _("import key"),
        max_length=120,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Set by import_course so re-importing updates this course."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("learning_outcomes"), FieldPanel("prerequisites")],
            heading=_("Who and what"),
        ),
        FieldPanel("estimated_hours"),
        FieldPanel("instructors"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("audience")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, self))
        return context


class ModulePage(CachedViewRestrictionsMixin, Page):
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = MODULE_CHILD_TYPES

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from ..page_context import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(request, self))
        return context


class LessonPage(CachedViewRestrictionsMixin, Page):
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson content"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    is_required = models.BooleanField(
        _("required for completion"), default=True, help_text=_("Optional lessons do not count towards completion.")
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    # Reading time is computed from the body on every save (see clean), so editors only see it.
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("estimated_minutes", read_only=True),
        FieldPanel("is_required"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    # Draft saves skip clean(), and save_revision() serialises after clean(): so both hooks set it.
    def clean(self):
        super().clean()
        self.estimated_minutes = lesson_minutes(self.body)

    def save(self, *args, **kwargs):
        self.estimated_minutes = lesson_minutes(self.body)
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200 and refuses_calculator_input(self.body, request.GET):
            response.status_code = 400  # the page still shows the calculator with the reason
        return response

    def get_context(self, request, *args, **kwargs):
        from ..page_context import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context
