"""Bad input gets a 4xx, never a 500."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(MAX_REQUEST_BODY_BYTES=1024)
def test_oversized_body_is_refused_before_reading(client):
    response = client.post(reverse("account_login"), {"login": "x" * 5000, "password": "y"})
    assert response.status_code == 413


def test_too_many_form_fields_is_a_400(client):
    fields = {f"f{i}": "1" for i in range(2500)}
    response = client.post(reverse("account_login"), fields)
    assert response.status_code == 400


def test_garbage_content_length_is_a_400(client):
    response = client.generic("POST", reverse("account_login"), b"", CONTENT_LENGTH="abc")
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/does-not-exist/", "/en/nope/", "/accounts/profile/%00/"])
def test_unknown_paths_are_404(client, path):
    assert client.get(path).status_code == 404
