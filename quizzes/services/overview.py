"""What a trainee sees of a quiz outside an attempt: the landing page, lessons and course completion."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from config.content_cache import remember

from ..models import Attempt, QuizPage
from .review import review_access


@dataclass
class QuizState:
    attempts: list = field(default_factory=list)  # newest first, each with .access
    open_attempt: Attempt | None = None
    attempts_left: int | None = None  # None: unlimited
    can_start: bool = False
    blocked_reason: str = ""
    best_visible: Attempt | None = None  # best attempt whose score the policy already shows


def quiz_state(user, quiz: QuizPage, now=None) -> QuizState:
    """The trainee's attempts at a quiz (any language version) and whether they may start another.

    Reads only: an open attempt whose time is up stays open here, and is graded by the next POST.
    """
    now = now or timezone.now()
    attempts = list(Attempt.objects.filter(user=user, quiz_key=quiz.translation_key).order_by("-number"))
    _attach_quizzes(attempts, quiz)
    state = QuizState(attempts=attempts)
    for attempt in attempts:
        attempt.access = review_access(attempt, now)
        if attempt.is_open:
            state.open_attempt = attempt
        elif attempt.access.score and (state.best_visible is None or attempt.score > state.best_visible.score):
            state.best_visible = attempt
    if quiz.max_attempts:
        state.attempts_left = max(0, quiz.max_attempts - len(attempts))
    if state.open_attempt:
        state.can_start = True
    elif quiz.closes_at and now >= quiz.closes_at:
        state.blocked_reason = _("This quiz has closed.")
    elif state.attempts_left == 0:
        state.blocked_reason = _("You have used all your attempts at this quiz.")
    else:
        state.can_start = True
    return state


def _attach_quizzes(attempts: list[Attempt], quiz: QuizPage) -> None:
    """Give each attempt its quiz page: this one, or its other language version (fetched only then).

    Most views find no attempt, and a join to the quiz page's many columns cost more than the query.
    """
    others = {attempt.quiz_id for attempt in attempts} - {quiz.pk}
    pages = {quiz.pk: quiz, **({page.pk: page for page in QuizPage.objects.filter(pk__in=others)} if others else {})}
    for attempt in attempts:
        attempt.quiz = pages[attempt.quiz_id]


def quizzes_for_lesson(lesson) -> list[QuizPage]:
    """Live quizzes that complete this lesson (in any language), the lesson's own language first.

    Asked on every lesson view and changed only by publishing a quiz: kept per content generation.
    """
    return remember("lesson-quizzes", (lesson.translation_key, lesson.locale_id), lambda: _quizzes_for_lesson(lesson))


def _quizzes_for_lesson(lesson) -> list[QuizPage]:
    quizzes = list(QuizPage.objects.live().filter(lesson__translation_key=lesson.translation_key).order_by("path"))
    chosen = {}
    for quiz in sorted(quizzes, key=lambda q: q.locale_id != lesson.locale_id):
        chosen.setdefault(quiz.translation_key, quiz)
    return list(chosen.values())


def unpassed_required_quizzes(user, course) -> list[QuizPage]:
    """Required live quizzes in the course the user has not passed in any language (two queries)."""
    required = list(QuizPage.objects.live().descendant_of(course).filter(required_for_completion=True).order_by("path"))
    if not required:
        return []
    passed = set(
        Attempt.objects.filter(user=user, passed=True, quiz_key__in=[q.translation_key for q in required]).values_list(
            "quiz_key", flat=True
        )
    )
    return [quiz for quiz in required if quiz.translation_key not in passed]
