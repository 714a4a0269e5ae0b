"""One access policy: accounts.access.VenueScope is the only place that decides which venues a user manages."""

import importlib.util
import pathlib
import re

import pytest
from django.urls import reverse

from accounts import roles
from accounts.access import VenueScope
from attendance import services
from tests.attendance.factories import TrainingSessionFactory
from tests.factories import UserFactory, VenueFactory

pytestmark = pytest.mark.django_db
ROOT = pathlib.Path(__file__).resolve().parents[2]
PRODUCTION = [
    p
    for app in ("accounts", "attendance", "courses", "quizzes", "reports", "home", "config")
    for p in (ROOT / app).rglob("*.py")
    if "migrations" not in p.parts
]


@pytest.fixture
def venues():
    return VenueFactory(name="历下区分会场"), VenueFactory(name="市中区分会场")


def test_inactive_coordinators_and_organisers_manage_nothing(venues):
    coordinator = UserFactory(roles=[roles.COORDINATOR])
    venues[0].coordinators.add(coordinator)
    organiser = UserFactory(roles=[roles.ORGANISER])
    assert VenueScope.for_user(coordinator).venue_ids == {venues[0].pk}
    assert VenueScope.for_user(organiser).all_venues
    for user in (coordinator, organiser):
        user.is_active = False
        user.save()
        user = type(user).objects.get(pk=user.pk)  # a fresh object, as a request would load it
        scope = VenueScope.for_user(user)
        assert not scope.is_manager and not scope.all_venues and not scope.can_manage(venues[0])
        assert scope.venue_ids == frozenset() and not scope.venues().exists()


def test_coordinators_without_the_role_manage_nothing_even_if_listed_on_a_venue(venues):
    """Roles are decided by permission: a name left on Venue.coordinators grants nothing."""
    former = UserFactory(roles=[roles.TRAINEE])
    venues[0].coordinators.add(former)
    assert not VenueScope.for_user(former).is_manager


def test_roster_reports_and_menus_agree_with_the_scope(client, venues):
    coordinator = UserFactory(roles=[roles.COORDINATOR], organisation=None)
    venues[0].coordinators.add(coordinator)
    session = TrainingSessionFactory(venues=list(venues))
    client.force_login(coordinator)
    scope = VenueScope.for_user(coordinator)
    listed = {link.venue_id for link in client.get(reverse("attendance:roster_home")).context["page_obj"]}
    assert listed == set(scope.venue_ids) == {venues[0].pk}
    assert client.get(reverse("attendance:roster", args=[session.pk, venues[1].pk])).status_code == 404
    overview = client.get(reverse("reports_admin:overview"))
    assert overview.status_code == 200 and overview.context["scope"].venue_ids == scope.venue_ids
    home = client.get("/").content.decode()
    assert reverse("attendance:roster_home") in home
    coordinator.groups.clear()
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    client.force_login(coordinator)
    assert client.get(reverse("attendance:roster_home")).status_code == 403
    assert reverse("attendance:roster_home") not in client.get("/").content.decode()


def test_the_old_scope_functions_are_gone():
    for name in (
        "managed_venues",
        "managed_session_venues",
        "managed_records",
        "manages_all_venues",
        "may_run_attendance",
    ):
        assert not hasattr(services, name), name
    assert importlib.util.find_spec("reports.scope") is None
    # Nothing but accounts/access.py reads Venue.coordinators, and no access decision asks group names.
    for path in PRODUCTION:
        text = path.read_text(encoding="utf-8")
        if path.name not in ("access.py", "roles.py", "demo.py"):  # demo data builds venues, decides nothing
            assert not re.search(r"coordinators\s*=\s*(?!models\.)\w|has_role\(", text), path
