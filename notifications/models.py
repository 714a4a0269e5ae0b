"""The outbox: every message waits here until a worker has delivered it.

A message is rendered in the recipient's language when it is queued, so the worker only
delivers text. ``key`` is unique: queueing the same message twice (a re-import, a worker
pass that runs again) finds the existing row instead of sending it twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class Message(models.Model):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        REMINDER = "reminder", _("Session reminder")
        CERTIFICATE = "certificate", _("Certificate issued")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    key = models.CharField(_("key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message text"))
    attachment_name = models.CharField(_("attachment"), max_length=100, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment = models.TextField(blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), db_index=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notifications_due")]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.address}"


class Preference(models.Model):
    """What a person wants to receive (their language is ``User.language``, read by ``accounts.language``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    reminders = models.BooleanField(_("session reminders"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user_id)
