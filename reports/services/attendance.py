"""Attendance roll-ups for the reports: the attendance ledger grouped by session, city, county, venue
or organisation.

Who counts where, the statuses, "not recorded" and the rates are defined once in
``attendance.ledger``; this module only groups its tallies and labels the groups. A roll-up is the
ledger's two grouped queries plus one for the labels, so its query count does not grow with venues,
people or records.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.access import VenueScope as Scope
from accounts.models import Division, Organisation, User, Venue
from attendance import ledger
from attendance.ledger import ATTENDED, Tally
from attendance.models import SessionVenue, Status, TrainingSession

STATUSES = tuple(Status.values)
NO_COUNTY = "none"  # the "county" of city-level sub-venues, in drill-down links

# Grouping key for each level, as a path valid from both halves of the ledger.
GROUP_KEYS = {
    "session": "session_id",
    "city": "venue__city_id",
    "county": "venue__county_id",
    "venue": "venue_id",
    "organisation": "user__organisation_id",
}

__all__ = ["ATTENDED", "NO_COUNTY", "STATUSES", "Filters", "Tally", "attendance_rollup", "total"]


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


def _tallies(scope: Scope, filters: Filters, group_by: str) -> dict:
    return ledger.tallies(filters.q(scope), GROUP_KEYS[group_by])


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
    """The total row: the sum of the rows above it (the ledger makes it equal the parent's own tally)."""
    return ledger.sum_of(tallies, label=str(_("Total")))


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
    tallies = ledger.tallies(scope.venue_q("venue") & Q(session_id__in=ids), "session_id") if ids else {}
    rows = []
    for session in page.object_list:
        tally = tallies.get(session.pk) or Tally(key=session.pk)
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
    status: str  # "" when not recorded
    expected: bool


def venue_roster(scope: Scope, session_id: int, venue_id: int) -> list[RosterLine]:
    """Everyone the ledger counts at one venue for one session, with their status (three queries)."""
    if not scope.is_everything and venue_id not in scope.venue_ids:
        return []
    people = ledger.people_at(session_id, venue_id)
    users = {
        uid: (name, email, org)
        for uid, name, email, org in User.objects.filter(id__in=[p.user_id for p in people]).values_list(
            "id", "real_name", "email", "organisation__name"
        )
    }
    lines = []
    for person in people:
        name, email, org = users[person.user_id]
        status = "" if person.status == ledger.NOT_RECORDED else person.status
        lines.append(RosterLine(person.user_id, name or email, email, org or "", status, bool(person.source)))
    return sorted(lines, key=lambda line: (line.organisation, line.name))
