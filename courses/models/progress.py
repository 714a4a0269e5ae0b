"""Who is enrolled where, which lessons they finished, and where to resume."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Re-reading the same lesson within this time writes nothing: a page view should not be a write.
VISIT_RESOLUTION = timedelta(minutes=5)


class Enrolment(models.Model):
    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ORGANISATION = "organisation", _("Enrolled with their organisation")
        VENUE = "venue", _("Enrolled with their sub-venue")
        ADMIN = "admin", _("Enrolled by an organiser")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    source = models.CharField(_("how"), max_length=20, choices=Source.choices, default=Source.SELF)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("last lesson opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-last_activity_at", "-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_one_enrolment_per_course")]

    def __str__(self):
        return f"{self.user} → {self.course}"

    @property
    def opened_recently(self) -> bool:
        """The last lesson was opened within VISIT_RESOLUTION (courses.learner reads the same in SQL)."""
        return bool(self.last_activity_at) and timezone.now() - self.last_activity_at < VISIT_RESOLUTION


class LessonCompletion(models.Model):
    class Source(models.TextChoices):
        TRAINEE = "trainee", _("Marked complete by the trainee")
        QUIZ = "quiz", _("Quiz passed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="completions"
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.TRAINEE)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="courses_one_completion_per_lesson"),
        ]

    def __str__(self):
        return f"{self.user} ✓ {self.lesson}"
