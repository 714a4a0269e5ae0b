"""Attempts and answers: one row per question drawn, created when the attempt starts.

``quiz_key`` is the quiz's Wagtail translation key: attempts are limited and counted across
the quiz's language versions, so switching language never grants extra attempts.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .bank import Option, Question
from .quiz import QuizPage


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(QuizPage, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempts")
    quiz_key = models.UUIDField(_("quiz translation key"), editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    timed_out = models.BooleanField(_("submitted after the time limit"), default=False)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=0)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)
    regraded_at = models.DateTimeField(_("regraded"), null=True, blank=True)
    # Counts the saves of answers: a submit grades what it read only if no save came in since.
    answer_saves = models.PositiveIntegerField(_("answer saves"), default=0, editable=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        permissions = [
            ("view_results", _("Can view quiz results and item analysis")),
            ("regrade_attempt", _("Can regrade quiz attempts")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["quiz_key", "user", "number"], name="quizzes_attempt_number_unique"),
            # Two tabs or a double click can never open a second attempt.
            models.UniqueConstraint(
                fields=["quiz_key", "user"],
                condition=Q(status="in_progress"),
                name="quizzes_one_open_attempt",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "status"], name="quizzes_attempt_quiz_status")]

    def __str__(self):
        return f"{self.user} · {self.quiz} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class AttemptAnswer(models.Model):
    """The trainee's answer to one drawn question; grading fields stay empty until submission."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"))
    # Option ids in the order this trainee sees them; the browser only ever sees positions.
    option_order = models.JSONField(_("option order"), default=list, blank=True)
    selected = models.ManyToManyField(Option, through="SelectedOption", related_name="+", blank=True)
    response_text = models.CharField(_("response"), max_length=500, blank=True)
    saved_at = models.DateTimeField(_("saved"), null=True, blank=True)
    awarded = models.DecimalField(_("points awarded"), max_digits=6, decimal_places=2, null=True, blank=True)
    fraction = models.FloatField(_("fraction of the points"), null=True, blank=True)
    is_correct = models.BooleanField(_("correct"), null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="quizzes_answer_question_once"),
            models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_answer_position_once"),
        ]
        indexes = [models.Index(fields=["question", "attempt"], name="quizzes_answer_question")]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}"


class SelectedOption(models.Model):
    """A chosen option, as a row, so option frequencies are a GROUP BY away."""

    answer = models.ForeignKey(AttemptAnswer, on_delete=models.CASCADE, related_name="selections")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="selections")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "option"], name="quizzes_option_selected_once")]

    def __str__(self):
        return f"{self.answer_id} → {self.option_id}"
