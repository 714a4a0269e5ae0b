"""Shared markup ({% shared_fragment %}) is rendered once, yet each reader gets their own links and token."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from home.templatetags.fragments import CSRF_PLACEHOLDER
from tests.courses.factories import make_course

pytestmark = pytest.mark.django_db


def sign_out_token(html: str) -> str:
    form = html[html.index(reverse("account_logout")) :]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)


def test_each_reader_gets_their_own_csrf_token_in_the_shared_header(trainee, coordinator):
    course = make_course()
    clients = {}
    for person in (trainee, coordinator):
        clients[person.pk] = Client(enforce_csrf_checks=True)
        clients[person.pk].force_login(person)
    tokens = {pk: sign_out_token(client.get(course.url).content.decode()) for pk, client in clients.items()}
    assert CSRF_PLACEHOLDER not in "".join(tokens.values())
    assert tokens[trainee.pk] != tokens[coordinator.pk]
    # The token works: signing out with it is accepted, and the trainee is signed out.
    response = clients[trainee.pk].post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[trainee.pk]})
    assert response.status_code == 302
    assert "csrfmiddlewaretoken" not in clients[trainee.pk].get(course.url).content.decode()


def test_the_header_follows_the_reader_not_whoever_read_first(client, trainee, coordinator):
    course = make_course()
    rosters = reverse("attendance:roster_home")
    client.force_login(coordinator)
    assert rosters in client.get(course.url).content.decode()
    client.force_login(trainee)
    html = client.get(course.url).content.decode()
    assert rosters not in html and reverse("courses:my_learning") in html
    client.logout()
    html = client.get(course.url).content.decode()
    assert reverse("account_login") in html and reverse("courses:my_learning") not in html


def test_the_language_switcher_never_shares_a_query_string(client):
    course = make_course()
    first = client.get(course.url + "?secret=1").content.decode()
    assert "secret=1" in first  # no translation: the switcher links this very URL in English
    assert "secret=1" not in client.get(course.url).content.decode()
