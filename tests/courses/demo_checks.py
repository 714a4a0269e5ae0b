from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.reading_time import lesson_minutes


def demo_counts():
    return [Page.objects.count(), get_document_model().objects.count(), GroupPagePermission.objects.count()]


def check_demo_courses_in_both_languages(client):
    """Called by tests/test_demo.py after setup_demo ran (twice): one demo run serves every app's checks."""
    for slug in ("trading-rules", "settlement-compliance", "ccer-offsets"):
        zh = CoursePage.objects.get(import_source=slug, locale__language_code="zh-hans")
        en = CoursePage.objects.get(import_source=slug, locale__language_code="en")
        assert zh.live and en.live and zh.translation_key == en.translation_key
        assert ModulePage.objects.child_of(zh).live().count() >= 4
        assert ModulePage.objects.child_of(en).live().count() >= 4
        lessons = LessonPage.objects.descendant_of(en).live()
        assert lessons.count() >= 6
        block_types = {block.block_type for lesson in lessons for block in lesson.body}
        assert "document" in block_types
        assert zh.instructors.filter(email="instructor@example.org").exists()
        for lesson in LessonPage.objects.descendant_of(zh).live() | lessons:
            # Reading time is computed from the text: several minutes for a lesson of substance.
            assert lesson.estimated_minutes == lesson_minutes(lesson.body) >= 2, lesson.title
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

    # The lesson embedding the calculator walks through a capped first-cycle example, in both languages.
    capped = LessonPage.objects.get(
        url_path__endswith="/settlement-compliance/module-3/lesson-3-1/", locale__language_code="zh-hans"
    )
    for page in (capped, capped.get_translation(en.locale)):
        html = client.get(page.url).content.decode()
        assert "950,000" in html and "47,500" in html and "152,500" in html
        assert any(block.block_type == "calculator" for block in page.body)
