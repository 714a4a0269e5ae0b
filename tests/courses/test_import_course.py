from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from courses.importer import ImportErrors, import_course_file, parse_course
from courses.models import CoursePage, LessonPage, ModulePage
from home.demo import build_home_pages

from .factories import course_index, home_page

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example_course.md"


@pytest.fixture
def english_index(db):
    build_home_pages()
    course_index()
    return course_index(home_page("en"))


def test_example_course_imports_as_a_draft(english_index):
    result = import_course_file(EXAMPLE)
    course = result.course
    assert isinstance(course, CoursePage) and not course.live
    assert course.get_parent().pk == english_index.pk
    assert course.estimated_hours == 1.5
    assert "Apply the 5% CCER cap" in course.learning_outcomes
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    assert [m.title for m in modules] == ["Module 1: what must be surrendered", "Module 2: deadlines"]
    assert modules[0].summary == "The rule behind every settlement."
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    assert [lesson.title for lesson in lessons] == ["Allowances due", "The 5% CCER cap", "First-cycle dates"]
    assert [lesson.estimated_minutes for lesson in lessons] == [1, 1, 1]  # short lessons: computed, not typed
    assert lessons[2].is_required is False
    assert [b.block_type for b in lessons[0].body] == ["markdown", "callout", "image"]
    assert [b.block_type for b in lessons[1].body] == ["markdown", "calculator", "glossary_term"]
    calculator = lessons[1].body[1].value
    assert (calculator["verified_emissions"], calculator["ccer_held"], calculator["title"]) == (
        1_000_000,
        80_000,
        "Try it yourself",
    )
    assert "```text" in lessons[1].body[0].value  # fenced code stays inside the Markdown
    assert [b.block_type for b in lessons[2].body] == ["callout", "document"]
    assert result.created == 6 and result.updated == 0


def test_reimport_updates_and_never_duplicates(english_index, tmp_path):
    import_course_file(EXAMPLE)
    counts = (Page.objects.count(), get_image_model().objects.count(), get_document_model().objects.count())
    changed = tmp_path / "course.md"
    text = EXAMPLE.read_text(encoding="utf-8").replace("one allowance for every tonne", "ONE allowance per tonne")
    changed.write_text(text.replace("../courses/", str(ROOT / "courses") + "/"), encoding="utf-8")
    result = import_course_file(changed)
    assert (Page.objects.count(), get_image_model().objects.count(), get_document_model().objects.count()) == counts
    assert result.created == 0 and result.updated == 6
    lesson = LessonPage.objects.get(title="Allowances due")
    assert "ONE allowance per tonne" in lesson.get_latest_revision_as_object().body[0].value


def test_publish_option_publishes_the_tree(english_index, client):
    call_command("import_course", str(EXAMPLE), "--publish", stdout=open("/dev/null", "w"))  # noqa: SIM115
    course = CoursePage.objects.get(import_source="example-settlement")
    assert course.live
    assert all(page.live for page in Page.objects.descendant_of(course))
    html = client.get(LessonPage.objects.get(title="The 5% CCER cap").url).content.decode()
    assert "Try it yourself" in html


MALFORMED = """---
title: Broken
slug: broken
summary: A file with mistakes.
---

Stray text.

## Lesson before any module

# Module one

## Lesson one {minutes=abc}

:::calculator 1 2
:::

:::note
never closed
"""


def test_malformed_file_reports_every_error_with_its_line_and_changes_nothing(english_index, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(MALFORMED, encoding="utf-8")
    pages, revisions = Page.objects.count(), Revision.objects.count()
    with pytest.raises(ImportErrors) as excinfo:
        import_course_file(bad)
    lines = {line for line, _message in excinfo.value.errors}
    assert {7, 9, 13, 15, 18} <= lines
    messages = " ".join(message for _line, message in excinfo.value.errors)
    assert "three whole numbers" in messages and "not closed" in messages and "minutes" in messages
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("# Module\n## Lesson\ntext\n", 1, "front matter"),
        ("---\ntitle: T\nslug: t\n---\n# M\n## L\ntext\n", 1, "'summary'"),
        ("---\ntitle: T\nslug: t\nsummary: s\ncolour: red\n---\n# M\n## L\ntext\n", 5, "Unknown front-matter"),
        ("---\ntitle: T\nslug: t\nsummary: s\n---\n# M\n", 6, "no lessons"),
        ("---\ntitle: T\nslug: t\nsummary: s\n---\n# M\n## L\n```\ncode\n", 8, "fenced code"),
        ("---\ntitle: T\nslug: t\nsummary: s\n---\n# M\n## L\n:::spoiler\nx\n:::\n", 8, "Unknown block"),
        ("---\ntitle: T\nslug: t\nsummary: s\n---\n# M\n## L {slug=a}\nx\n## L2 {slug=a}\ny\n", 9, "Duplicate"),
    ],
)
def test_parse_errors(text, line, fragment):
    with pytest.raises(ImportErrors) as excinfo:
        parse_course(text)
    assert any(number == line and fragment in message for number, message in excinfo.value.errors), excinfo.value.errors


def test_missing_asset_is_an_error_before_any_change(english_index, tmp_path):
    md = tmp_path / "c.md"
    md.write_text("---\ntitle: T\nslug: t\nsummary: s\nlocale: en\n---\n# M\n## L\n![x](missing.png)\n")
    with pytest.raises(ImportErrors) as excinfo:
        import_course_file(md)
    assert excinfo.value.errors == [(9, "File not found: missing.png")]
    assert not CoursePage.objects.exists()


def test_command_prints_errors_with_file_and_line(english_index, tmp_path):
    md = tmp_path / "c.md"
    md.write_text("---\ntitle: T\nslug: t\nsummary: s\n---\n## Orphan lesson\ntext\n")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_course", str(md))
    assert f"{md}:6:" in str(excinfo.value)


def test_translation_import_links_pages_as_translations(english_index, tmp_path):
    zh = tmp_path / "zh.md"
    zh.write_text(
        "---\ntitle: 配额清缴\nslug: settle\nsummary: 简介\n---\n# 第一单元\n## 应清缴配额\n正文一\n## 抵销\n正文二\n",
        encoding="utf-8",
    )
    en = tmp_path / "en.md"
    en.write_text(
        "---\ntitle: Settlement\nslug: settle\nsummary: Intro\nlocale: en\ntranslation_of: settle\n---\n"
        "# Module one\n## Allowances due\nText one\n## Offsets\nText two\n",
        encoding="utf-8",
    )
    source = import_course_file(zh).course
    translated = import_course_file(en).course
    assert translated.translation_key == source.translation_key
    assert translated.locale.language_code == "en"
    zh_lessons = list(LessonPage.objects.descendant_of(source).order_by("path"))
    en_lessons = list(LessonPage.objects.descendant_of(translated).order_by("path"))
    assert [p.translation_key for p in zh_lessons] == [p.translation_key for p in en_lessons]
    assert en_lessons[1].get_latest_revision_as_object().title == "Offsets"
    # re-importing the translation updates it in place
    import_course_file(en)
    assert CoursePage.objects.filter(translation_key=source.translation_key).count() == 2
    # a structure that does not match the source is refused
    en.write_text(en.read_text(encoding="utf-8") + "## Extra\nmore\n", encoding="utf-8")
    with pytest.raises(ImportErrors):
        import_course_file(en)


FIRST_CYCLE = """---
title: First cycle
slug: first-cycle
summary: A capped unit.
---

# Module

## Lesson

:::calculator 1,000,000 850,000 80,000 700,000 coal_300mw_plus
A capped coal unit
:::

:::calculator 1000 0 0 {extra}
:::
"""


@pytest.mark.parametrize(
    ("extra", "problem"),
    [("", None), ("50", "three whole numbers"), ("50 oil", "unit type"), ("1e4300 gas", "three whole numbers")],
)
def test_calculator_directive_takes_the_first_cycle_inputs(extra, problem):
    text = FIRST_CYCLE.format(extra=extra)
    if problem is None:
        block = parse_course(text).modules[0].lessons[0].blocks[0]
        assert block.value["free_allocation"] == 700_000 and block.value["unit_type"] == "coal_300mw_plus"
        assert block.value["verified_emissions"] == 1_000_000 and block.value["title"] == "A capped coal unit"
        return
    with pytest.raises(ImportErrors) as excinfo:
        parse_course(text)
    assert problem in " ".join(message for _line, message in excinfo.value.errors)
