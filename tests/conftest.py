import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from accounts import roles
from attendance import checkin
from config import content_cache
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached lookups live in the cache; no test sees another's."""
    cache.clear()
    content_cache.forget_recent()
    checkin.forget_recent_sessions()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request to /en/ leaves English active in
    the thread, and reverse() outside a request would otherwise build /en/ URLs in the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def trainee(db):
    return UserFactory(roles=[roles.TRAINEE])


@pytest.fixture
def instructor(db):
    return UserFactory(roles=[roles.INSTRUCTOR])


@pytest.fixture
def coordinator(db):
    return UserFactory(roles=[roles.COORDINATOR])


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[roles.ORGANISER])
