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
