"""The registry and user screens of the Wagtail admin render and save (custom user without username)."""

import pytest
from django.urls import reverse

from accounts.models import Organisation, User
from tests.factories import OrganisationFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_accounts_organisation:list",
        "wagtailsnippets_accounts_organisation:add",
        "wagtailsnippets_accounts_venue:list",
        "wagtailsnippets_accounts_venue:add",
        "wagtailsnippets_accounts_division:list",
        "wagtailusers_users:index",
        "wagtailusers_users:add",
    ],
)
def test_admin_screens_render(admin_client, url_name):
    OrganisationFactory()
    VenueFactory()
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_edit_screens_render(admin_client):
    organisation, venue, user = OrganisationFactory(), VenueFactory(), UserFactory()
    for url in [
        reverse("wagtailsnippets_accounts_organisation:edit", args=[organisation.pk]),
        reverse("wagtailsnippets_accounts_venue:edit", args=[venue.pk]),
        reverse("wagtailusers_users:edit", args=[user.pk]),
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_organisation_created_in_admin_validates_credit_code(admin_client):
    url = reverse("wagtailsnippets_accounts_organisation:add")
    data = {"name": "新单位", "credit_code": "91350100M000100Y44", "kind": "key_emitter", "industry": "power"}
    response = admin_client.post(url, data)
    assert response.status_code == 200  # form redisplayed with the error
    assert not Organisation.objects.filter(name="新单位").exists()
    data["credit_code"] = "91350100m000100y43"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert Organisation.objects.get(name="新单位").credit_code == "91350100M000100Y43"


def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "Admin.Made@example.org",
            "first_name": "管",
            "last_name": "理",
            "password1": "Admin-made-2021x",
            "password2": "Admin-made-2021x",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.filter(email="admin.made@example.org").exists()
