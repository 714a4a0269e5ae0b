"""Certificates: what was printed is kept, so a later rename never changes a verified certificate."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # The course in every language: one certificate per trainee and course, whichever language they used.
    course_key = models.UUIDField(_("course translation key"), editable=False)
    code = models.CharField(_("verification code"), max_length=20, unique=True, editable=False)
    trainee_name = models.CharField(_("trainee name"), max_length=100)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    course_title = models.CharField(_("course title"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="courses_one_certificate_per_course"),
        ]

    def __str__(self):
        return f"{self.code} · {self.trainee_name} · {self.course_title}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
