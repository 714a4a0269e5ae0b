"""A trainee's own part of a course, lesson or "My learning" page, read in one statement.

What is the same for everyone (the outline, lesson bodies) comes from the content cache; what
belongs to one trainee is read per request: their enrolment in the course in any language
(with where they left off), the lessons they finished (by translation key, so a lesson read in
Chinese is done in English too) and whether they hold the course's certificate.

It is one raw statement rather than three ORM queries (and the "resume" marker one raw UPDATE)
because building an ORM query costs more Python than the database spends answering it, and every
signed-in course page pays it. The
rules are the ones ``courses.services`` states for the ORM (``find_enrolment``,
``completed_keys``); tests/courses/test_learner.py compares the two on every kind of trainee.
"""

from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from uuid import UUID

from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from .models import Certificate, Enrolment, LessonCompletion
from .models.progress import VISIT_RESOLUTION


@dataclass(frozen=True, slots=True)
class EnrolmentRef:
    """What pages need of an enrolment: which course, and where the trainee left off."""

    pk: int
    course_key: UUID  # the course's translation key: one enrolment covers every language
    course_path: str  # the enrolled course page (shown when the reader's language has none)
    last_lesson_id: int | None
    last_lesson_key: UUID | None
    opened_recently: bool  # the last lesson was opened within VISIT_RESOLUTION


@dataclass(frozen=True, slots=True)
class LearnerState:
    enrolments: tuple[EnrolmentRef, ...]  # most recent activity first, as Enrolment's ordering
    done_keys: frozenset  # translation keys of every lesson the trainee finished, in any course
    certificate_keys: frozenset  # course keys of the trainee's certificates, valid or revoked

    @property
    def enrolment(self) -> EnrolmentRef | None:
        """The enrolment (one per course; in two languages of a course, the first)."""
        return min(self.enrolments, key=attrgetter("pk"), default=None)


NOBODY = LearnerState((), frozenset(), frozenset())


def _uuid(value) -> UUID | None:
    # PostgreSQL hands back UUIDs, SQLite the 32 hex digits Django stores there.
    if value is None or isinstance(value, UUID):
        return value
    return UUID(value)


@cache
def _sql(vendor: str, one_course: bool) -> str:
    """Built once per database vendor and variant (quoting is the vendor's)."""
    quote = connection.ops.quote_name
    enrolment, completion = quote(Enrolment._meta.db_table), quote(LessonCompletion._meta.db_table)
    certificate, page = quote(Certificate._meta.db_table), quote(Page._meta.db_table)
    course_filter = "AND course.translation_key = %s" if one_course else ""
    certificate_filter = "AND c.course_key = %s" if one_course else ""
    # Columns: kind, id, last lesson, lesson key, course key, course path, flag, then the order of
    # enrolments (Enrolment.Meta.ordering).
    # Only table names and fixed clauses are formatted in; every value is a parameter.
    sql = f"""
        SELECT 'e', e.id, e.last_lesson_id, lesson.translation_key, course.translation_key, course.path,
               e.last_activity_at >= %s, e.last_activity_at, e.enrolled_at
          FROM {enrolment} e
          JOIN {page} course ON course.id = e.course_id
          LEFT JOIN {page} lesson ON lesson.id = e.last_lesson_id
         WHERE e.user_id = %s {course_filter}
        UNION ALL
        SELECT 'k', c.id, NULL, NULL, c.course_key, NULL, NULL, NULL, NULL
          FROM {certificate} c WHERE c.user_id = %s {certificate_filter}
        UNION ALL
        SELECT 'c', NULL, NULL, lesson.translation_key, NULL, NULL, NULL, NULL, NULL
          FROM {completion} done JOIN {page} lesson ON lesson.id = done.lesson_id
         WHERE done.user_id = %s
        ORDER BY 1, 8 DESC, 9 DESC"""  # noqa: S608 (names from model meta)
    return sql


def learner_state(user, course_key: UUID | None = None) -> LearnerState:
    """The user's enrolments, finished lessons and certificates: in one course (by its translation
    key), or in every course when ``course_key`` is None."""
    if not user.is_authenticated:
        return NOBODY
    since = connection.ops.adapt_datetimefield_value(timezone.now() - VISIT_RESOLUTION)
    if course_key is None:
        params = [since, user.pk, user.pk, user.pk]
    else:
        key = Certificate._meta.get_field("course_key").get_db_prep_value(course_key, connection)
        params = [since, user.pk, key, user.pk, key, user.pk]
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection.vendor, course_key is not None), params)
        rows = cursor.fetchall()
    return LearnerState(
        enrolments=tuple(
            EnrolmentRef(pk, _uuid(course_key), path, last_id, _uuid(last_key), bool(recent))
            for kind, pk, last_id, last_key, course_key, path, recent, *_order in rows
            if kind == "e"
        ),
        done_keys=frozenset(_uuid(row[3]) for row in rows if row[0] == "c"),
        certificate_keys=frozenset(_uuid(row[4]) for row in rows if row[0] == "k"),
    )


def mark_opened(enrolment_pk: int, lesson_id: int) -> None:
    """Record the lesson as the enrolment's last opened, now: the one write a lesson view makes."""
    table = connection.ops.quote_name(Enrolment._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_lesson_id = %s, last_activity_at = %s WHERE id = %s",  # noqa: S608 (model meta)
            [lesson_id, now, enrolment_pk],
        )
