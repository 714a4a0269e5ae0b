"""DirectRouteMixin: the home page routes deep URLs in one query, with Wagtail's answers."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.url_routing import RouteResult

from courses.models import LessonPage, ModulePage
from tests.courses.factories import home_page, lessons_of, make_course

pytestmark = pytest.mark.django_db


def components(page) -> list[str]:
    return [part for part in page.url.split("/") if part]


def route(path_components, home=None):
    request = RequestFactory().get("/")
    return (home or home_page()).route(request, path_components)


def test_deep_url_reaches_the_specific_page_in_one_query(django_assert_num_queries):
    course = make_course(modules=2, lessons_per_module=2)
    other = make_course(modules=2, lessons_per_module=2)  # the same module and lesson slugs under another course
    lesson = lessons_of(course)[3]
    home, parts = home_page(), components(lesson)
    with django_assert_num_queries(2):  # the route table (once per content generation), the lesson's row
        result = route(parts, home)
    assert result.page == lesson
    assert type(result.page) is type(lesson.specific)
    same_slugs = lessons_of(other)[3]
    with django_assert_num_queries(1):  # the table is cached: only the lesson's specific row
        assert route(components(same_slugs), home).page == same_slugs


def test_a_live_page_below_a_draft_is_still_reached_like_wagtails_own_routing():
    course = make_course()
    lesson = lessons_of(course)[0]
    module = lesson.get_parent()
    module.unpublish()  # unpublishing the module alone leaves the lesson live
    lesson.refresh_from_db()
    assert lesson.live
    assert route(components(lesson)).page == lesson
    with pytest.raises(Http404):
        route(components(module))


def test_unknown_slug_at_any_level_is_404():
    lesson = lessons_of(make_course())[0]
    parts = components(lesson)
    for level in range(1, len(parts)):
        broken = [*parts[:level], "missing", *parts[level + 1 :]]
        with pytest.raises(Http404):
            route(broken)
    with pytest.raises(Http404):
        route([*parts, "extra"])


def test_unpublished_page_is_404_like_wagtails_own_routing():
    lesson = lessons_of(make_course())[0]
    lesson.unpublish()
    with pytest.raises(Http404):
        route(components(lesson))


def test_a_page_type_with_its_own_route_gets_the_rest_of_the_path(monkeypatch):
    lesson = lessons_of(make_course())[0]
    parts = components(lesson)
    seen = {}

    def custom_route(self, request, path_components):
        seen["page"], seen["rest"] = self.pk, list(path_components)
        return RouteResult(self, kwargs={"rest": path_components})

    monkeypatch.setattr(ModulePage, "route", custom_route)
    result = route([*parts[:-1], "anything", "here"])
    module = lesson.get_parent()
    assert seen == {"page": module.pk, "rest": ["anything", "here"]}
    assert result.page.pk == module.pk


def test_site_serves_deep_pages_and_404s_through_the_mixin(client):
    lesson = lessons_of(make_course())[0]
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url + "nope/").status_code == 404
    assert client.get(lesson.url.replace("module-1", "module-9")).status_code == 404


def test_the_site_comes_from_the_content_cache_until_a_site_changes(client):
    """A page view does not look its Site up again; renaming the site's host moves it at once."""
    from wagtail.models import Site

    from courses.models import LessonPage

    lesson = lessons_of(make_course())[0]
    client.get(lesson.url)  # the first view fills the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]
    site = Site.objects.get(is_default_site=True)
    site.is_default_site, site.hostname = False, "elsewhere.example"
    site.save()
    assert client.get(lesson.url).status_code == 404  # no site answers "testserver" any more
    assert LessonPage.objects.filter(pk=lesson.pk).exists()


def test_a_page_published_after_the_table_was_built_is_reached_and_a_renamed_one_moves():
    first = make_course()
    route(components(lessons_of(first)[0]))  # the table is built and cached
    second = make_course()  # created and published: the content generation moves on
    assert route(components(lessons_of(second)[0])).page == lessons_of(second)[0]
    lesson = lessons_of(second)[1]
    old = components(lesson)
    lesson.slug = "renamed"
    lesson.save_revision().publish()
    with pytest.raises(Http404):
        route(old)
    assert route(components(LessonPage.objects.get(pk=lesson.pk))).page.pk == lesson.pk
