"""What a trainee may see of a submitted attempt, and when (the quiz's review policy)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from ..models import Attempt, AttemptAnswer, QuizPage


@dataclass(frozen=True)
class ReviewAccess:
    score: bool = False
    answers: bool = False
    explanations: bool = False
    release_at: datetime | None = None  # when a held-back review opens

    @property
    def anything(self) -> bool:
        return self.score


def review_access(attempt: Attempt, now=None) -> ReviewAccess:
    """Nothing before submission; with "after close", nothing (not even the score) before closing."""
    if attempt.status != Attempt.Status.SUBMITTED or attempt.graded_at is None:
        return ReviewAccess()
    quiz = attempt.quiz
    now = now or timezone.now()
    if quiz.review_timing == QuizPage.ReviewTiming.AFTER_CLOSE and (quiz.closes_at is None or now < quiz.closes_at):
        return ReviewAccess(release_at=quiz.closes_at)
    content = quiz.review_content
    return ReviewAccess(
        score=True,
        answers=content in (QuizPage.ReviewContent.ANSWERS, QuizPage.ReviewContent.EXPLANATIONS),
        explanations=content == QuizPage.ReviewContent.EXPLANATIONS,
    )


def answers_for_display(attempt: Attempt) -> list[AttemptAnswer]:
    """Answers with their question, options in the trainee's order and what they chose (three queries).

    Each answer gets ``shown_options`` (list of ``(key, option)``) and ``selected_ids``.
    """
    answers = list(
        AttemptAnswer.objects.filter(attempt=attempt)
        .select_related("question")
        .prefetch_related("question__options", "selections")
        .order_by("position")
    )
    for answer in answers:
        options = {o.pk: o for o in answer.question.options.all()}
        answer.shown_options = [
            (str(key), options[option_id]) for key, option_id in enumerate(answer.option_order) if option_id in options
        ]
        answer.selected_ids = {s.option_id for s in answer.selections.all()}
    return answers
