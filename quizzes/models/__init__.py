from .attempts import Attempt, AttemptAnswer, SelectedOption
from .bank import TOPIC_TAGS, Option, Question, QuestionCategory, TaggedQuestion
from .quiz import QuizDrawRule, QuizPage, QuizQuestion

__all__ = [
    "TOPIC_TAGS",
    "Attempt",
    "AttemptAnswer",
    "Option",
    "Question",
    "QuestionCategory",
    "QuizDrawRule",
    "QuizPage",
    "QuizQuestion",
    "SelectedOption",
    "TaggedQuestion",
]
