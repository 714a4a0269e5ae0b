"""A notice when a certificate is issued (courses knows nothing of notifications)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import Certificate

from .notices import queue_certificate_notice


@receiver(post_save, sender=Certificate, dispatch_uid="registration_certificate_notice")
def certificate_issued(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: queue_certificate_notice(instance))
