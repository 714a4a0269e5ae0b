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
    # A second session for the delayed check-ins row: its window opened long enough ago that
    # a code typed five minutes before the burst lies inside it.
    late = TrainingSession.objects.create(
        title="基准测试断网补签培训",
        starts_at=now,
        ends_at=now + timedelta(hours=3),
        checkin_opens_at=now - timedelta(hours=1),
        checkin_closes_at=now + timedelta(hours=3),
        late_after=now + timedelta(hours=2),
        code_rotation_seconds=60,
    )
    SessionVenue.objects.create(session=late, venue=context["venue"])
    venue_id = context["venue"].pk
    services.add_expected_from_default_venues(late)
    return {
        "session_id": session.pk,
        "venue_id": context["venue"].pk,
        "expected": expected,
        "paths": paths,
        "late_session_id": late.pk,
        # Tickets name the trainee who scanned: each trainee gets their own for the late session too.
        "late_ticket_paths": {
            str(trainee["id"]): reverse(
                "attendance:checkin_ticket", args=[codes.make_ticket(late.pk, venue_id, trainee["id"])]
            )
            for cohort in context["trainees"].values()
            for trainee in cohort
        },
        "code_path": reverse("attendance:checkin_code"),
    }


DELAY_SECONDS = 5 * 60
LATE_SHARE = 0.3


def delayed_code(manifest: dict) -> dict:
    """The code a phone saw five minutes ago (typed at the start of that code's window), as the probe computes it."""
    import time
    from datetime import UTC, datetime

    from attendance import codes

    attendance = manifest["attendance"]
    rotation = 60
    now = time.time()
    window = codes.window_number(now - DELAY_SECONDS, rotation)
    typed_at = window * rotation + 1
    return {
        "code": codes.code_for_window(attendance["late_session_id"], attendance["venue_id"], window),
        "device_time": datetime.fromtimestamp(typed_at, UTC).isoformat(),
        "sent_at": datetime.fromtimestamp(now, UTC).isoformat(),
    }


def late_checkin_calls(manifest: dict, cohort: str, delayed: dict) -> list[Call]:
    """Every trainee checks in once at the late session: 70 % now (QR ticket), 30 % five minutes
    late (the code they typed offline, with the phone's time of entry and a nonce)."""
    attendance, cookie = manifest["attendance"], manifest["session_cookie"]
    trainees = manifest["trainees"][cohort]
    calls = []
    for index, trainee in enumerate(trainees):
        late = index % 10 < round(LATE_SHARE * 10)
        data = (
            {"code": delayed["code"], "device_time": delayed["device_time"], "sent_at": delayed["sent_at"]}
            if late
            else {"device_time": ""}
        )
        data["nonce"] = f"bench-{trainee['id']}"
        calls.append(
            Call(
                attendance["code_path"] if late else attendance["late_ticket_paths"][str(trainee["id"])],
                "POST",
                cookies={cookie: trainee["session"], manifest["csrf_cookie"]: CSRF_SECRET},
                headers={"Accept": "application/json", "X-CSRFToken": CSRF_SECRET},
                data=data,
                key=str(trainee["id"]),
                retryable=True,
            )
        )
    return calls


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
