"""Demo learning spread: the mobilisation meeting's participants at realistic stages.

Runs after every other demo step (it needs the courses, the quizzes and the participant
accounts). Rows are bulk-created — a department's dashboards need hundreds of trainees at
different stages, and the domain functions would take minutes for that — with the same
shapes the services write: one enrolment per course, completions per lesson, a
certificate when every lesson is done, one graded attempt per quiz. Idempotent: once any
participant has an enrolment, the step does nothing.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organisation, User
from courses.models import Certificate, CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.services import new_certificate_code
from quizzes.models import Attempt, QuizPage

ENROL_SHARE = (0.85, 0.7, 0.6)  # of participants, per demo course in tree order
FINISH_SHARE = 0.5  # of the enrolled, who finished every lesson
QUIZ_SHARE = 0.7  # of the enrolled, who took each quiz
PASS_SHARE = 0.75  # of those, who passed


def participants() -> list[User]:
    return list(
        User.objects.filter(email__regex=r"^p[0-9]+@example\.org$", organisation__isnull=False)
        .exclude(organisation__kind=Organisation.Kind.EXCHANGE)
        .select_related("organisation")
        .order_by("id")
    )


def build_learning_spread() -> int:
    courses = list(CoursePage.objects.live().filter(locale__language_code="zh-hans").order_by("path")[:3])
    people = participants()
    if not courses or not people:
        return 0
    if Enrolment.objects.filter(user__in=people).exists():
        return 0
    rng = random.Random(20211215)
    now = timezone.now()
    enrolments, completions, certificates, attempts = [], [], [], []
    for course, share in zip(courses, ENROL_SHARE, strict=False):
        lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
        quizzes = list(QuizPage.objects.live().descendant_of(course).order_by("path"))
        for person in people:
            if rng.random() > share:
                continue
            started = now - timedelta(days=rng.randint(5, 40))
            done = lessons if rng.random() < FINISH_SHARE else lessons[: rng.randint(0, max(len(lessons) - 1, 0))]
            enrolments.append(Enrolment(user=person, course=course, enrolled_at=started, last_activity_at=now))
            completions += [LessonCompletion(user=person, lesson=lesson) for lesson in done]
            if lessons and len(done) == len(lessons):
                certificates.append(
                    Certificate(
                        user=person,
                        course=course,
                        course_key=course.translation_key,
                        code=new_certificate_code(),
                        trainee_name=person.real_name,
                        organisation_name=person.organisation.name,
                        course_title=course.title,
                        hours=course.estimated_hours,
                        language="zh-hans",
                    )
                )
            attempts += [_attempt(rng, person, quiz, started) for quiz in quizzes if rng.random() < QUIZ_SHARE]
    Enrolment.objects.bulk_create(enrolments, batch_size=500, ignore_conflicts=True)
    LessonCompletion.objects.bulk_create(completions, batch_size=1000, ignore_conflicts=True)
    Certificate.objects.bulk_create(certificates, batch_size=500, ignore_conflicts=True)
    Attempt.objects.bulk_create(attempts, batch_size=500, ignore_conflicts=True)
    return len(enrolments)


def _attempt(rng: random.Random, person: User, quiz: QuizPage, started) -> Attempt:
    passed = rng.random() < PASS_SHARE
    percent = Decimal(rng.randint(quiz.pass_mark, 100) if passed else rng.randint(20, max(quiz.pass_mark - 1, 20)))
    submitted = started + timedelta(days=rng.randint(1, 4), minutes=rng.randint(5, 30))
    return Attempt(
        quiz=quiz,
        quiz_key=quiz.translation_key,
        user=person,
        number=1,
        status=Attempt.Status.SUBMITTED,
        started_at=submitted - timedelta(minutes=12),
        submitted_at=submitted,
        graded_at=submitted,
        max_score=Decimal(100),
        score=percent,
        percent=percent,
        passed=passed,
    )


def steps():
    return [("learning progress of the participants", build_learning_spread)]
