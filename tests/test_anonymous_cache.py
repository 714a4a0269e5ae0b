import pytest
from django.test import override_settings

from home.models import HomePage

pytestmark = pytest.mark.django_db


@override_settings(ANONYMOUS_PAGE_CACHE_SECONDS=60)
def test_anonymous_home_page_is_cached_until_a_page_is_published(client):
    first = client.get("/")
    assert first["X-Cache"] == "miss"
    second = client.get("/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]

    home = HomePage.objects.get(locale__language_code="zh-hans")
    home.title = "新的首页标题"
    home.save_revision().publish()
    third = client.get("/")
    assert third["X-Cache"] == "miss"
    assert "新的首页标题" in third.content.decode()


@override_settings(ANONYMOUS_PAGE_CACHE_SECONDS=60)
def test_signed_in_users_never_get_the_shared_copy(client, trainee):
    client.get("/")
    client.force_login(trainee)
    response = client.get("/")
    assert "X-Cache" not in response
    assert "我的学习" in response.content.decode()


@override_settings(ANONYMOUS_PAGE_CACHE_SECONDS=60)
def test_pages_that_set_a_cookie_are_not_cached(client):
    client.get("/accounts/login/")
    response = client.get("/accounts/login/")
    assert response.get("X-Cache") != "hit"
    assert "csrftoken" in response.cookies or "csrftoken" in client.cookies


def test_cache_is_off_by_default(client):
    client.get("/")
    assert "X-Cache" not in client.get("/")
