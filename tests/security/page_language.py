"""What language a page is written in: Chinese text on an English page and English UI words on a
Chinese page, once the data shown on it (names, titles, question texts: the database's own
values) and a short allow-list of codes, units and brand names are taken out.

Used by the server-side check (tests/security/test_page_language.py) and the browser one
(tests/browser/test_page_fit.py), so both judge pages by the same rule.
"""

import html
import json
import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models
from wagtail.fields import StreamField

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# An English word (capitalised or not) and the words that follow it; codes in capitals are not words.
ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_@./:-])[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)*(?![A-Za-z0-9_@])")

# Codes, units, brands and the language names of the switcher, allowed in either language.
ALLOWED = {
    "Wagtail", "Excel", "English", "Markdown", "Python", "Django", "Chromium", "Swagger", "OpenAPI", "Bearer",
    "Inter", "Noto", "Helvetica", "Ninja", "Beijing", "Shanghai", "Asia", "km", "kg", "tCO",
    "testserver", "localhost",
    "en", "zh",  # language codes, e.g. the question bank's "language" column
}  # fmt: skip
# The language switcher names Chinese in Chinese; sign-in sheets may use Chinese column headings.
ALLOWED_HAN = {"简体中文", "姓名", "单位", "手机", "签名"}


def _codes() -> set[str]:
    """Words that are codes in either language: question-bank file columns and values, topic tags."""
    from quizzes.models.bank import TOPIC_TAGS
    from quizzes.services import bank_io

    words = set(TOPIC_TAGS) | {"true", "false", "single", "multiple", "numeric", "text", "settle", "true_false"}
    for column in bank_io.COLUMNS:
        words.update(column.split("_"))
        words.add(column)
    return words


# Models whose text is data people entered or imported, shown as it is in any language. Names the
# platform creates itself (groups, workflows, tasks, menus) are deliberately not here.
DATA_MODELS = [
    "accounts.Organisation", "accounts.Venue", "accounts.Division", "accounts.User",
    "wagtailcore.Page", "quizzes.Question", "quizzes.Option", "quizzes.QuestionCategory",
    "attendance.TrainingSession", "attendance.SheetImport", "attendance.AttendanceRecord",
    "courses.Certificate", "taggit.Tag", "courses.CoursePage", "courses.ModulePage", "courses.LessonPage",
    "courses.CourseIndexPage", "quizzes.QuizPage", "home.HomePage", "wagtailcore.Site", "wagtailcore.APIToken",
]  # fmt: skip

_URLS_AND_MAILS = re.compile(r"\S+@\S+|https?://\S+|/[\w./?=&%-]+")
_TAG = re.compile(r"<[^>]+>")


class _TextParser(HTMLParser):
    """Text nodes plus the attributes people read or hear; not scripts, styles, code or icons."""

    SKIP = {"script", "style", "svg", "template", "code", "pre", "textarea", "noscript"}
    READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        self.parts += [value for name, value in attrs if name in self.READ_ATTRIBUTES and value]
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def data_values() -> list[str]:
    """Every text value of the data models, longest first (so a name is removed before its parts)."""
    values = set()
    for label in DATA_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if (isinstance(f, models.CharField | models.TextField) and not f.choices and f.name != "password")
            or isinstance(f, StreamField)
        ]
        for row in model.objects.values_list(*fields):
            for value in _strings(row):
                if value:
                    text = _TAG.sub(" ", html.unescape(str(value)))
                    values.update(
                        part.strip()
                        for part in re.split(r"[\n|]", text)
                        if len(part.strip()) > 1 or (part.strip() and not part.strip().isascii())
                    )
    return sorted(values, key=len, reverse=True)


def _strings(value):
    """The strings in a row, including those inside StreamField data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "raw_data"):
        yield from _strings(json.loads(json.dumps(list(value.raw_data), default=str)))


def visible_text(content: str, content_type: str = "text/html") -> str:
    """The words a reader sees (and hears: labels, titles, placeholders) on an HTML page or in a CSV."""
    if "html" not in content_type:
        return content
    parser = _TextParser()
    parser.feed(content)
    return "\n".join(parser.parts)


def wrong_language(text: str, language: str, data: list[str]) -> list[str]:
    """The words on a page that are not in ``language``: Han text on an English page, English words
    on a Chinese one, once data values, e-mail addresses, URLs and the allow-list are removed."""
    for value in data:
        if value in text:
            # A short Latin value ("en", "qr") only as a whole word, not inside other words.
            text = (
                re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", text)
                if value.isascii()
                else (text.replace(value, " "))
            )
    text = _URLS_AND_MAILS.sub(" ", text)
    if language == "en":
        return sorted({run for run in HAN.findall(text) if run not in ALLOWED_HAN})
    found, allowed = set(), ALLOWED | _codes()
    for match in ENGLISH_WORD.findall(text):
        if not all(word in allowed for word in re.split(r"[ -]", match)):
            found.add(match)
    return sorted(found)
