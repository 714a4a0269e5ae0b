import pytest

from .factories import make_course


@pytest.fixture
def course(db):
    return make_course(modules=2, lessons_per_module=2)
