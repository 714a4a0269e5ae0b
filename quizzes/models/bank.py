"""The question bank: categories, questions (five kinds), their options and topic tags.

Questions are snippets, not pages: one question can appear in many quizzes, and a quiz can
draw at random from a category. Questions and categories are translatable the Wagtail way
(``TranslatableMixin``: a locale and a translation key shared by the language versions); the
options are an inline orderable and travel with their question's translation. ``reference`` is
the natural key that import/export uses, shared by a question's translations (unique per locale).
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin

from ..panels import OtherLanguagesPanel

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "superscript", "subscript"]
# The topic tags the demo and the docs use; authors may add others.
TOPIC_TAGS = ["trading", "settlement", "CCER"]


def new_reference() -> str:
    return f"Q-{secrets.token_hex(4).upper()}"


class QuestionCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        constraints = [models.UniqueConstraint(fields=["name", "locale"], name="quizzes_category_name_per_locale")]

    def __str__(self):
        return self.name

    def in_locale(self, locale_id: int) -> "QuestionCategory":
        """This category's version in a locale, created (named as this one) when missing."""
        if self.locale_id == locale_id:
            return self
        existing = QuestionCategory.objects.filter(translation_key=self.translation_key, locale_id=locale_id).first()
        if existing:
            return existing
        name = self.name
        while QuestionCategory.objects.filter(name=name, locale_id=locale_id).exists():
            name = f"{self.name[:90]} ({secrets.token_hex(2)})"
        return QuestionCategory.objects.create(
            name=name, description=self.description, translation_key=self.translation_key, locale_id=locale_id
        )


class TaggedQuestion(TaggedItemBase):
    content_object = ParentalKey("quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items")


class Question(TranslatableMixin, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        NUMERIC = "numeric", _("Numeric")
        SHORT_TEXT = "short_text", _("Short text")

    class Scoring(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")
        PARTIAL = "partial", _("Partial credit")

    reference = models.CharField(
        _("reference"),
        max_length=40,
        default=new_reference,
        help_text=_(
            "A short unique code, the same in every language; bulk import updates the question with the same "
            "reference and language."
        ),
    )
    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    stem = RichTextField(_("question"), features=RICH_TEXT_FEATURES)
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, default=1, validators=[MinValueValidator(0.01)]
    )
    explanation = RichTextField(
        _("explanation"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown in the review when the quiz allows it; say where the fact comes from."),
    )
    scoring = models.CharField(
        _("multiple-choice scoring"),
        max_length=16,
        choices=Scoring.choices,
        default=Scoring.ALL_OR_NOTHING,
        help_text=_("Partial credit: (right choices − wrong choices) ÷ right answers, never below zero."),
    )
    correct_boolean = models.BooleanField(_("true or false answer"), null=True, blank=True)
    numeric_answer = models.DecimalField(_("numeric answer"), max_digits=20, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=20,
        decimal_places=6,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Answers within ± this amount of the numeric answer are correct."),
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("Shown after the input, e.g. tCO2e."))
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_("Short text: one accepted answer per line; case, spaces and full-width forms are ignored."),
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Inactive questions are never drawn."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    tags = ClusterTaggableManager(
        verbose_name=_("topic tags"),
        through=TaggedQuestion,
        blank=True,
        help_text=_("E.g. trading, settlement, CCER."),
    )

    panels = [
        FieldRowPanel([FieldPanel("reference"), FieldPanel("category")]),
        OtherLanguagesPanel(),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("stem"),
        InlinePanel("options", label=_("Options (single and multiple choice)")),
        FieldPanel("scoring"),
        FieldPanel("correct_boolean"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("numeric_answer"), FieldPanel("tolerance"), FieldPanel("unit")])],
            heading=_("Numeric answer"),
        ),
        FieldPanel("accepted_answers"),
        FieldPanel("explanation"),
        FieldPanel("tags"),
        FieldPanel("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["category__name", "reference"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["reference", "locale"], name="quizzes_question_reference_per_locale")
        ]

    def __str__(self):
        return f"{self.reference} · {self.stem_text}"

    def clean(self):
        super().clean()
        # One reference names one question in every language: its translations share it, nothing else may.
        clash = Question.objects.filter(reference=self.reference).exclude(translation_key=self.translation_key)
        if self.reference and clash.exists():
            raise ValidationError(
                {"reference": _("Another question already uses this reference; translate that question instead.")}
            )

    def save(self, *args, **kwargs):
        # A question sits in a category of its own language (a translation copies the original's).
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        if self.category_id and self.category.locale_id != self.locale_id:
            self.category = self.category.in_locale(self.locale_id)
        super().save(*args, **kwargs)

    @property
    def stem_text(self) -> str:
        return Truncator(strip_tags(self.stem)).chars(80)

    @property
    def accepted_answer_list(self) -> list[str]:
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")])]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text
