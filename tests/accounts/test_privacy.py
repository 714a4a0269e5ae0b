import json

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_download_my_data_is_my_own_json(client):
    me = UserFactory(real_name="周学员", phone="13912345678", roles=[roles.TRAINEE])
    UserFactory(real_name="别人")
    client.force_login(me)
    response = client.get(reverse("accounts:download_data"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["real_name"] == "周学员"
    assert data["profile"]["phone"] == "13912345678"
    assert data["profile"]["roles"] == [roles.TRAINEE]
    assert "别人" not in response.content.decode()


def test_download_requires_login(client):
    response = client.get(reverse("accounts:download_data"))
    assert response.status_code == 302


def test_closing_the_account_anonymises_but_keeps_the_row(client):
    me = UserFactory(email="leaving@example.org", real_name="吴学员", phone="13912345678", roles=[roles.TRAINEE])
    organisation_id = me.organisation_id
    client.force_login(me)
    assert client.post(reverse("accounts:delete"), {}).status_code == 200  # confirmation required
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302
    me.refresh_from_db()
    assert (me.real_name, me.phone, me.is_active) == ("", "", False)
    assert "leaving" not in me.email and me.anonymised_at is not None
    assert me.organisation_id == organisation_id  # statistics per organisation stay right
    assert not me.groups.exists()
    assert User.objects.filter(pk=me.pk).exists()
    client.post(reverse("account_login"), {"login": "leaving@example.org", "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_privacy_notice_is_public(client):
    response = client.get(reverse("accounts:privacy"))
    assert response.status_code == 200
    assert "隐私声明" in response.content.decode()
