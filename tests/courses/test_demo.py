import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def test_demo_courses_in_both_languages_idempotent(client):
    call_command("setup_demo", verbosity=0)
    counts = (Page.objects.count(), get_document_model().objects.count(), GroupPagePermission.objects.count())
    call_command("setup_demo", verbosity=0)
    assert (Page.objects.count(), get_document_model().objects.count(), GroupPagePermission.objects.count()) == counts

    for slug in ("trading-rules", "settlement-compliance", "ccer-offsets"):
        zh = CoursePage.objects.get(import_source=slug, locale__language_code="zh-hans")
        en = CoursePage.objects.get(import_source=slug, locale__language_code="en")
        assert zh.live and en.live and zh.translation_key == en.translation_key
        assert ModulePage.objects.child_of(zh).live().count() >= 3
        lessons = LessonPage.objects.descendant_of(en).live()
        assert lessons.count() >= 6
        block_types = {block.block_type for lesson in lessons for block in lesson.body}
        assert "document" in block_types
        assert zh.instructors.filter(email="instructor@example.org").exists()
    assert {"calculator"} <= {
        b.block_type for lesson in LessonPage.objects.filter(locale__language_code="zh-hans") for b in lesson.body
    }
    assert WorkflowPage.objects.filter(page__in=CourseIndexPage.objects.all()).count() == 2

    # the language switcher on a lesson leads to its English translation
    lesson = LessonPage.objects.get(
        url_path__endswith="/ccer-offsets/module-2/lesson-2-2/", locale__language_code="zh-hans"
    )
    english = lesson.get_translation(en.locale)
    html = client.get(lesson.url).content.decode()
    assert f'href="{english.url}"' in html
    assert "20,000" in html  # the worked example's shortfall
    english_html = client.get(english.url).content.decode()
    assert "The worked example" in english_html and f'href="{lesson.url}"' in english_html
