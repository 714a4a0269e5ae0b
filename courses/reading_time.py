"""A lesson's reading time, computed from its text rather than typed by an editor.

Chinese is read at about 300 characters a minute and English at about 200 words a minute; a lesson
mixing both adds the two. Headings, captions, callouts and glossary entries count: trainees read them.
"""

import math
import re

from django.utils.html import strip_tags

from .rendering import render_markdown

CHINESE_CHARACTERS_PER_MINUTE = 300
ENGLISH_WORDS_PER_MINUTE = 200

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A word: letters or digits, with inner apostrophes, separators and signs ("1,000,000", "don't", "CO2e").
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%/-]*")

# The text fields of each lesson block that a trainee reads (see blocks.LessonStreamBlock).
READ_FIELDS = {
    "heading": ("text",),
    "image": ("alt_text", "caption"),
    "document": ("title", "description"),
    "video": ("caption",),
    "callout": ("title", "body"),
    "glossary_term": ("term", "definition"),
    "calculator": ("title", "intro"),
}


def count_reading_units(text: str) -> tuple[int, int]:
    """(Chinese characters, words of other scripts) in plain text."""
    characters = len(CJK.findall(text))
    words = len(WORD.findall(CJK.sub(" ", text)))
    return characters, words


def minutes_for_text(text: str) -> int:
    """Whole minutes, rounded up, never less than one."""
    characters, words = count_reading_units(text)
    minutes = characters / CHINESE_CHARACTERS_PER_MINUTE + words / ENGLISH_WORDS_PER_MINUTE
    return max(1, math.ceil(minutes))


def _plain(value) -> str:
    source = getattr(value, "source", value)  # RichText keeps its HTML in .source
    return strip_tags(str(source or ""))


def lesson_text(body) -> str:
    """The plain text a trainee reads in a lesson body (a StreamValue or a list of (type, value) pairs)."""
    parts = []
    for child in body or []:
        block_type, value = (child.block_type, child.value) if hasattr(child, "block_type") else child
        if block_type == "markdown":
            parts.append(strip_tags(render_markdown(value)))
        elif block_type == "paragraph":
            parts.append(_plain(value))
        else:
            parts.extend(_plain(value.get(name)) for name in READ_FIELDS.get(block_type, ()))
    return "\n".join(part for part in parts if part)


def lesson_minutes(body) -> int:
    return minutes_for_text(lesson_text(body))
