"""Forget cached session data when an organiser edits a session or its venues."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .checkin import forget_session
from .models import SessionVenue, TrainingSession


@receiver(post_save, sender=TrainingSession)
def session_saved(sender, instance, **kwargs):
    forget_session(instance.pk)


@receiver([post_save, post_delete], sender=SessionVenue)
def session_venue_changed(sender, instance, **kwargs):
    forget_session(instance.session_id)


@receiver(m2m_changed, sender=TrainingSession.venues.through)
def session_venues_changed(sender, instance, **kwargs):
    if isinstance(instance, TrainingSession):
        forget_session(instance.pk)
