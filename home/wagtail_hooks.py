"""The integrating app ties the others into the personal-data download and anonymisation.

accounts cannot import the apps above it, so it offers hooks (accounts/privacy.py) and
this module — which may import everything — fills them in.
"""

from wagtail import hooks

from accounts.privacy import ANONYMISE_HOOK, PERSONAL_DATA_HOOK
from attendance.models import AttendanceRecord
from courses.models import Certificate, Enrolment, LessonCompletion
from quizzes.models import Attempt
from quizzes.services.review import review_access


def _iso(value):
    return value.isoformat() if value else None


@hooks.register(PERSONAL_DATA_HOOK)
def learning_data(user):
    enrolments = Enrolment.objects.filter(user=user).select_related("course").order_by("enrolled_at")
    completions = LessonCompletion.objects.filter(user=user).select_related("lesson").order_by("completed_at")
    certificates = Certificate.objects.filter(user=user).order_by("issued_at")
    return "learning", {
        "enrolments": [{"course": e.course.title, "enrolled_at": _iso(e.enrolled_at)} for e in enrolments],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": _iso(c.completed_at), "how": c.source} for c in completions
        ],
        "certificates": [
            {
                "course": c.course_title,
                "code": c.code,
                "hours": str(c.hours),
                "issued_at": _iso(c.issued_at),
                "revoked_at": _iso(c.revoked_at),
            }
            for c in certificates
        ],
    }


@hooks.register(PERSONAL_DATA_HOOK)
def quiz_data(user):
    """Attempts, with score and pass only where the quiz's review policy already shows them."""
    attempts = Attempt.objects.filter(user=user).select_related("quiz").order_by("started_at")
    rows = []
    for a in attempts:
        access = review_access(a)
        rows.append(
            {
                "quiz": a.quiz.title,
                "number": a.number,
                "status": a.status,
                "started_at": _iso(a.started_at),
                "submitted_at": _iso(a.submitted_at),
                "score": str(a.score) if access.score and a.score is not None else None,
                "passed": a.passed if access.score else None,
                "results_from": _iso(access.release_at),
            }
        )
    return "quiz_attempts", rows


@hooks.register(PERSONAL_DATA_HOOK)
def attendance_data(user):
    records = AttendanceRecord.objects.filter(user=user).select_related("session", "venue").order_by("server_time")
    return "attendance", [
        {
            "session": r.session.title,
            "venue": r.venue.name,
            "status": r.status,
            "method": r.method,
            "checked_in_at": _iso(r.server_time),
        }
        for r in records
    ]


@hooks.register(ANONYMISE_HOOK)
def scrub_certificate_names(user):
    # A certificate copies the name at issue time; the public verification page must not show it any more.
    Certificate.objects.filter(user=user).update(trainee_name="—")
