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


@pytest.mark.parametrize("path", ["/does-not-exist/", "/en/nope/", "/accounts/profile/x/"])
def test_unknown_paths_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/learning/certificates/a%00b.pdf", "/learning/verify/?code=a%00b", "/reports/api/attendance/venues?city=37%000"],
)
def test_nul_bytes_in_the_address_are_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(
    "url", ["/learning/courses/1234567890123456789012345/enrol/", "/learning/lessons/99999999999999999999999/complete/"]
)
def test_overlong_ids_are_a_404(client, trainee, url):
    client.force_login(trainee)
    assert client.post(url).status_code == 404
