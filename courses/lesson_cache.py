"""A signed-in trainee's lesson page, served again while nothing it shows has changed.

A lesson page costs ~11 ms of server CPU (Wagtail routing and privacy checks, the trainee's
progress, quizzes, the header), about a dozen queries. The same trainee re-reads the same
lessons; between two reads of a page, only three things can change it:
- published content: the key carries the content generation (config.content_cache);
- the trainee's learning and roles: every hit is checked against a **fingerprint** read in one
  query (active flag, groups, own permissions, enrolments, completions, and whatever other apps
  add through the ``courses_learning_fingerprint`` hook, e.g. quiz attempts). A different
  fingerprint is a miss, so no write anywhere has to remember to invalidate anything;
- the clock (a quiz closing) and a group's permissions: entries live LESSON_CACHE_SECONDS.
Only lesson pages are stored, only for a signed-in session with no message waiting, and only
responses that set no session cookie and showed no message. The fingerprint includes the
course's "last lesson opened", so coming back from another lesson is a miss and the view records
the visit as always; a hit never writes. The key holds the session key (secret, and gone at
sign-out), the CSRF cookie and the full path, so a page and its form tokens are only ever
replayed to the session they were made for.
"""

from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Sum, UUIDField, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail import hooks

from config.content_cache import current_generation

from .models import Enrolment, LessonCompletion

FINGERPRINT_HOOK = "courses_learning_fingerprint"
LESSON_CACHE_SECONDS = 60
KNOWN_PATHS_LIMIT = 20_000

# Paths this process has served as lesson pages: only those are looked up, so every other
# signed-in page pays nothing for this cache.
_lesson_paths: set[str] = set()


def _aggregate(queryset, expression):
    """An integer subquery over rows of the user (0 when there are none)."""
    rows = queryset.filter(user_id=OuterRef("pk")).order_by().values("user_id").annotate(value=expression)
    return Coalesce(Subquery(rows.values("value")[:1]), Value(0), output_field=IntegerField())


def fingerprint_expressions(course_key) -> dict:
    groups = get_user_model().groups.through.objects
    permissions = get_user_model().user_permissions.through.objects
    expressions = {
        "group_count": _aggregate(groups, Count("id")),
        "group_sum": _aggregate(groups, Sum("group_id")),
        "permission_count": _aggregate(permissions, Count("id")),
        "enrolment_count": _aggregate(Enrolment.objects, Count("id")),
        "enrolment_max": _aggregate(Enrolment.objects, Max("id")),
        "completion_count": _aggregate(LessonCompletion.objects, Count("id")),
        "completion_max": _aggregate(LessonCompletion.objects, Max("id")),
        "last_lesson": _aggregate(Enrolment.objects.filter(course__translation_key=course_key), Max("last_lesson_id")),
    }
    for contribute in hooks.get_hooks(FINGERPRINT_HOOK):
        expressions.update(contribute(_aggregate))
    return expressions


# Placeholders the fingerprint query is compiled with once per process; calls swap in real values.
_ANY_USER = -7_654_321
_ANY_COURSE = UUID(int=0xC0FFEE)
_compiled: dict[str, tuple[str, list, list[str]]] = {}


def fingerprint(user, course_key) -> dict:
    """Everything about the trainee a lesson page of this course shows (one query).

    Compiling a dozen subqueries through the ORM costs ~5 ms, so the SQL is compiled once per
    process and database, and each call only executes it (~0.2 ms).
    """
    model = get_user_model()
    alias = model.objects.db
    connection = connections[alias]
    if alias not in _compiled:
        _compiled[alias] = _compile(model, connection)
    sql, template, names = _compiled[alias]
    course = UUIDField().get_db_prep_value(course_key, connection)
    params = [user.pk if p is _ANY_USER else course if p is _ANY_COURSE else p for p in template]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True)) if row else {}


def _compile(model, connection) -> tuple[str, list, list[str]]:
    # Prefixed: a name like "quiz_attempts" is also a relation of the user model.
    expressions = {f"fingerprint_{name}": value for name, value in fingerprint_expressions(_ANY_COURSE).items()}
    names = ["is_active", "is_superuser", "is_staff", *sorted(expressions)]
    queryset = model.objects.filter(pk=_ANY_USER).annotate(**expressions).values_list(*names)
    sql, params = queryset.query.sql_with_params()
    any_course = UUIDField().get_db_prep_value(_ANY_COURSE, connection)
    template = [_ANY_USER if p == _ANY_USER else _ANY_COURSE if p == any_course else p for p in params]
    if template.count(_ANY_USER) != 1 or _ANY_COURSE not in template:
        raise RuntimeError("The lesson fingerprint query did not compile as expected.")
    return sql, template, [name.removeprefix("fingerprint_") for name in names]


def _key(request) -> str:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    parts = (current_generation(), get_language(), request.get_host(), request.get_full_path(), session_key, csrf)
    return "lesson-page:" + ":".join(str(part) for part in parts)


def _messages_waiting(request) -> bool:
    return "messages" in request.COOKIES or "_messages" in request.session


def visit_recorded(request, lesson_id: int) -> None:
    """The view has just recorded this lesson as the last one opened: so will the next fingerprint."""
    marked = getattr(request, "lesson_page", None)
    if marked is not None:
        marked["fingerprint"]["last_lesson"] = lesson_id


def mark_lesson_page(request, course_key) -> None:
    """Called by the lesson view before it reads anything: the page may be stored, checked against this."""
    if request.method == "GET" and request.user.is_authenticated and not getattr(request, "is_preview", False):
        request.lesson_page = {"course_key": course_key, "fingerprint": fingerprint(request.user, course_key)}


class LessonPageCacheMiddleware:
    """Sits after the session, authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        if request.path in _lesson_paths:
            try:
                entry = None if _messages_waiting(request) else cache.get(_key(request))
                if entry is not None and self._still_valid(request, entry):
                    return entry["response"]
            except DatabaseError:
                pass  # the view answers as usual: 503 from config.middleware when the database is away
        response = self.get_response(request)
        self._store(request, response)
        return response

    @staticmethod
    def _still_valid(request, entry) -> bool:
        user = request.user  # Django's own check of the session: active user, unchanged password
        return (
            user.is_authenticated
            and user.pk == entry["user_id"]
            and fingerprint(user, entry["course_key"]) == entry["fingerprint"]
        )

    @staticmethod
    def _store(request, response) -> None:
        marked = getattr(request, "lesson_page", None)
        if marked is None or not _storable(request, response):
            return
        if len(_lesson_paths) >= KNOWN_PATHS_LIMIT:
            _lesson_paths.clear()
        _lesson_paths.add(request.path)
        entry = {"user_id": request.user.pk, "response": response, **marked}
        cache.set(_key(request), entry, LESSON_CACHE_SECONDS)


def _storable(request, response) -> bool:
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and settings.SESSION_COOKIE_NAME not in response.cookies
        and not (messages is not None and messages.used)
    )
