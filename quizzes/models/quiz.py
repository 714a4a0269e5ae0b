"""A quiz is a page at the end of a course module; it may complete one lesson when passed."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from config.page_privacy import CachedViewRestrictionsMixin
from courses.models import MODULE_CHILD_TYPES

from .bank import Question, QuestionCategory

# A module may end with a quiz: courses offers this list so it never imports quizzes.
if "quizzes.QuizPage" not in MODULE_CHILD_TYPES:
    MODULE_CHILD_TYPES.append("quizzes.QuizPage")


class QuizPage(CachedViewRestrictionsMixin, Page):
    class Selection(models.TextChoices):
        FIXED = "fixed", _("Fixed questions")
        RANDOM = "random", _("Random draw per category")

    class ReviewContent(models.TextChoices):
        SCORE = "score", _("Score only")
        ANSWERS = "answers", _("Score and correct answers")
        EXPLANATIONS = "explanations", _("Score, correct answers and explanations")

    class ReviewTiming(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately after submitting")
        AFTER_CLOSE = "after_close", _("After the quiz closes")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson completed by passing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quizzes",
        help_text=_("Passing this quiz marks the lesson complete."),
    )
    required_for_completion = models.BooleanField(
        _("required for the course"), default=True, help_text=_("The course certificate needs a pass.")
    )
    selection = models.CharField(_("questions"), max_length=10, choices=Selection.choices, default=Selection.FIXED)
    shuffle_questions = models.BooleanField(_("shuffle question order"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=60, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3, help_text=_("0 means unlimited."))
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty for no limit. Answers saved after the limit do not count."),
    )
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    review_content = models.CharField(
        _("review shows"), max_length=15, choices=ReviewContent.choices, default=ReviewContent.EXPLANATIONS
    )
    review_timing = models.CharField(
        _("review available"), max_length=15, choices=ReviewTiming.choices, default=ReviewTiming.IMMEDIATELY
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("lesson"),
        FieldPanel("required_for_completion"),
        MultiFieldPanel(
            [
                FieldPanel("selection"),
                InlinePanel("fixed_questions", label=_("Fixed questions")),
                InlinePanel("draw_rules", label=_("Random draw rules")),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
            ],
            heading=_("Questions"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]),
                FieldPanel("closes_at"),
                FieldRowPanel([FieldPanel("review_content"), FieldPanel("review_timing")]),
            ],
            heading=_("Rules"),
        ),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def clean(self):
        super().clean()
        if self.review_timing == self.ReviewTiming.AFTER_CLOSE and not self.closes_at:
            raise ValidationError({"closes_at": _("Set a closing time to release the review after it.")})

    def get_context(self, request, *args, **kwargs):
        from ..services.overview import quiz_state

        context = super().get_context(request, *args, **kwargs)
        context["state"] = quiz_state(request.user, self) if request.user.is_authenticated else None
        return context


class QuizQuestion(Orderable):
    """A question always asked, in this order (unless questions are shuffled)."""

    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="quiz_uses"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed question")
        constraints = [models.UniqueConstraint(fields=["page", "question"], name="quizzes_question_once_per_quiz")]


class QuizDrawRule(Orderable):
    """Draw ``count`` active questions at random from a category for each attempt."""

    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="draw_rules")
    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    count = models.PositiveSmallIntegerField(_("questions to draw"), default=5, validators=[MinValueValidator(1)])

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("count")])]

    class Meta(Orderable.Meta):
        verbose_name = _("random draw rule")
