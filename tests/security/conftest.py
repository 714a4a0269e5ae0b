import pytest
from django.db import transaction

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The data set, built once per module inside a transaction that is rolled back at the end.

    Each test still runs in its own savepoint (pytest-django's ``db``), so a test that posts
    (marks a roster, submits an attempt) never changes what the next test sees.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def w(world, db):
    """The module's data set inside this test's savepoint."""
    return world
