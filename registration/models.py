"""Participant lists imported by organisers and coordinators, and the invitations they start."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantImport(models.Model):
    """An uploaded list, kept so that applying it reads exactly the file that was previewed."""

    original_name = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))  # in the database, not public media: it is personal data
    sha256 = models.CharField(max_length=64, db_index=True)
    encoding = models.CharField(_("encoding"), max_length=30, blank=True)
    session = models.ForeignKey(
        "attendance.TrainingSession",
        verbose_name=_("training session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    courses = models.ManyToManyField("courses.CoursePage", verbose_name=_("courses"), blank=True, related_name="+")
    language = models.CharField(_("language of messages"), max_length=10, choices=settings.LANGUAGES)
    send_invitations = models.BooleanField(_("send invitations"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    summary = models.JSONField(_("import summary"), default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")

    def __str__(self):
        return self.original_name


class Invitation(models.Model):
    """One per person: a link to set a password and land on their course.

    The link carries the invitation's id and ``nonce``, signed with a time stamp: re-sending
    draws a new nonce (older links stop working), accepting clears it (single use), and the
    signature's age bounds its life (``REGISTRATION_INVITATION_DAYS``).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation")
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nonce = models.CharField(max_length=32, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("times sent"), default=0)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return str(self.user)
