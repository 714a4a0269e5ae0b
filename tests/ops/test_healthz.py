"""/healthz: what a load balancer's health check sees from one app server."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["training.example.gov.cn"])
def test_plain_http_check_from_any_host_gets_ok_without_cookies(client):
    # The checker speaks plain HTTP to the server's private address: no redirect, no 400 for the host.
    response = client.get("/healthz", HTTP_HOST="10.0.0.11:8000")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert response["Cache-Control"] == "no-store"


def test_head_and_trailing_slash(client):
    assert client.head("/healthz").status_code == 200
    assert client.get("/healthz/").content == b"ok\n"


@override_settings(REDIS_URL=CLOSED_PORT_REDIS)
def test_unreachable_redis_answers_503_naming_it(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content.decode() == "redis: unavailable\n"
    assert not response.cookies


def test_post_is_not_a_health_check(client):
    # Only GET/HEAD are answered early; anything else goes through the normal stack (CSRF here).
    assert client.post("/healthz").status_code != 200
