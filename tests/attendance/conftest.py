import pytest

from accounts import roles
from tests.factories import UserFactory, VenueFactory

from .factories import TrainingSessionFactory


@pytest.fixture
def venue(db):
    return VenueFactory(name="历下区分会场")


@pytest.fixture
def other_venue(db):
    return VenueFactory(name="市中区分会场")


@pytest.fixture
def session(venue, other_venue):
    return TrainingSessionFactory(title="全省碳市场动员培训", venues=[venue, other_venue])


@pytest.fixture
def venue_coordinator(venue):
    user = UserFactory(real_name="历下协调员", roles=[roles.COORDINATOR])
    venue.coordinators.add(user)
    return user


@pytest.fixture
def other_coordinator(other_venue):
    user = UserFactory(real_name="市中协调员", roles=[roles.COORDINATOR])
    other_venue.coordinators.add(user)
    return user


@pytest.fixture
def make_trainee(db):
    def make(**kwargs):
        return UserFactory(roles=[roles.TRAINEE], **kwargs)

    return make
