"""Factories for attendance tests: sessions whose check-in window is open now by default."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from attendance.models import SessionVenue, TrainingSession


class TrainingSessionFactory(DjangoModelFactory):
    """A session starting in 10 minutes, check-in open since 30 minutes ago.

    Pass venues=[...] to make them take part.
    """

    class Meta:
        model = TrainingSession
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"碳市场培训第{n}场")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(minutes=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    checkin_opens_at = factory.LazyAttribute(lambda o: o.starts_at - timedelta(minutes=40))
    checkin_closes_at = factory.LazyAttribute(lambda o: o.ends_at)
    late_after = factory.LazyAttribute(lambda o: o.starts_at)
    code_rotation_seconds = 30

    @factory.post_generation
    def venues(self, create, extracted, **kwargs):
        for venue in extracted or []:
            SessionVenue.objects.create(session=self, venue=venue)
