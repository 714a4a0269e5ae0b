"""Parse a Markdown course file into plain data, collecting every error with its line number.

Format (docs/example_course.md):
- front matter between ``---`` lines: ``key: value`` and ``key:`` followed by ``- item`` lines;
- ``# Module`` headings (first paragraph below is the module summary), ``## Lesson`` headings
  with optional ``{optional slug=my-slug}`` (reading time is computed from the text);
- inside a lesson: Markdown, plus ``:::note|warning|key_rule [title]``, ``:::term TERM``,
  ``:::calculator [E A C [F unit-type]]`` … ``:::`` blocks, a line that is only an image ``![alt](path "caption")``
  and a line that is only a link to a local file ``[text](path.pdf)`` (a document download),
  and ``:::video URL-or-path``.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.text import slugify

from ..calculator import MAX_TONNES, UNIT_TYPE_CODES

REQUIRED_FIELDS = ("title", "slug", "summary")
KNOWN_FIELDS = {
    "title", "slug", "summary", "audience", "outcomes", "prerequisites", "estimated_hours", "cover_image",
    "locale", "translation_of", "search_description",
}  # fmt: skip
CALLOUT_KINDS = {"note", "warning", "key_rule"}
ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
IMAGE_LINE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<path>[^)\s]+)(?:\s+"(?P<caption>[^"]*)")?\)$')
LINK_LINE = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<path>[^)\s:]+\.[A-Za-z0-9]{2,5})\)$")
SLUG = re.compile(r"^[-a-z0-9_]+$")


class ImportErrors(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = sorted(errors)
        super().__init__("\n".join(f"line {line}: {message}" for line, message in self.errors))


@dataclass
class Block:
    type: str
    value: object
    line: int


@dataclass
class Lesson:
    title: str
    slug: str
    line: int
    required: bool = True
    blocks: list = field(default_factory=list)


@dataclass
class Module:
    title: str
    slug: str
    line: int
    summary: str = ""
    lessons: list = field(default_factory=list)


@dataclass
class CourseData:
    fields: dict
    modules: list


def _front_matter(lines, errors):
    if not lines or lines[0].strip() != "---":
        errors.append((1, "The file must start with front matter between '---' lines."))
        return {}, 0
    fields, key = {}, None
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip()
        if line.strip() == "---":
            break
        if not line.strip():
            continue
        if line.lstrip().startswith("- ") and key:
            if not isinstance(fields[key], list):
                fields[key] = [fields[key]] if fields[key] else []
            fields[key].append(line.lstrip()[2:].strip())
            continue
        if ":" not in line:
            errors.append((number, f"Expected 'key: value' in the front matter, got {line.strip()!r}."))
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        if key not in KNOWN_FIELDS:
            errors.append((number, f"Unknown front-matter field {key!r}."))
        fields[key] = value
    else:
        errors.append((1, "The front matter is not closed with '---'."))
        return fields, len(lines)
    for name in REQUIRED_FIELDS:
        if not fields.get(name):
            errors.append((1, f"Front matter needs {name!r}."))
    if fields.get("slug") and not SLUG.match(fields["slug"]):
        errors.append((1, "slug may contain only lower-case letters, digits, '-' and '_'."))
    if "estimated_hours" in fields:
        try:
            hours = Decimal(str(fields["estimated_hours"]))
            if hours <= 0 or hours > 999:
                raise InvalidOperation
            fields["estimated_hours"] = hours
        except InvalidOperation:
            errors.append((1, "estimated_hours must be a positive number of hours."))
    return fields, number


def _heading(text: str, line: int, errors, default_slug: str):
    attrs = {}
    match = ATTRS.search(text)
    if match:
        text = text[: match.start()]
        for token in match.group(1).split():
            name, _sep, value = token.partition("=")
            attrs[name] = value
    title = text.strip()
    if not title:
        errors.append((line, "A heading needs a title."))
    # Chinese titles would slugify to fragments ("5% 上限" -> "5"): number those pages instead.
    slug = attrs.pop("slug", "") or (slugify(title) if title.isascii() else "") or default_slug
    if not SLUG.match(slug):
        errors.append((line, f"Invalid slug {slug!r}."))
    return title, slug, attrs


def _lesson_attrs(lesson: Lesson, attrs: dict, line: int, errors):
    for name in attrs:
        if name == "minutes":
            errors.append((line, "minutes are computed from the lesson's text when it is saved: remove minutes=."))
        elif name == "optional":
            lesson.required = False
        else:
            errors.append((line, f"Unknown lesson attribute {name!r}."))


def _directive(kind: str, args: str, body: list[str], line: int, errors):
    text = "\n".join(body).strip()
    if kind in CALLOUT_KINDS:
        if not text:
            errors.append((line, f"The :::{kind} block is empty."))
        return Block("callout", {"kind": kind, "title": args, "text": text}, line)
    if kind == "term":
        if not args or not text:
            errors.append((line, ":::term needs a term on its line and a definition below it."))
        return Block("glossary_term", {"term": args, "definition": text}, line)
    if kind == "calculator":
        return _calculator(args, text, line, errors)
    if kind == "video":
        if not args:
            errors.append((line, ":::video needs a URL or a file path."))
        return Block("video", {"source": args, "caption": text}, line)
    errors.append((line, f"Unknown block ':::{kind}'."))
    return None


def _lesson_blocks(lines: list[tuple[int, str]], errors) -> list[Block]:
    """Split a lesson's lines into blocks; fenced code is passed through untouched."""
    blocks, markdown, in_code = [], [], False
    start = lines[0][0] if lines else 0

    def flush():
        text = "\n".join(markdown).strip()
        if text:
            blocks.append(Block("markdown", text, start))
        markdown.clear()

    index = 0
    while index < len(lines):
        number, line = lines[index]
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
        if in_code or stripped.startswith("```"):
            markdown.append(line)
            index += 1
            continue
        if stripped.startswith(":::") and stripped != ":::":
            flush()
            kind, _sep, args = stripped[3:].partition(" ")
            body, index = [], index + 1
            while index < len(lines) and lines[index][1].strip() != ":::":
                body.append(lines[index][1])
                index += 1
            if index >= len(lines):
                errors.append((number, f"The :::{kind} block is not closed with ':::'."))
            block = _directive(kind.strip(), args.strip(), body, number, errors)
            if block:
                blocks.append(block)
            index += 1
            start = lines[index][0] if index < len(lines) else number
            continue
        image, link = IMAGE_LINE.match(stripped), LINK_LINE.match(stripped)
        if image or link:
            flush()
            if image:
                blocks.append(Block("image", image.groupdict(), number))
            else:
                blocks.append(Block("document", link.groupdict(), number))
            start = number + 1
        else:
            if not markdown:
                start = number
            markdown.append(line)
        index += 1
    if in_code:
        errors.append((start, "A fenced code block is not closed with ```."))
    flush()
    return blocks


def parse_course(text: str) -> CourseData:
    """Parse the whole file; raise ImportErrors listing every problem found."""
    errors: list[tuple[int, str]] = []
    lines = text.replace("\r\n", "\n").split("\n")
    fields, end = _front_matter(lines, errors)
    modules: list[Module] = []
    lesson_lines: list[tuple[int, str]] = []
    lesson: Lesson | None = None
    in_code = False

    def close_lesson():
        if lesson is not None:
            lesson.blocks = _lesson_blocks(lesson_lines, errors)
            if not lesson.blocks:
                errors.append((lesson.line, f"Lesson {lesson.title!r} has no content."))
        lesson_lines.clear()

    for number, line in enumerate(lines[end:], start=end + 1):
        if line.strip().startswith("```"):
            in_code = not in_code
        heading = re.match(r"^(#{1,2})\s+(.*)$", line) if not in_code else None
        if heading and len(heading.group(1)) == 1:
            close_lesson()
            lesson = None
            title, slug, attrs = _heading(heading.group(2), number, errors, f"module-{len(modules) + 1}")
            if attrs:
                errors.append((number, "Modules take no attributes other than slug."))
            modules.append(Module(title=title, slug=slug, line=number))
        elif heading:
            close_lesson()
            if not modules:
                errors.append((number, "A lesson (##) must come after a module heading (#)."))
                lesson = None
                continue
            module = modules[-1]
            title, slug, attrs = _heading(
                heading.group(2), number, errors, f"lesson-{len(modules)}-{len(module.lessons) + 1}"
            )
            lesson = Lesson(title=title, slug=slug, line=number)
            _lesson_attrs(lesson, attrs, number, errors)
            module.lessons.append(lesson)
        elif lesson is not None:
            lesson_lines.append((number, line))
        elif modules:
            if line.strip():
                summary = modules[-1].summary
                modules[-1].summary = f"{summary} {line.strip()}".strip()
        elif line.strip():
            errors.append((number, "Text before the first module heading (#) is not allowed."))
    close_lesson()

    if not modules:
        errors.append((end + 1, "The course needs at least one module (# heading)."))
    for module in modules:
        if not module.lessons:
            errors.append((module.line, f"Module {module.title!r} has no lessons (## headings)."))
        _no_duplicates([lesson.slug for lesson in module.lessons], module.lessons, errors)
    _no_duplicates([module.slug for module in modules], modules, errors)
    if errors:
        raise ImportErrors(errors)
    return CourseData(fields=fields, modules=modules)


def _no_duplicates(slugs, items, errors):
    seen = set()
    for slug, item in zip(slugs, items, strict=True):
        if slug in seen:
            errors.append((item.line, f"Duplicate slug {slug!r}: give one with {{slug=...}}."))
        seen.add(slug)


def _calculator(args: str, text: str, line: int, errors) -> Block:
    """``:::calculator [E A C [F unit-type]]``: example figures, optionally the first-cycle allocation and unit type."""
    words = args.replace(",", "").split()
    figures, unit_type = words[:4], words[4] if len(words) == 5 else ""
    if words and (
        len(words) not in (3, 5)
        or not all(
            n.isascii() and n.isdigit() and len(n) <= len(str(MAX_TONNES)) and int(n) <= MAX_TONNES for n in figures
        )
        or (unit_type and unit_type not in UNIT_TYPE_CODES)
    ):
        errors.append(
            (
                line,
                ":::calculator takes three whole numbers (emissions, allowances, CCER), optionally followed by the "
                f"free allocation and a unit type ({', '.join(sorted(UNIT_TYPE_CODES))}); at most {MAX_TONNES:,} t.",
            )
        )
        figures, unit_type = [], ""
    values = [int(n) for n in figures] + [None] * (4 - len(figures))
    title, _sep, intro = text.partition("\n")
    return Block(
        "calculator",
        {
            "title": title.strip(),
            "intro": intro.strip(),
            "verified_emissions": values[0],
            "allowances_held": values[1],
            "ccer_held": values[2],
            "free_allocation": values[3],
            "unit_type": unit_type,
        },
        line,
    )
