"""Reading time comes from the lesson's text (≈300 Chinese characters or 200 English words a minute)."""

import pytest

from courses.importer import ImportErrors, parse_course
from courses.models import LessonPage
from courses.reading_time import count_reading_units, lesson_text, minutes_for_text

from .factories import lessons_of, make_course


def test_chinese_characters_and_english_words_are_counted_separately():
    assert count_reading_units("配额清缴 surrender of 1,000,000 t CO2e。") == (4, 5)
    assert count_reading_units("") == (0, 0)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("", 1),
        ("碳" * 300, 1),
        ("碳" * 301, 2),
        ("碳" * 1500, 5),
        ("word " * 200, 1),
        ("word " * 201, 2),
        ("word " * 1000, 5),
        ("碳" * 450 + " word" * 100, 2),  # 1.5 + 0.5 minutes
        ("碳" * 451 + " word" * 100, 3),
    ],
)
def test_minutes_round_up_at_300_characters_or_200_words_a_minute(text, minutes):
    assert minutes_for_text(text) == minutes


def test_every_block_a_trainee_reads_counts_and_markup_does_not():
    body = [
        ("heading", {"text": "标题"}),
        ("markdown", "**配额**\n\n| 项目 | 数量 |\n|---|---|\n| 排放 | 1,000 |"),
        ("paragraph", "<p>清缴<b>截止</b></p>"),
        ("callout", {"kind": "note", "title": "注意", "body": "<p>五个百分点</p>"}),
        ("glossary_term", {"term": "CCER", "definition": "核证自愿减排量"}),
        ("calculator", {"title": "试算", "intro": "输入数字"}),
    ]
    text = lesson_text(body)
    assert "<" not in text and "**" not in text and "|" not in text
    characters, words = count_reading_units(text)
    assert characters == 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 5 + 7 + 2 + 4
    assert words == 2  # CCER and 1,000


@pytest.mark.django_db
def test_saving_a_lesson_computes_its_minutes_and_overrides_a_typed_value():
    course = make_course(modules=1, lessons_per_module=1, body=[{"type": "markdown", "value": "碳" * 900}])
    lesson = lessons_of(course)[0]
    assert lesson.estimated_minutes == 3
    lesson.estimated_minutes = 40  # typed by hand: ignored
    lesson.body = [{"type": "markdown", "value": "碳" * 1201}]
    lesson.save_revision().publish()
    assert LessonPage.objects.get(pk=lesson.pk).estimated_minutes == 5


def test_the_importer_refuses_typed_minutes():
    text = "---\ntitle: T\nslug: t\nsummary: S\n---\n# M\n## L {minutes=20}\n\nText.\n"
    with pytest.raises(ImportErrors) as excinfo:
        parse_course(text)
    assert "computed" in str(excinfo.value)
