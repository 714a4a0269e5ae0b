"""A training session open for check-in at the bench venue, every bench trainee expected there.

The check-in measured is the one a trainee's phone makes after scanning the venue's QR
code: POST to the ticket URL (attendance:checkin_ticket) with the page's JSON Accept
header. The scan itself (code → ticket redirect) happens once per venue screen refresh,
so the seeder issues each trainee's ticket with attendance.codes, as the scan would.
"""

from datetime import timedelta

from ..client import CSRF_SECRET, Call
from . import require


def seed(context: dict) -> dict:
    require("attendance.checkin", "attendance.codes", "attendance.services", "attendance.views.checkin")
    from django.urls import reverse
    from django.utils import timezone

    from attendance import codes, services
    from attendance.models import SessionVenue, TrainingSession

    now = timezone.now()
    session = TrainingSession.objects.create(
        title="基准测试直播培训",
        starts_at=now,
        ends_at=now + timedelta(hours=3),
        checkin_opens_at=now - timedelta(minutes=10),
        checkin_closes_at=now + timedelta(hours=3),
        late_after=now + timedelta(hours=2),
    )
    SessionVenue.objects.create(session=session, venue=context["venue"])
    expected = services.add_expected_from_default_venues(session)
    # A ticket names the trainee who scanned, so each trainee gets their own.
    paths = {
        str(trainee["id"]): reverse(
            "attendance:checkin_ticket", args=[codes.make_ticket(session.pk, context["venue"].pk, trainee["id"])]
        )
        for cohort in context["trainees"].values()
        for trainee in cohort
    }
    return {
        "session_id": session.pk,
        "venue_id": context["venue"].pk,
        "expected": expected,
        "paths": paths,
    }


def checkin_calls(manifest: dict, cohort: str) -> list[Call]:
    """One check-in per trainee of the cohort; retried on a dropped connection or a 5xx (idempotent)."""
    attendance, cookie = manifest["attendance"], manifest["session_cookie"]
    return [
        Call(
            attendance["paths"][str(trainee["id"])],
            "POST",
            cookies={cookie: trainee["session"], manifest["csrf_cookie"]: CSRF_SECRET},
            headers={"Accept": "application/json", "X-CSRFToken": CSRF_SECRET},
            data={"device_time": ""},
            key=str(trainee["id"]),
            retryable=True,
        )
        for trainee in manifest["trainees"][cohort]
    ]


def audit(session_id: int, user_ids: list[int]) -> dict:
    """Lost: trainees without a record. Duplicated: extra records, or extra "created" history rows."""
    from django.db.models import Count

    from attendance.models import AttendanceChange, AttendanceRecord

    records = AttendanceRecord.objects.filter(session_id=session_id, user_id__in=user_ids)
    record_count = records.count()
    distinct_users = records.values("user_id").distinct().count()
    created_rows = AttendanceChange.objects.filter(record__in=records, from_status="").count()
    per_user = records.values("user_id").annotate(n=Count("id")).filter(n__gt=1).count()
    return {
        "trainees": len(user_ids),
        "records": record_count,
        "lost": len(user_ids) - distinct_users,
        "duplicated": (record_count - distinct_users) + max(0, created_rows - record_count) + per_user,
    }
