"""The menu and the language switcher are cached, and follow publishing at once."""

import pytest
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage
from tests.courses.factories import home_page, make_course

pytestmark = pytest.mark.django_db


def menu_html(client, path="/") -> str:
    html = client.get(path).content.decode()
    return html[html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))]


def test_menu_follows_publish_and_unpublish(client):
    home = home_page()
    assert "培训通知" not in menu_html(client)
    page = home.add_child(instance=CourseIndexPage(title="培训通知", slug="notices", show_in_menus=True, live=False))
    page.save_revision().publish()
    assert "培训通知" in menu_html(client)
    page.refresh_from_db()
    page.unpublish()
    assert "培训通知" not in menu_html(client)


def test_language_switcher_follows_a_new_translation(client):
    course = make_course()
    html = client.get(course.url).content.decode()
    assert 'hreflang="en"' in html and "english-course" not in html  # no translation yet: /en/ + this path
    english = course.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.slug = "english-course"
    english.save_revision().publish()
    english = CoursePage.objects.get(pk=english.pk)
    assert english.url.endswith("/english-course/")
    html = client.get(course.url).content.decode()
    assert f'href="{english.url}"' in html
