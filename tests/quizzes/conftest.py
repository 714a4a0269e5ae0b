import pytest

from tests.quizzes import factories


@pytest.fixture
def mixed_questions(db):
    """One question of each kind: single, multiple (partial credit), true/false, numeric, short text."""
    return [
        factories.single(correct=2),
        factories.multiple(correct=(0, 2), partial=True),
        factories.true_false(answer=False),
        factories.numeric(answer="20000", tolerance="0.5"),
        factories.short_text(),
    ]


@pytest.fixture
def quiz(mixed_questions):
    return factories.make_quiz(mixed_questions, pass_mark=60)
