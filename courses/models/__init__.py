from .certificates import Certificate
from .pages import MODULE_CHILD_TYPES, CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import Enrolment, LessonCompletion

__all__ = [
    "MODULE_CHILD_TYPES",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
]
