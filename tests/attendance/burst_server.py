"""Set-up for the concurrency test, run in a subprocess against the server's own database.

    python -m tests.attendance.burst_server OUT.json COUNT

creates a session open for check-in at a few venues, COUNT trainees expected there,
a signed-in browser session for each, and writes what each simulated phone needs
(session cookie, ticket URL) to OUT.json. Also used afterwards to count the results:

    python -m tests.attendance.burst_server --count SESSION_ID
"""

import json
import os
import sys
from datetime import timedelta
from importlib import import_module


def setup(out_path: str, count: int) -> None:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import Division, User, Venue
    from attendance import codes
    from attendance.models import ExpectedParticipant, SessionVenue, TrainingSession

    city = Division.objects.get(adcode="370100")
    venues = Venue.objects.bulk_create(Venue(name=f"压测分会场{n:02d}", city=city) for n in range(20))
    now = timezone.now()
    session = TrainingSession.objects.create(
        title="并发签到压测",
        starts_at=now + timedelta(minutes=30),
        ends_at=now + timedelta(hours=3),
        checkin_opens_at=now - timedelta(minutes=5),
        checkin_closes_at=now + timedelta(hours=3),
        late_after=now + timedelta(minutes=30),
    )
    SessionVenue.objects.bulk_create(SessionVenue(session=session, venue=v) for v in venues)
    password = make_password("burst-password-123")
    users = User.objects.bulk_create(
        User(email=f"burst{n:05d}@example.org", real_name=f"压测{n}", password=password) for n in range(count)
    )
    users = list(User.objects.filter(email__startswith="burst").order_by("id"))
    ExpectedParticipant.objects.bulk_create(
        ExpectedParticipant(session=session, venue=venues[n % len(venues)], user=u) for n, u in enumerate(users)
    )
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    phones = []
    for n, user in enumerate(users):
        store = store_class()
        store.update(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        store.save(must_create=True)
        ticket = codes.make_ticket(session.pk, venues[n % len(venues)].pk, user.pk)
        phones.append({"cookie": store.session_key, "path": reverse("attendance:checkin_ticket", args=[ticket])})
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump({"session_id": session.pk, "session_cookie": settings.SESSION_COOKIE_NAME, "phones": phones}, fh)


def count(session_id: int) -> None:
    from django.db.models import Count

    from attendance.models import AttendanceChange, AttendanceRecord

    records = AttendanceRecord.objects.filter(session_id=session_id)
    print(
        json.dumps(
            {
                "records": records.count(),
                "users": records.values("user_id").distinct().count(),
                "max_per_user": max(records.values("user_id").annotate(n=Count("id")).values_list("n", flat=True)),
                "created_history": AttendanceChange.objects.filter(
                    record__session_id=session_id, from_status=""
                ).count(),
            }
        )
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    if sys.argv[1] == "--count":
        count(int(sys.argv[2]))
    else:
        setup(sys.argv[1], int(sys.argv[2]))
