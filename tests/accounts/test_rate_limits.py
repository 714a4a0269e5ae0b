"""A sub-venue's trainees share one public IP; password guessing is limited per account."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
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
    assert response.status_code in (200, 429)
    # ... while a colleague at the same venue still signs in.
    assert login(client, neighbour.email, TEST_PASSWORD)
