"""Create or update a course from a parsed Markdown file, as a draft, in one transaction.

Everything that can be checked (files, locale, parent, translation structure) is checked before
the first write; a problem found while writing rolls the whole import back.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from ..models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .parser import CourseData, ImportErrors, parse_course

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


@dataclass
class ImportResult:
    course: CoursePage
    created: int = 0
    updated: int = 0
    warnings: list = field(default_factory=list)


def _file_errors(data: CourseData, base: Path) -> list[tuple[int, str]]:
    errors = []

    def check(path: str, line: int, image: bool = False):
        target = (base / path).resolve()
        if not target.is_file():
            errors.append((line, f"File not found: {path}"))
        elif image and target.suffix.lower() not in IMAGE_SUFFIXES:
            errors.append((line, f"Not an image file: {path}"))

    if data.fields.get("cover_image"):
        check(data.fields["cover_image"], 1, image=True)
    for module in data.modules:
        for lesson in module.lessons:
            for block in lesson.blocks:
                if block.type == "image":
                    check(block.value["path"], block.line, image=True)
                elif block.type == "document":
                    check(block.value["path"], block.line)
                elif block.type == "video" and not block.value["source"].startswith(("http://", "https://")):
                    check(block.value["source"], block.line)
    return errors


def _stored(model, path: Path, title: str):
    """Reuse an image or document with the same content, so re-importing never duplicates files."""
    with path.open("rb") as handle:
        digest = hash_filelike(handle)
        existing = model.objects.filter(file_hash=digest).first()
        if existing:
            return existing
        handle.seek(0)
        item = model(title=title or path.stem, file=File(handle, name=path.name))
        # What Wagtail's upload forms do: size and hash (the hash is how re-imports find it again).
        set_metadata = getattr(item, "_set_image_file_metadata", None) or item._set_document_file_metadata
        set_metadata()
        item.save()
    return item


def _stream(lesson, base: Path) -> list[dict]:
    image_model, document_model = get_image_model(), get_document_model()
    stream = []
    for block in lesson.blocks:
        value = block.value
        if block.type == "image":
            image = _stored(image_model, (base / value["path"]).resolve(), value["alt"])
            value = {"image": image.pk, "alt_text": value["alt"], "caption": value["caption"] or ""}
        elif block.type == "document":
            document = _stored(document_model, (base / value["path"]).resolve(), value["text"])
            value = {"document": document.pk, "title": value["text"], "description": ""}
        elif block.type == "video":
            source = value["source"]
            if source.startswith(("http://", "https://")):
                value = {"embed": source, "file": None, "caption": value["caption"]}
            else:
                video = _stored(document_model, (base / source).resolve(), Path(source).stem)
                value = {"embed": "", "file": video.pk, "caption": value["caption"]}
        elif block.type == "callout":
            paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in value["text"].split("\n\n") if p.strip())
            value = {"kind": value["kind"], "title": value["title"], "body": paragraphs}
        stream.append({"type": block.type, "value": value})
    return stream


def _course_fields(data: CourseData, base: Path) -> dict:
    f = data.fields
    outcomes = f.get("outcomes") or []
    if isinstance(outcomes, str):
        outcomes = [outcomes]
    fields = {
        "title": f["title"],
        "summary": f["summary"],
        "audience": f.get("audience", ""),
        "learning_outcomes": "<ul>" + "".join(f"<li>{escape(o)}</li>" for o in outcomes) + "</ul>" if outcomes else "",
        "prerequisites": f"<p>{escape(f['prerequisites'])}</p>" if f.get("prerequisites") else "",
        "search_description": f.get("search_description") or f["summary"][:255],
    }
    if f.get("estimated_hours"):
        fields["estimated_hours"] = f["estimated_hours"]
    if f.get("cover_image"):
        fields["cover_image"] = _stored(get_image_model(), (base / f["cover_image"]).resolve(), f["title"])
    return fields


def _save_draft(page, fields: dict, user, result: ImportResult, created: bool):
    for name, value in fields.items():
        setattr(page, name, value)
    page.draft_title = page.title
    page.save_revision(user=user, log_action=True)
    if created:
        result.created += 1
    else:
        result.updated += 1


def _child(parent, model, slug, fields, user, result):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, live=False, **fields))
        _save_draft(page, {}, user, result, created=True)
    else:
        _save_draft(page, fields, user, result, created=False)
    return page


def _translated(source, locale):
    """The source page's translation, created with Wagtail's copy_for_translation when missing."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    return source.copy_for_translation(locale, copy_parents=True).specific, True


def _lesson_fields(lesson, base):
    return {
        "title": lesson.title,
        "body": _stream(lesson, base),
        "is_required": lesson.required,
    }


def _plan_translation(data, locale, errors):
    source = CoursePage.objects.filter(import_source=data.fields["translation_of"]).exclude(locale=locale).first()
    if source is None:
        errors.append((1, f"translation_of: no imported course with slug {data.fields['translation_of']!r}."))
        return None, []
    modules = list(ModulePage.objects.child_of(source).order_by("path"))
    plan = []
    if len(modules) != len(data.modules):
        errors.append((1, f"The source course has {len(modules)} modules; this file has {len(data.modules)}."))
        return source, []
    for module_page, module in zip(modules, data.modules, strict=True):
        lessons = list(LessonPage.objects.child_of(module_page).order_by("path"))
        if len(lessons) != len(module.lessons):
            errors.append(
                (module.line, f"The source module has {len(lessons)} lessons; this one has {len(module.lessons)}.")
            )
        plan.append((module_page, module, list(zip(lessons, module.lessons, strict=False))))
    return source, plan


def import_course_file(path, *, user=None) -> ImportResult:
    """Import ``path``; raise ImportErrors (nothing changed) when the file or its assets are wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportErrors([(0, f"Cannot read {path}: {exc}")]) from exc
    data = parse_course(text)
    base = path.resolve().parent
    errors = _file_errors(data, base)
    language = data.fields.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise ImportErrors([*errors, (1, f"Unknown locale {language!r}.")])
    source, plan, index = None, [], None
    if data.fields.get("translation_of"):
        source, plan = _plan_translation(data, locale, errors)
    else:
        index = CourseIndexPage.objects.filter(locale=locale).first()
        if index is None:
            errors.append((1, f"There is no course index page in locale {language!r}: create one first."))
    if errors:
        raise ImportErrors(errors)

    with transaction.atomic():
        if source is not None:
            return _import_translation(data, base, locale, source, plan, user)
        return _import_course(data, base, locale, index, user)


def _import_course(data, base, locale, index, user) -> ImportResult:
    slug = data.fields["slug"]
    course = CoursePage.objects.filter(import_source=slug, locale=locale).first()
    fields = _course_fields(data, base)
    result = ImportResult(course=course)
    if course is None:
        course = index.add_child(instance=CoursePage(slug=slug, import_source=slug, live=False, **fields))
        _save_draft(course, {}, user, result, created=True)
    else:
        _save_draft(course, fields, user, result, created=False)
    result.course = course
    for module in data.modules:
        module_fields = {"title": module.title, "summary": module.summary}
        module_page = _child(course, ModulePage, module.slug, module_fields, user, result)
        for lesson in module.lessons:
            _child(module_page, LessonPage, lesson.slug, _lesson_fields(lesson, base), user, result)
        known = {lesson.slug for lesson in module.lessons}
        for extra in LessonPage.objects.child_of(module_page).exclude(slug__in=known):
            result.warnings.append(f"Lesson {extra.title!r} ({extra.url_path}) is not in the file; left unchanged.")
    known_modules = {module.slug for module in data.modules}
    for extra in ModulePage.objects.child_of(course).exclude(slug__in=known_modules):
        result.warnings.append(f"Module {extra.title!r} ({extra.url_path}) is not in the file; left unchanged.")
    return result


def _import_translation(data, base, locale, source, plan, user) -> ImportResult:
    course, created = _translated(source, locale)
    result = ImportResult(course=course)
    fields = _course_fields(data, base)
    course.import_source = source.import_source
    _save_draft(course, fields, user, result, created=created)
    for module_page, module, lessons in plan:
        translated_module, created = _translated(module_page, locale)
        _save_draft(translated_module, {"title": module.title, "summary": module.summary}, user, result, created)
        for lesson_page, lesson in lessons:
            translated_lesson, created = _translated(lesson_page, locale)
            _save_draft(translated_lesson, _lesson_fields(lesson, base), user, result, created)
    return result
