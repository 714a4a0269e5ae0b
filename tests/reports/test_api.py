"""The JSON API: Wagtail API tokens, scope per token user, pagination, OpenAPI schema and docs."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import APIToken

from accounts import roles
from tests.factories import UserFactory

from .conftest import build_world
from .factories import certified_course, settlement_quiz, take_quiz

pytestmark = pytest.mark.django_db
BASE = "/reports/api"


def bearer(user) -> dict:
    _token, plaintext = APIToken.create_token(user=user, name="其他系统")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def organiser_auth(organiser):
    return bearer(organiser)


def test_token_required(client, world):
    assert client.get(f"{BASE}/sessions").status_code == 401
    assert client.get(f"{BASE}/sessions", HTTP_AUTHORIZATION="Bearer wagtail_nonsense").status_code == 401


def test_session_cookie_is_not_enough(client, organiser, world):
    client.force_login(organiser)
    assert client.get(f"{BASE}/sessions").status_code == 401


def test_revoked_token_refused(client, organiser, world):
    token, plaintext = APIToken.create_token(user=organiser, name="x")
    token.revoke()
    assert client.get(f"{BASE}/sessions", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 401


def test_trainee_token_is_forbidden(client, trainee, world):
    assert client.get(f"{BASE}/sessions", **bearer(trainee)).status_code == 403


def test_sessions_with_totals(client, organiser_auth, world):
    body = client.get(f"{BASE}/sessions", **organiser_auth).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["title"], item["expected"], item["present"], item["late"], item["absent"]) == (
        world.session.title,
        5,
        1,
        1,
        1,
    )
    assert item["attendance_rate"] == pytest.approx(0.4)


def test_attendance_by_venue_and_city(client, organiser_auth, world):
    venues = client.get(f"{BASE}/attendance/venues", {"session": world.session.pk, "city": "370100"}, **organiser_auth)
    by_name = {v["name"]: v for v in venues.json()["items"]}
    assert by_name["历下区分会场"]["present"] == 1 and by_name["历下区分会场"]["county"] == "370102"
    assert by_name["济南市主会场"]["county"] is None
    cities = client.get(f"{BASE}/attendance/cities", **organiser_auth).json()
    assert cities["count"] == 16
    jinan = next(c for c in cities["items"] if c["adcode"] == "370100")
    assert (jinan["name"], jinan["expected"]) == ("济南市", 3)


def test_pagination(client, organiser, db):
    world = build_world(extra_venues=5, trainees_per_extra=1)
    auth = bearer(organiser)
    first = client.get(f"{BASE}/attendance/venues", {"session": world.session.pk, "limit": 3}, **auth).json()
    second = client.get(
        f"{BASE}/attendance/venues", {"session": world.session.pk, "limit": 3, "offset": 3}, **auth
    ).json()
    assert first["count"] == second["count"] == 9
    assert len(first["items"]) == 3
    assert not {v["id"] for v in first["items"]} & {v["id"] for v in second["items"]}
    assert client.get(f"{BASE}/attendance/venues", {"limit": 100000}, **auth).status_code == 400


def test_coordinator_token_is_scoped(client, world):
    auth = bearer(world.coordinator)
    venues = client.get(f"{BASE}/attendance/venues", **auth).json()["items"]
    assert [v["name"] for v in venues] == ["历下区分会场"]
    units = client.get(f"{BASE}/coverage", **auth).json()["items"]
    assert [u["name"] for u in units] == ["历下热电有限公司"]


def test_coverage_and_certificates(client, organiser_auth, world):
    course = certified_course([world.t1])
    quiz = settlement_quiz()
    take_quiz(world.t1, quiz, right=True)
    gaps = client.get(f"{BASE}/coverage", {"gap": "no_attendee"}, **organiser_auth).json()["items"]
    assert "历下热电有限公司" not in {u["name"] for u in gaps}
    unit = next(
        u for u in client.get(f"{BASE}/coverage", **organiser_auth).json()["items"] if u["name"] == "历下热电有限公司"
    )
    assert (unit["attendees"], unit["certified"], unit["settlement_passers"], unit["members"]) == (2, 1, 1, 2)
    assert client.get(f"{BASE}/coverage", {"gap": "bad"}, **organiser_auth).status_code == 400
    assert client.get(f"{BASE}/certificates", {"course": "not-a-uuid"}, **organiser_auth).status_code == 422
    certificates = client.get(f"{BASE}/certificates", {"course": str(course.translation_key)}, **organiser_auth).json()
    assert certificates["count"] == 1
    assert certificates["items"][0]["email"] == world.t1.email and certificates["items"][0]["revoked"] is False


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get(f"{BASE}/openapi.json").json()
    assert {"/reports/api/sessions", "/reports/api/coverage", "/reports/api/certificates"} <= set(schema["paths"])
    assert "BearerTokenAuth" in str(schema["components"]["securitySchemes"])
    docs = client.get(f"{BASE}/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn.jsdelivr" not in html
    assert client.get("/en/reports/api/openapi.json").status_code == 200


def test_organisers_may_create_tokens_in_the_admin():
    organiser = UserFactory(roles=[roles.ORGANISER])
    assert organiser.has_perm("wagtailcore.add_apitoken")
    assert Permission.objects.filter(codename="delete_apitoken", group__name=roles.ORGANISER).exists()


@pytest.mark.parametrize("size", [0, 8])
def test_api_query_count_is_flat(client, organiser, django_assert_max_num_queries, size):
    world = build_world(extra_venues=size, trainees_per_extra=3)
    certified_course([world.t1, *(people[0] for _venue, people in world.extra)])
    auth = bearer(organiser)
    for path in ("/sessions", "/attendance/venues", "/attendance/cities", "/coverage", "/certificates"):
        # token + user, groups, the roll-up or page queries, the last-used stamp
        with django_assert_max_num_queries(API_QUERY_BOUND):
            assert client.get(f"{BASE}{path}", {"limit": 500}, **auth).status_code == 200


API_QUERY_BOUND = 8
