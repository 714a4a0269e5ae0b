import pytest
from django.core import mail
from django.urls import reverse

from accounts import roles
from accounts.models import User
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db


def signup_data(org, **overrides):
    data = {
        "email": "new.trainee@example.org",
        "password1": "Carbon-Market-2021",
        "password2": "Carbon-Market-2021",
        "real_name": "钱学员",
        "organisation": org.pk,
        "job_title": "能源管理专员",
        "phone": "13812345678",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_signup_page_lists_organisations(client):
    organisation = OrganisationFactory(name="华能济南黄台热电有限公司")
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    html = response.content.decode()
    assert organisation.name in html
    assert 'data-filterable="true"' in html
    assert '<html lang="zh-hans">' in html


def test_signup_creates_trainee_with_profile(client):
    organisation = OrganisationFactory()
    venue = VenueFactory()
    response = client.post(reverse("account_signup"), signup_data(organisation, default_venue=venue.pk))
    assert response.status_code == 302
    user = User.objects.get(email="new.trainee@example.org")
    assert (user.real_name, user.organisation, user.job_title, user.default_venue) == (
        "钱学员",
        organisation,
        "能源管理专员",
        venue,
    )
    assert roles.has_role(user, roles.TRAINEE)
    assert not roles.has_role(user, roles.ORGANISER)
    # Signed in straight away.
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_signup_with_bad_phone_shows_error_and_creates_nobody(client):
    organisation = OrganisationFactory()
    response = client.post(reverse("account_signup"), signup_data(organisation, phone="12345"))
    assert response.status_code == 200
    assert "11 位手机号码" in response.content.decode()
    assert not User.objects.filter(email="new.trainee@example.org").exists()


def test_signup_requires_consent_and_records_it(client):
    organisation = OrganisationFactory()
    data = signup_data(organisation)
    del data["consent"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert not User.objects.exists()
    client.post(reverse("account_signup"), signup_data(organisation))
    assert User.objects.get().consented_at is not None


def test_signup_requires_an_organisation(client):
    organisation = OrganisationFactory()
    response = client.post(reverse("account_signup"), signup_data(organisation, organisation=""))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_login_by_email_and_logout(client):
    user = UserFactory(email="Login.Me@example.org")
    response = client.post(reverse("account_login"), {"login": "login.me@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused(client):
    UserFactory(email="someone@example.org")
    response = client.post(reverse("account_login"), {"login": "someone@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": "New-Pass-for-2022", "password2": "New-Pass-for-2022"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("New-Pass-for-2022")


def test_password_reset_sends_a_link_that_works(client):
    user = UserFactory(email="forgot@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "forgot@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/key/" in line).strip()
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": "Reset-Pass-2022x", "password2": "Reset-Pass-2022x"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Reset-Pass-2022x")


def test_profile_update_validates_phone(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("accounts:profile")
    bad = client.post(url, {"real_name": "新名字", "phone": "abc", "organisation": user.organisation_id})
    assert bad.status_code == 200
    user.refresh_from_db()
    assert user.real_name != "新名字"
    good = client.post(url, {"real_name": "新名字", "phone": "0531-86012345", "organisation": user.organisation_id})
    assert good.status_code == 302
    user.refresh_from_db()
    assert (user.real_name, user.phone) == ("新名字", "0531-86012345")


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
