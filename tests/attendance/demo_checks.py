"""The attendance demo: 168 venues with coordinators, the 10 November meeting, an upcoming session to try."""

from django.db.models import Count

from accounts.models import User, Venue
from attendance import checkin, codes, demo
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, Method, Status, TrainingSession


def demo_counts():
    return (
        Venue.objects.count(),
        User.objects.count(),
        ExpectedParticipant.objects.count(),
        AttendanceRecord.objects.count(),
        AttendanceChange.objects.count(),
        TrainingSession.objects.count(),
    )


def check_demo_data_is_complete_and_tryable():
    """Called by tests/test_demo.py after setup_demo ran (twice): one demo run serves every app's checks."""
    venues = Venue.objects.all()
    assert venues.count() == 168
    assert venues.values("city").distinct().count() == 16
    assert not venues.filter(coordinators=None).exists()
    assert set(venues.values_list("level", flat=True)) == {"province", "city", "county", "company"}
    assert User.objects.filter(email="coordinator001@example.org", groups__name="Venue coordinator").exists()
    assert User.objects.get(email="coordinator@example.org").coordinated_venues.count() == 1

    meeting = TrainingSession.objects.get(title=demo.MEETING_TITLE)
    assert meeting.session_venues.count() == 168
    expected = meeting.expected.count()
    assert 1400 <= expected <= 1450
    assert meeting.records.count() == expected
    spread = dict(meeting.records.values_list("status").annotate(n=Count("id")))
    assert spread[Status.PRESENT] > 0.85 * expected and all(spread.get(s, 0) > 0 for s in Status.values)
    methods = set(meeting.records.values_list("method", flat=True))
    assert methods == set(Method.values)
    assert meeting.records.filter(method=Method.IMPORT).exclude(source_line=None).exists()
    kinds = set(meeting.expected.values_list("user__organisation__kind", flat=True))
    assert {"key_emitter", "dept_province", "dept_city", "dept_county"} <= kinds
    assert AttendanceChange.objects.filter(record__session=meeting).count() > expected  # creations + corrections

    # A visitor signed in as the demo trainee can try checking in to the upcoming session.
    upcoming = TrainingSession.objects.get(title=demo.UPCOMING_TITLE)
    trainee = User.objects.get(email="trainee@example.org")
    expected = ExpectedParticipant.objects.get(session=upcoming, user=trainee)
    code = codes.current_code(upcoming.pk, expected.venue_id, upcoming.code_rotation_seconds).code
    result = checkin.check_in_with_code(trainee, code)
    assert result.created and result.status == Status.PRESENT


def check_demo_reports_stay_within_100_percent_after_walk_ins():
    """The demo's meeting plus a few self check-ins and walk-ins: every report level adds up and no rate
    goes above 100 % (the issue saw 118.2 %, 128.6 % and 108.7 % here)."""
    from django.utils import timezone

    from accounts import roles
    from attendance import services
    from tests.factories import UserFactory
    from tests.reports import ledger_checks

    meeting = TrainingSession.objects.get(title=demo.MEETING_TITLE)
    links = list(meeting.session_venues.select_related("venue").order_by("venue_id")[:6])
    coordinator = links[0].venue.coordinators.first()
    during = meeting.checkin_opens_at + timezone.timedelta(minutes=10)
    for n, link in enumerate(links):
        newcomer = UserFactory(roles=[roles.TRAINEE], default_venue=link.venue, real_name=f"自助签到{n}")
        checkin.check_in(newcomer, meeting.pk, link.venue_id, method=Method.QR, now=during)
        walk_in = UserFactory(roles=[roles.TRAINEE], default_venue=link.venue, real_name=f"现场补录{n}")
        services.add_walk_in(link, walk_in, by=coordinator)
    ledger_checks.check_report_levels(meeting)
