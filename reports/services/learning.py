"""Course completion and quiz pass rates by city and by organisation, computed in the database.

A trainee belongs to the city of their default sub-venue, or else of their organisation
(``accounts.divisions.trainee_city_id``). A course
counts as completed when its certificate was issued and not revoked (courses issues certificates
only once its completion rules are met). Courses and quizzes are counted by Wagtail translation
key, so the Chinese and English versions are one course or quiz.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.access import VenueScope as Scope
from accounts.divisions import trainee_city_id
from accounts.models import Division, Organisation
from courses.models import Certificate, CoursePage, Enrolment
from quizzes.models import Attempt, QuizPage


@dataclass
class Rate:
    key: object
    label: str
    total: int = 0
    done: int = 0

    @property
    def rate(self) -> float | None:
        return self.done / self.total if self.total else None


def settlement_quiz_keys() -> list:
    """Translation keys of the quizzes about settlement: any fixed or drawable question carries the tag."""
    tag = getattr(settings, "REPORTS_SETTLEMENT_QUIZ_TAG", "settlement")
    tagged = Q(fixed_questions__question__tags__name__iexact=tag) | Q(
        draw_rules__category__questions__tags__name__iexact=tag
    )
    return list(QuizPage.objects.filter(tagged).values_list("translation_key", flat=True).distinct().order_by())


def _titles_by_key(pages) -> list[tuple[str, str]]:
    """(translation key, title) per page family, titled in the current language when there is one."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    chosen: dict = {}
    for key, title, code in pages.values_list("translation_key", "title", "locale__language_code").order_by("path"):
        if key not in chosen or code.lower() == language:
            chosen[key] = title
    return sorted(((str(k), t) for k, t in chosen.items()), key=lambda item: item[1])


def course_choices() -> list[tuple[str, str]]:
    return _titles_by_key(CoursePage.objects.all())


def quiz_choices() -> list[tuple[str, str]]:
    return _titles_by_key(QuizPage.objects.all())


def _group_expression(group_by: str):
    if group_by == "city":
        return trainee_city_id("user")
    return F("user__organisation_id")


def _label(rows: dict, group_by: str) -> list[Rate]:
    keys = [k for k in rows if k is not None]
    if group_by == "city":
        divisions = Division.objects.filter(adcode__in=keys).order_by("adcode")
        labelled = [(d.adcode, d.display_name) for d in divisions]
    else:
        labelled = list(Organisation.objects.filter(pk__in=keys).order_by("name").values_list("pk", "name"))
    result = []
    for key, label in labelled:
        total, done = rows.pop(key)
        result.append(Rate(key, label, total, done))
    if None in rows:
        total, done = rows.pop(None)
        unknown = _("City unknown") if group_by == "city" else _("No organisation")
        result.append(Rate(None, str(unknown), total, done))
    return result


def completion_rates(scope: Scope, group_by: str, course_key: str | None = None) -> list[Rate]:
    """Enrolled trainees vs trainees holding a valid certificate, per city or organisation (two queries)."""
    certified = Certificate.objects.filter(
        user_id=OuterRef("user_id"), course_key=OuterRef("course__translation_key"), revoked_at__isnull=True
    )
    enrolments = Enrolment.objects.filter(scope.trainee_q("user"))
    if course_key:
        enrolments = enrolments.filter(course__translation_key=course_key)
    grouped = (
        enrolments.annotate(group=_group_expression(group_by), certified=Exists(certified))
        .values("group")
        .annotate(total=Count("id"), done=Count("id", filter=Q(certified=True)))
        .order_by()
    )
    return _label({row["group"]: (row["total"], row["done"]) for row in grouped}, group_by)


def pass_rates(scope: Scope, group_by: str, quiz_keys: list | None = None) -> list[Rate]:
    """Trainees who submitted an attempt vs trainees who passed, per city or organisation (two queries).

    ``quiz_keys`` None means every quiz; an empty list means none (e.g. no settlement quiz exists yet).
    """
    attempts = Attempt.objects.filter(scope.trainee_q("user"), status=Attempt.Status.SUBMITTED)
    if quiz_keys is not None:
        attempts = attempts.filter(quiz_key__in=quiz_keys)
    grouped = (
        attempts.annotate(group=_group_expression(group_by))
        .values("group")
        .annotate(
            total=Count("user_id", distinct=True),
            done=Count("user_id", distinct=True, filter=Q(passed=True)),
        )
        .order_by()
    )
    return _label({row["group"]: (row["total"], row["done"]) for row in grouped}, group_by)
