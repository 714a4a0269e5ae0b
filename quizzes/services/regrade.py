"""Regrading after a question was corrected: scores, pass/fail and newly earned lesson completions."""

from django.db import transaction

from ..models import Attempt, Question, QuizPage
from .attempts import complete_linked_lesson
from .grading import regrade_attempts


def _regrade(attempts) -> dict:
    with transaction.atomic():
        changed = regrade_attempts(attempts)
    newly_passed = [a for a in changed if a.passed]
    if newly_passed:
        users = {a.pk: a for a in Attempt.objects.filter(pk__in=[a.pk for a in newly_passed]).select_related("user")}
        for attempt in newly_passed:
            attempt.user = users[attempt.pk].user
            complete_linked_lesson(attempt)
    # A pass taken away by a correction does not undo a completed lesson: the trainee met the
    # rule as it stood; the result tables show the new score.
    return {"changed": len(changed), "newly_passed": len(newly_passed)}


def regrade_quiz(quiz: QuizPage) -> dict:
    return _regrade(Attempt.objects.filter(quiz_key=quiz.translation_key))


def regrade_question(question: Question) -> dict:
    return _regrade(Attempt.objects.filter(pk__in=question_attempt_ids(question)))


def question_attempt_ids(question: Question):
    """Attempts that drew the question in any of its languages."""
    from ..models import AttemptAnswer

    return AttemptAnswer.objects.filter(question__translation_key=question.translation_key).values("attempt_id")
