import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_inline_scripts_on_public_pages_carry_the_nonce(client):
    import re

    response = client.get("/accounts/signup/")
    html = response.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag or 'type="application/json"' in tag, tag
