"""Factories for the accounts layer, shared by every app's tests."""

import random

import factory
from factory.django import DjangoModelFactory

from accounts import services
from accounts.demo import make_credit_code
from accounts.models import Division, Organisation, User, Venue

TEST_PASSWORD = "pass-for-tests-123"


def division(adcode: str) -> Division:
    return Division.objects.get(adcode=adcode)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"测试热电有限公司{n:04d}")
    credit_code = factory.Sequence(lambda n: make_credit_code(random.Random(n), "370102"))
    kind = Organisation.Kind.KEY_EMITTER
    industry = Organisation.Industry.POWER
    city = factory.LazyFunction(lambda: division("370100"))
    county = factory.LazyFunction(lambda: division("370102"))


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"济南分会场{n:03d}")
    city = factory.LazyFunction(lambda: division("370100"))
    county = factory.LazyFunction(lambda: division("370102"))
    capacity = 30
    level = Venue.Level.COUNTY


class UserFactory(DjangoModelFactory):
    """A user; pass roles=[roles.TRAINEE, ...] to put them in groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    real_name = factory.Sequence(lambda n: f"学员{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "碳排放管理员"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        self.save()
        for role in extracted or []:
            services.add_role(self, role)
