"""Bulk authoring: a question bank as CSV or XLSX rows, in and out.

One row per question and language; ``reference`` + ``language`` is the key, so importing the same
file twice updates rather than duplicates, and rows with the same reference in different languages
are translations of one question (they must agree on what decides the score: type, points,
correct options, answers, tags, active). ``category`` is the category's name in the row's language.
An empty or missing ``language`` means the default language. Every row is checked before anything
is written: one bad row and nothing is imported, and each problem names its row and column.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import nh3
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from accounts.spreadsheet import FORMULA_STARTS
from accounts.uploads import UnsafeUpload, check_xlsx_archive

from ..models import Question, QuestionCategory
from .bank import OptionSpec, question_errors, save_question

# Columns whose values a question's language versions share (``translation.SHARED_FIELDS`` and tags).
SHARED_COLUMNS = ["type", "points", "correct", "scoring", "numeric_answer", "tolerance", "tags", "active"]

OPTION_COLUMNS = [f"option_{letter}" for letter in "abcdefgh"]
COLUMNS = [
    "reference",
    "language",
    "category",
    "type",
    "stem",
    "points",
    *OPTION_COLUMNS,
    "correct",
    "scoring",
    "numeric_answer",
    "tolerance",
    "unit",
    "accepted_answers",
    "explanation",
    "tags",
    "active",
]
REQUIRED_COLUMNS = {"reference", "category", "type", "stem"}
MAX_ROWS = 5000
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a", "sup", "sub"}
TRUE_WORDS = {"true", "t", "yes", "y", "1", "对", "正确", "是"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "错", "错误", "否"}


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


# --- reading files -------------------------------------------------------------------------------


def read_rows(filename: str, content: bytes) -> list[dict]:
    """Rows as ``{column: text}`` from a .csv (UTF-8 or GB18030) or .xlsx file."""
    if filename.lower().endswith(".xlsx"):
        return _xlsx_rows(content)
    if filename.lower().endswith(".csv"):
        return _csv_rows(content)
    raise ImportFailed([RowError(0, "", _("Upload a .csv or .xlsx file."))])


def _csv_rows(content: bytes) -> list[dict]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFailed([RowError(0, "", _("The file is neither UTF-8 nor GB18030 text."))])
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit (128 kB)
        raise ImportFailed(
            [RowError(0, "", _("This CSV file could not be read: a cell is too long or the file is damaged."))]
        ) from error
    return _as_dicts(rows)


def _xlsx_rows(content: bytes) -> list[dict]:
    from openpyxl import load_workbook

    try:
        check_xlsx_archive(content)  # a zip bomb is refused before openpyxl unpacks it
    except UnsafeUpload as error:
        raise ImportFailed([RowError(0, "", error.message)]) from error
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [["" if v is None else _cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a broken file (zip, XML or cells)
        raise ImportFailed([RowError(0, "", _("This is not a readable .xlsx file."))]) from error
    return _as_dicts(rows)


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_dicts(rows: list[list]) -> list[dict]:
    if not rows:
        raise ImportFailed([RowError(1, "", _("The file is empty."))])
    header = [str(h).strip().lower() for h in rows[0]]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise ImportFailed([RowError(1, c, _("This column is missing.")) for c in sorted(missing)])
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise ImportFailed([RowError(0, "", _("At most %(n)d rows per file.") % {"n": MAX_ROWS})])
    return [
        {"_row": number, **{h: _unprotect(str(v)).strip() for h, v in zip(header, row, strict=False) if h}}
        for number, row in enumerate(body, start=2)
        if any(str(v).strip() for v in row)
    ]


def _unprotect(text: str) -> str:
    """Undo the apostrophe our exports put before formula-like text."""
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_STARTS and text[1:2] else text


# --- checking rows ---------------------------------------------------------------------------------


def as_html(text: str) -> str:
    """Rich text from a cell: HTML is sanitised; plain text becomes paragraphs."""
    if "<" in text and ">" in text:
        return nh3.clean(text, tags=ALLOWED_TAGS, attributes={"a": {"href"}})
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def _decimal(value: str, column: str, row: int, errors: list, default=None):
    if value == "":
        return default
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        errors.append(RowError(row, column, _("“%(value)s” is not a number.") % {"value": value}))
        return default
    if not number.is_finite():
        errors.append(RowError(row, column, _("“%(value)s” is not a number.") % {"value": value}))
        return default
    return number


def _boolean(value: str):
    word = value.strip().lower()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def language_codes() -> dict[str, str]:
    """What people write in the language column → the content language code ("zh" → "zh-hans")."""
    codes = {}
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        codes[code.lower()] = code
        codes[str(name).lower()] = code
        codes.setdefault(code.split("-")[0].lower(), code)
    return codes


def parse_language(value: str, row: int, errors: list) -> str:
    if not value:
        return Locale.get_default().language_code
    code = language_codes().get(value.strip().lower().replace("_", "-"))
    if code is None:
        choices = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        errors.append(RowError(row, "language", _("Use one of: %(codes)s.") % {"codes": choices}))
        return ""
    return code


def parse_row(data: dict, errors: list) -> dict | None:
    """Turn one row into ``save_question`` arguments, recording problems in ``errors``."""
    row = data["_row"]
    before = len(errors)
    language = parse_language(data.get("language", ""), row, errors)
    kinds = {k.value: k.value for k in Question.Kind} | {str(k.label).lower(): k.value for k in Question.Kind}
    kind = kinds.get(data.get("type", "").lower())
    for column in ("reference", "category", "stem"):
        if not data.get(column):
            errors.append(RowError(row, column, _("This cell is required.")))
    if len(data.get("reference", "")) > 40:
        errors.append(RowError(row, "reference", _("At most 40 characters.")))
    if kind is None:
        errors.append(RowError(row, "type", _("Use one of: %(kinds)s.") % {"kinds": ", ".join(Question.Kind.values)}))
    points = _decimal(data.get("points", ""), "points", row, errors, Decimal(1))
    if points is not None and points <= 0:
        errors.append(RowError(row, "points", _("Points must be more than zero.")))
    options_text = [data.get(c, "") for c in OPTION_COLUMNS]
    correct = data.get("correct", "")
    letters = {c.strip().lower() for c in correct.replace("，", ",").split(",") if c.strip()}
    options = [OptionSpec(text, "abcdefgh"[i] in letters) for i, text in enumerate(options_text) if text]
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        unknown = letters - {"abcdefgh"[i] for i, text in enumerate(options_text) if text}
        if unknown:
            errors.append(
                RowError(row, "correct", _("No option with the letter(s) %(l)s.") % {"l": ", ".join(unknown)})
            )
    correct_boolean = _boolean(correct) if kind == Question.Kind.TRUE_FALSE else None
    scoring = data.get("scoring", "") or Question.Scoring.ALL_OR_NOTHING
    if scoring not in Question.Scoring.values:
        errors.append(RowError(row, "scoring", _("Use all_or_nothing or partial.")))
    numeric_answer = _decimal(data.get("numeric_answer", ""), "numeric_answer", row, errors)
    tolerance = _decimal(data.get("tolerance", ""), "tolerance", row, errors, Decimal(0))
    accepted = "\n".join(a.strip() for a in data.get("accepted_answers", "").split("|") if a.strip())
    active = _boolean(data.get("active", "") or "true")
    if active is None:
        errors.append(RowError(row, "active", _("Use true or false.")))
    if kind:
        for column, message in question_errors(
            kind,
            options,
            correct_boolean=correct_boolean,
            numeric_answer=numeric_answer,
            tolerance=tolerance,
            accepted_answers=accepted,
        ).items():
            errors.append(
                RowError(row, {"correct_boolean": "correct", "options": "correct"}.get(column, column), message)
            )
    if len(errors) > before:
        return None
    return {
        "reference": data["reference"],
        "language": language,
        "category_name": data["category"],
        "kind": kind,
        "stem": as_html(data["stem"]),
        "points": points,
        "options": options,
        "scoring": scoring,
        "correct_boolean": correct_boolean,
        "numeric_answer": numeric_answer,
        "tolerance": tolerance,
        "unit": data.get("unit", "")[:30],
        "accepted_answers": accepted,
        "explanation": as_html(data.get("explanation", "")),
        "tags": [t.strip() for t in data.get("tags", "").replace("，", ",").split(",") if t.strip()],
        "is_active": active,
    }


# --- importing and exporting ------------------------------------------------------------------------


def import_questions(filename: str, content: bytes) -> dict:
    """Check every row, then save all of them in one transaction, or none; ``{"created", "updated"}``."""
    rows = read_rows(filename, content)
    errors: list[RowError] = []
    parsed, seen, versions = [], {}, {}
    for data in rows:
        result = parse_row(data, errors)
        reference = data.get("reference", "")
        if not reference:
            continue
        language = parse_language(data.get("language", ""), data["_row"], [])  # parse_row reports a bad one
        if (reference, language) in seen:
            errors.append(
                RowError(
                    data["_row"],
                    "reference",
                    _("Same reference and language as row %(row)d.") % {"row": seen[reference, language]},
                )
            )
        else:
            seen[reference, language] = data["_row"]
            _check_same_as_other_languages(data, versions.setdefault(reference, data), errors)
        if result:
            parsed.append(result)
    if errors:
        raise ImportFailed(errors)
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    existing = set(
        Question.objects.filter(reference__in={ref for ref, _lang in seen}).values_list(
            "reference", "locale__language_code"
        )
    )
    with transaction.atomic():
        for spec in parsed:
            locale = locales.get(spec["language"]) or Locale.objects.create(language_code=spec["language"])
            locales[spec.pop("language")] = locale
            category = _category(spec.pop("category_name"), locale, spec["reference"])
            save_question(category=category, locale=locale, **spec)
    updated = len(existing & set(seen))
    return {"created": len(parsed) - updated, "updated": updated}


def _check_same_as_other_languages(data: dict, first: dict, errors: list) -> None:
    """Rows of one reference are one question in several languages: what decides the score must match."""
    if first is data:
        return
    for column in SHARED_COLUMNS:
        if _comparable(column, data.get(column, "")) != _comparable(column, first.get(column, "")):
            errors.append(
                RowError(
                    data["_row"],
                    column,
                    _("Differs from row %(row)d, the same question in another language.") % {"row": first["_row"]},
                )
            )


def _comparable(column: str, value: str):
    value = value.strip()
    if column in ("points", "numeric_answer", "tolerance"):
        try:
            return Decimal(value.replace(",", "")) if value else None
        except InvalidOperation:
            return value
    if column in ("correct", "tags"):
        return frozenset(v.strip().lower() for v in value.replace("，", ",").split(",") if v.strip())
    if column == "active":
        return _boolean(value or "true")
    return value.lower()


def _category(name: str, locale: Locale, reference: str) -> QuestionCategory:
    """The category with this name in the row's language. A new one is the translation of the
    category of the question's other language versions when that has none in this language yet."""
    category = QuestionCategory.objects.filter(name=name, locale=locale).first()
    if category:
        return category
    sibling = Question.objects.filter(reference=reference).exclude(locale=locale).select_related("category").first()
    key = sibling.category.translation_key if sibling else None
    if key and not QuestionCategory.objects.filter(translation_key=key, locale=locale).exists():
        return QuestionCategory.objects.create(name=name, locale=locale, translation_key=key)
    return QuestionCategory.objects.create(name=name, locale=locale)


def export_rows(questions):
    """The bank as rows in ``COLUMNS`` order (three queries: questions, options, tags)."""
    for question in questions.select_related("category", "locale").prefetch_related("options", "tags"):
        options = list(question.options.all())[: len(OPTION_COLUMNS)]
        option_cells = [o.text for o in options] + [""] * (len(OPTION_COLUMNS) - len(options))
        if question.kind == Question.Kind.TRUE_FALSE:
            correct = "true" if question.correct_boolean else "false"
        else:
            correct = ",".join("ABCDEFGH"[i] for i, o in enumerate(options) if o.is_correct)
        yield [
            question.reference,
            question.locale.language_code,
            question.category.name,
            question.kind,
            question.stem,
            question.points,
            *option_cells,
            correct,
            question.scoring,
            "" if question.numeric_answer is None else f"{question.numeric_answer.normalize():f}",
            f"{question.tolerance.normalize():f}",
            question.unit,
            "|".join(question.accepted_answer_list),
            question.explanation,
            ",".join(sorted(t.name for t in question.tags.all())),
            "true" if question.is_active else "false",
        ]
