"""config.content_cache: values kept per content generation, in memory and in the shared cache."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from config import content_cache
from tests.courses.factories import lessons_of, make_course


def test_remember_builds_once_per_generation():
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    assert content_cache.remember("t", ("a",), build) == {"n": 1}
    assert content_cache.remember("t", ("a",), build) == {"n": 1}
    content_cache.forget_recent()  # another process: no copy in memory, the shared cache has it
    assert content_cache.remember("t", ("a",), build) == {"n": 1}
    content_cache.content_changed()
    assert content_cache.remember("t", ("a",), build) == {"n": 2}
    assert len(built) == 2


def test_remember_each_builds_only_the_missing_ids_once_per_generation():
    asked = []

    def build(ids):
        asked.append(sorted(ids))
        return {i: f"v{i}" for i in ids if i != 3}  # no value for 3: never cached, asked again

    assert content_cache.remember_each("t", [1, 2, 3], build) == {1: "v1", 2: "v2"}
    assert content_cache.remember_each("t", [2, 4], build) == {2: "v2", 4: "v4"}
    content_cache.forget_recent()  # another process: the shared cache has them
    assert content_cache.remember_each("t", [1, 2, 3, 4], build) == {1: "v1", 2: "v2", 4: "v4"}
    content_cache.content_changed()
    assert content_cache.remember_each("t", [1], build) == {1: "v1"}
    assert asked == [[1, 2, 3], [4], [3], [1]]


def test_another_process_bump_is_seen_after_the_recheck_interval(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(content_cache.time, "monotonic", lambda: clock[0])
    before = content_cache.current_generation()
    cache.incr(content_cache.GENERATION_KEY)  # as another worker publishing a page would
    assert content_cache.current_generation() == before
    clock[0] += content_cache.GENERATION_RECHECK_SECONDS
    assert content_cache.current_generation() == before + 1


def test_generation_starts_from_the_clock_after_the_cache_is_emptied():
    """After a Redis flush, no new generation may repeat one a worker still holds values under."""
    for _ in range(3):
        content_cache.content_changed()
    held = content_cache.current_generation()
    cache.clear()
    content_cache.forget_recent()
    assert content_cache.current_generation() > held


@pytest.mark.django_db
def test_a_new_privacy_setting_changes_the_generation():
    lesson = lessons_of(make_course())[0]
    before = content_cache.current_generation()
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    assert content_cache.current_generation() > before


@pytest.mark.django_db
def test_privacy_is_read_from_the_cache_and_a_new_restriction_applies_at_once(client):
    """An open lesson's view asks nothing about privacy; restricting its course closes it on the next view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course = make_course()
    lesson = lessons_of(course)[0]
    assert client.get(lesson.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(lesson.url)
    assert response.status_code == 302 and "login" in response["Location"]
