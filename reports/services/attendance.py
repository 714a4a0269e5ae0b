"""Attendance roll-ups: expected vs present / late / excused / absent, grouped in the database.

Each roll-up is two grouped queries (expected participants, attendance records) plus one for the
labels of the groups, so its query count does not grow with venues, people or records.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from accounts.models import Division, Organisation, Venue
from attendance.models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, Status, TrainingSession

from ..scope import Scope

ATTENDED = (Status.PRESENT, Status.LATE)
STATUSES = (Status.PRESENT, Status.LATE, Status.EXCUSED, Status.ABSENT)
NO_COUNTY = "none"  # the "county" of city-level sub-venues, in drill-down links

# Grouping key for each level, as a path from ExpectedParticipant / AttendanceRecord.
GROUP_KEYS = {
    "session": "session_id",
    "city": "venue__city_id",
    "county": "venue__county_id",
    "venue": "venue_id",
    "organisation": "user__organisation_id",
}


@dataclass
class Filters:
    """What the person drilled into; empty values mean "all"."""

    session: int | None = None
    city: str | None = None
    county: str | None = None
    venue: int | None = None
    organisation: int | None = None

    def q(self, scope: Scope) -> Q:
        """The same filter for expected participants and attendance records (both have session, venue, user)."""
        q = scope.venue_q("venue")
        if self.session:
            q &= Q(session_id=self.session)
        if self.city:
            q &= Q(venue__city_id=self.city)
        if self.county == NO_COUNTY:
            q &= Q(venue__county__isnull=True)
        elif self.county:
            q &= Q(venue__county_id=self.county)
        if self.venue:
            q &= Q(venue_id=self.venue)
        if self.organisation:
            q &= Q(user__organisation_id=self.organisation)
        return q


@dataclass
class Tally:
    """One row of a roll-up: a group (city, venue, session…) and its counts."""

    key: object
    label: str = ""
    detail: str = ""
    expected: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    online: int = 0  # of the attended, those who watched the live stream (method "online")
    extra: dict = field(default_factory=dict)

    @property
    def recorded(self) -> int:
        return self.present + self.late + self.excused + self.absent

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def not_recorded(self) -> int:
        """Expected people with no record yet (walk-ins do not make it negative)."""
        return max(0, self.expected - self.recorded)

    @property
    def rate(self) -> float | None:
        """Share of the expected who attended (present or late); None when nobody was expected."""
        return self.attended / self.expected if self.expected else None

    def add(self, other: "Tally") -> None:
        for name in ("expected", *STATUSES, "online"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _status_counts():
    counts = {status: Count("id", filter=Q(status=status)) for status in STATUSES}
    counts["online"] = Count("id", filter=Q(status__in=(Status.PRESENT, Status.LATE), method=Method.ONLINE))
    return counts


def _tallies(scope: Scope, filters: Filters, group_by: str) -> dict:
    key = GROUP_KEYS[group_by]
    where = filters.q(scope)
    tallies: dict = {}
    expected = ExpectedParticipant.objects.filter(where).values(key).annotate(n=Count("id")).order_by()
    for row in expected:
        tallies.setdefault(row[key], Tally(key=row[key])).expected = row["n"]
    records = AttendanceRecord.objects.filter(where).values(key).annotate(**_status_counts()).order_by()
    for row in records:
        tally = tallies.setdefault(row[key], Tally(key=row[key]))
        for status in (*STATUSES, "online"):
            setattr(tally, status, row[status])
    return tallies


def _label_divisions(tallies: dict, level: str, parent: str | None, include_empty: bool) -> list[Tally]:
    divisions = Division.objects.filter(level=level)
    if parent:
        divisions = divisions.filter(parent_id=parent)
    if not include_empty:
        divisions = divisions.filter(adcode__in=[k for k in tallies if k])
    rows = []
    for division in divisions.order_by("adcode"):
        tally = tallies.pop(division.adcode, None) or Tally(key=division.adcode)
        tally.label = division.display_name
        tally.extra = {"longitude": division.longitude, "latitude": division.latitude}
        rows.append(tally)
    if level == Division.Level.COUNTY and None in tallies:
        tally = tallies.pop(None)
        tally.key, tally.label = NO_COUNTY, str(_("City-level sub-venues"))
        rows.append(tally)
    return rows


def _label_venues(scope: Scope, tallies: dict, filters: Filters) -> list[Tally]:
    venues = Venue.objects.filter(pk__in=[k for k in tallies if k])
    if filters.session:
        # Venues taking part in the session appear even before anyone is expected or checks in.
        taking_part = SessionVenue.objects.filter(Q(session_id=filters.session) & filters.q(scope)).values("venue_id")
        venues = Venue.objects.filter(Q(pk__in=[k for k in tallies if k]) | Q(pk__in=taking_part))
    rows = []
    for venue in venues.select_related("city", "county").order_by("city_id", "county_id", "name"):
        tally = tallies.pop(venue.pk, None) or Tally(key=venue.pk)
        tally.label = venue.name
        tally.detail = " · ".join(d.display_name for d in (venue.city, venue.county) if d)
        tally.extra = {"city": venue.city_id, "county": venue.county_id}
        rows.append(tally)
    return rows


def _label_organisations(tallies: dict) -> list[Tally]:
    names = dict(Organisation.objects.filter(pk__in=[k for k in tallies if k]).values_list("pk", "name"))
    rows = []
    for key, tally in tallies.items():
        tally.label = names.get(key) or str(_("No organisation"))
        rows.append(tally)
    return sorted(rows, key=lambda t: (t.rate is None, t.rate or 0, t.label))


def _label_sessions(tallies: dict) -> list[Tally]:
    sessions = TrainingSession.objects.filter(pk__in=list(tallies)).order_by("-starts_at")
    rows = []
    for session in sessions.only("id", "title", "starts_at"):
        tally = tallies[session.pk]
        tally.label = session.title
        tally.extra = {"starts_at": session.starts_at}
        rows.append(tally)
    return rows


def attendance_rollup(scope: Scope, filters: Filters, group_by: str) -> list[Tally]:
    """Tallies grouped by ``session``, ``city``, ``county``, ``venue`` or ``organisation`` (three queries)."""
    tallies = _tallies(scope, filters, group_by)
    if group_by == "city":
        return _label_divisions(tallies, Division.Level.CITY, None, include_empty=scope.is_everything)
    if group_by == "county":
        return _label_divisions(tallies, Division.Level.COUNTY, filters.city, include_empty=False)
    if group_by == "venue":
        return _label_venues(scope, tallies, filters)
    if group_by == "organisation":
        return _label_organisations(tallies)
    return _label_sessions(tallies)


def total(tallies: list[Tally]) -> Tally:
    result = Tally(key=None, label=str(_("Total")))
    for tally in tallies:
        result.add(tally)
    return result


# --- Sessions -----------------------------------------------------------------------------------


def visible_sessions(scope: Scope):
    """Sessions with at least one of the scope's venues taking part, latest first."""
    sessions = TrainingSession.objects.all()
    if not scope.is_everything:
        sessions = sessions.filter(
            pk__in=SessionVenue.objects.filter(scope.venue_q("venue")).values("session_id"),
        )
    return sessions.order_by("-starts_at", "-pk")


def session_page(scope: Scope, page_number, per_page: int = 20):
    """One page of sessions with their tallies: (page, tallies in page order). Four queries."""
    paginator = Paginator(visible_sessions(scope).only("id", "title", "starts_at"), per_page)
    page = paginator.get_page(page_number)
    ids = [s.pk for s in page.object_list]
    tallies = {session_id: Tally(key=session_id) for session_id in ids}
    if ids:
        where = scope.venue_q("venue") & Q(session_id__in=ids)
        for row in ExpectedParticipant.objects.filter(where).values("session_id").annotate(n=Count("id")).order_by():
            tallies[row["session_id"]].expected = row["n"]
        records = AttendanceRecord.objects.filter(where).values("session_id").annotate(**_status_counts()).order_by()
        for row in records:
            for status in (*STATUSES, "online"):
                setattr(tallies[row["session_id"]], status, row[status])
    rows = []
    for session in page.object_list:
        tally = tallies[session.pk]
        tally.label, tally.extra = session.title, {"starts_at": session.starts_at}
        rows.append(tally)
    return page, rows


# --- One venue's roster -------------------------------------------------------------------------


@dataclass
class RosterLine:
    user_id: int
    name: str
    email: str
    organisation: str
    status: str  # "" when expected but not recorded
    expected: bool


def venue_roster(scope: Scope, session_id: int, venue_id: int) -> list[RosterLine]:
    """Everyone expected at or recorded at one venue for one session, with their status (two queries)."""
    if not scope.is_everything and venue_id not in scope.venue_ids:
        return []
    status_here = AttendanceRecord.objects.filter(session_id=session_id, user_id=OuterRef("user_id")).values("status")
    expected = (
        ExpectedParticipant.objects.filter(session_id=session_id, venue_id=venue_id)
        .annotate(record_status=Subquery(status_here[:1]))
        .values_list("user_id", "user__real_name", "user__email", "user__organisation__name", "record_status")
    )
    lines = {
        uid: RosterLine(uid, name or email, email, org or "", status or "", True)
        for uid, name, email, org, status in expected
    }
    expected_here = ExpectedParticipant.objects.filter(session_id=session_id, venue_id=venue_id).values("user_id")
    walk_ins = (
        AttendanceRecord.objects.filter(session_id=session_id, venue_id=venue_id)
        .exclude(user_id__in=expected_here)
        .values_list("user_id", "user__real_name", "user__email", "user__organisation__name", "status")
    )
    for uid, name, email, org, status in walk_ins:
        lines[uid] = RosterLine(uid, name or email, email, org or "", status, False)
    return sorted(lines.values(), key=lambda line: (line.organisation, line.name))
