"""A sub-venue's trainees share one public IP; password guessing is limited per account."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_again_afterwards():
    """Requests to /en/ leave English active in this thread; later tests reverse() Chinese URLs."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


VENUE_IP = "203.0.113.7"


def login(client, email, password):
    client.logout()
    client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=VENUE_IP)
    return "_auth_user_id" in client.session


def test_a_whole_venue_signs_in_from_one_ip(client):
    # allauth's default allows 30 logins a minute per IP; a venue has 60 trainees.
    users = UserFactory.create_batch(60)
    signed_in = [login(client, user.email, TEST_PASSWORD) for user in users]
    assert all(signed_in)


def test_a_few_typos_at_a_venue_do_not_lock_out_the_others(client):
    users = UserFactory.create_batch(20)
    for user in users:  # everyone mistypes once (20 failures from one IP in a minute)
        assert not login(client, user.email, "typo")
    assert all(login(client, user.email, TEST_PASSWORD) for user in users)


def test_failed_logins_lock_the_account_not_the_venue(client):
    target, neighbour = UserFactory(), UserFactory()
    for _attempt in range(5):
        assert not login(client, target.email, "guess")
    # The sixth try is refused even with the right password ...
    assert not login(client, target.email, TEST_PASSWORD)
    response = client.post(
        reverse("account_login"), {"login": target.email, "password": TEST_PASSWORD}, REMOTE_ADDR=VENUE_IP
    )
    assert response.status_code == 429
    # ... while a colleague at the same venue still signs in.
    assert login(client, neighbour.email, TEST_PASSWORD)


def test_the_throttled_login_answers_429_and_says_why_in_the_readers_language(client):
    target = UserFactory()
    for _attempt in range(5):
        assert not login(client, target.email, "guess")
    response = client.post(reverse("account_login"), {"login": target.email, "password": "guess"}, REMOTE_ADDR=VENUE_IP)
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "登录失败次数过多" in response.content.decode()
    english = client.post("/en/accounts/login/", {"login": target.email, "password": "guess"}, REMOTE_ADDR=VENUE_IP)
    assert english.status_code == 429
    assert "Too many failed login attempts. Try again later." in english.content.decode()


def test_an_ordinary_wrong_password_is_still_a_200_form_error(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "typo"}, REMOTE_ADDR=VENUE_IP)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_allauths_own_429_page_is_ours_and_translated(client):
    user = UserFactory()
    url = "/accounts/password/reset/"  # the Chinese page, whatever language an earlier test left active
    statuses = [client.post(url, {"email": user.email}, REMOTE_ADDR=VENUE_IP).status_code for _attempt in range(4)]
    assert statuses[-1] == 429  # "reset_password": 3 a minute per address asked for
    response = client.post(url, {"email": user.email}, REMOTE_ADDR=VENUE_IP)
    assert "请求过于频繁" in response.content.decode()
