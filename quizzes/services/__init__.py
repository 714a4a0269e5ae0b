"""Quiz rules, no HTTP: the bank's validation, attempts, grading, review, analysis, import/export."""

from .attempts import (
    LATE_GRACE,
    FormValues,
    close_expired_attempts,
    draw_questions,
    is_expired,
    open_attempt,
    save_answer,
    save_answers,
    start_attempt,
    submit_attempt,
)
from .errors import QuizError
from .grading import grade_attempt, regrade_attempts, score_fraction
from .review import ReviewAccess, answers_for_display, review_access

__all__ = [
    "LATE_GRACE",
    "FormValues",
    "QuizError",
    "ReviewAccess",
    "answers_for_display",
    "close_expired_attempts",
    "draw_questions",
    "grade_attempt",
    "is_expired",
    "open_attempt",
    "regrade_attempts",
    "review_access",
    "save_answer",
    "save_answers",
    "score_fraction",
    "start_attempt",
    "submit_attempt",
]
