import pytest
from wagtail.models import Locale

from home.demo import build_home_pages
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_chinese_home_page_is_served_at_root(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "近期培训场次" in html  # "Upcoming training sessions"
    assert 'href="/en/"' in html  # switcher leads to the English translation


def test_english_translation_and_switcher(client):
    build_home_pages()
    english = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    assert english.live
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Upcoming training sessions" in html
    assert "Carbon Market Capacity-Building Training" in html
    assert 'href="/"' in html  # back to Chinese


def test_signed_in_user_sees_my_learning(client, trainee):
    client.force_login(trainee)
    html = client.get("/").content.decode()
    assert "我的学习" in html
    assert "退出登录" in html


def test_anonymous_sees_sign_up_call_to_action(client):
    html = client.get("/").content.decode()
    assert "/accounts/signup/" in html
    assert "我的学习" not in html


def test_account_pages_switch_language(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="/accounts/login/"' in html


def test_header_links_follow_the_role(client, trainee, coordinator):
    client.force_login(trainee)
    html = client.get("/").content.decode()
    assert "/learning/" in html and "/attendance/check-in/" in html
    assert "/attendance/roster/" not in html
    client.force_login(coordinator)
    assert "/attendance/roster/" in client.get("/").content.decode()
