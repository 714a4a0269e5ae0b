import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles

pytestmark = pytest.mark.django_db


def test_data_migration_creates_the_four_roles_with_permissions():
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.TRAINEE, roles.INSTRUCTOR, roles.COORDINATOR, roles.ORGANISER} <= names
    for role, perms in roles.ROLE_PERMISSIONS.items():
        granted = {
            f"{app}.{code}"
            for app, code in Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename")
        }
        assert set(perms) <= granted, role


def test_anonymous_is_sent_to_login_for_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_trainee_cannot_enter_admin(client, trainee):
    client.force_login(trainee)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("who", ["instructor", "organiser", "coordinator"])
def test_staff_roles_enter_admin(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/admin/").status_code == 200


def test_organiser_manages_organisations_instructor_does_not(client, organiser, instructor):
    url = reverse("wagtailsnippets_accounts_organisation:list")
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    client.force_login(instructor)
    assert client.get(url).status_code in (302, 403)


def test_organisation_admin_search_and_filter(client, organiser):
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="华电青岛发电有限公司", industry="power")
    OrganisationFactory(name="鲁北化工有限公司", industry="chemical")
    client.force_login(organiser)
    url = reverse("wagtailsnippets_accounts_organisation:list")
    html = client.get(url, {"q": "青岛"}).content.decode()
    assert "华电青岛发电有限公司" in html and "鲁北化工有限公司" not in html
    html = client.get(url, {"industry": "chemical"}).content.decode()
    assert "鲁北化工有限公司" in html and "华电青岛发电有限公司" not in html


def test_has_role_is_false_for_anonymous():
    from django.contrib.auth.models import AnonymousUser

    assert not roles.has_role(AnonymousUser(), roles.TRAINEE)


def test_the_headers_one_statement_agrees_with_djangos_own_permission_check():
    """accounts.roles reads three permissions in SQL for speed; Django's backend must say the same."""
    from django.contrib.auth.models import Permission

    from accounts.models import User
    from tests.factories import UserFactory

    direct = UserFactory()  # no group: the permission is granted to the person
    direct.user_permissions.add(Permission.objects.get(codename="access_admin"))
    people = [
        *(UserFactory(roles=[role]) for role in (roles.TRAINEE, roles.INSTRUCTOR, roles.COORDINATOR, roles.ORGANISER)),
        UserFactory(roles=[roles.COORDINATOR, roles.INSTRUCTOR]),
        UserFactory(roles=[roles.ORGANISER], is_active=False),
        UserFactory(is_superuser=True),
        direct,
    ]
    seen = set()
    for person in people:
        fresh = User.objects.get(pk=person.pk)  # no permission cache of either kind yet
        ours = (roles.can_open_admin(fresh), roles.manages_all_venues(fresh), roles.coordinates_venues(fresh))
        asked = (roles.ACCESS_ADMIN, roles.MANAGE_ALL_VENUES, roles.COORDINATE_VENUES)
        djangos = tuple(User.objects.get(pk=person.pk).has_perm(perm) for perm in asked)
        assert ours == djangos, person
        seen.add(ours)
    assert len(seen) >= 4  # the people really differ: the comparison is not between empty sets
