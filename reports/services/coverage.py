"""Coverage of key emission units: who has been reached, and the list the department chases.

A unit is reached by attendance when a member attended (present or late) a session, by the course
when a member holds a valid certificate, and by the settlement quiz when a member passed it. All
three are correlated subqueries in one statement, so the list costs one query however many units.

A coordinator sees the units of their area (the counties of their sub-venues, or the city of a
city-level sub-venue, or with a member whose default sub-venue is theirs), and only attendance at
their own sub-venues counts.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.access import VenueScope as Scope
from accounts.models import Division, Organisation, User, Venue
from attendance.ledger import ATTENDED
from attendance.models import AttendanceRecord
from courses.models import Certificate
from quizzes.models import Attempt

from .learning import settlement_quiz_keys

GAPS = {
    "no_attendee": _("No attendee"),
    "no_completion": _("No course completion"),
    "no_settlement_pass": _("Nobody passed the settlement quiz"),
}


def _count_people(queryset) -> Coalesce:
    """Distinct members of the outer organisation found in ``queryset`` (a correlated COUNT)."""
    counted = (
        queryset.filter(user__organisation_id=OuterRef("pk"))
        .order_by()
        .values("user__organisation_id")
        .annotate(n=Count("user_id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def units_in_scope(scope: Scope) -> QuerySet[Organisation]:
    units = Organisation.objects.filter(kind=Organisation.Kind.KEY_EMITTER)
    if scope.is_everything:
        return units
    venues = Venue.objects.filter(pk__in=sorted(scope.venue_ids))
    area = (
        Q(county_id__in=venues.filter(county__isnull=False).values("county_id"))
        | Q(city_id__in=venues.filter(county__isnull=True).values("city_id"))
        | Exists(User.objects.filter(organisation_id=OuterRef("pk"), default_venue__in=venues))
    )
    return units.filter(area)


def annotated_units(scope: Scope, settlement_keys: list | None = None) -> QuerySet[Organisation]:
    """Key emission units with members, attendees, certified and settlement passers counted per unit."""
    keys = settlement_quiz_keys() if settlement_keys is None else settlement_keys
    members = (
        User.objects.filter(organisation_id=OuterRef("pk"), is_active=True)
        .order_by()
        .values("organisation_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return units_in_scope(scope).annotate(
        members_count=Coalesce(Subquery(members, output_field=IntegerField()), Value(0)),
        attendees=_count_people(AttendanceRecord.objects.filter(scope.venue_q("venue"), status__in=ATTENDED)),
        certified=_count_people(Certificate.objects.filter(revoked_at__isnull=True)),
        settlement_passers=_count_people(Attempt.objects.filter(passed=True, quiz_key__in=keys)),
    )


@dataclass
class CoverageFilters:
    city: str | None = None
    county: str | None = None
    gap: str | None = None  # one of GAPS, or "any" for units with at least one gap

    def apply(self, units: QuerySet) -> QuerySet:
        if self.city:
            units = units.filter(city_id=self.city)
        if self.county:
            units = units.filter(county_id=self.county)
        if self.gap == "no_attendee":
            units = units.filter(attendees=0)
        elif self.gap == "no_completion":
            units = units.filter(certified=0)
        elif self.gap == "no_settlement_pass":
            units = units.filter(settlement_passers=0)
        elif self.gap == "any":
            units = units.filter(Q(attendees=0) | Q(certified=0) | Q(settlement_passers=0))
        return units


def coverage_units(scope: Scope, filters: CoverageFilters | None = None, settlement_keys=None) -> QuerySet:
    """The units, gaps first (the ones nobody reached at all on top), then by city and name."""
    units = (filters or CoverageFilters()).apply(annotated_units(scope, settlement_keys))
    gaps_first = ("attendees", "certified", "settlement_passers", "city_id", "name")
    return units.select_related("city", "county").order_by(*gaps_first)


@dataclass
class CoverageRow:
    key: object
    label: str
    units: int = 0
    attended: int = 0
    completed: int = 0
    settled: int = 0
    longitude: float | None = None
    latitude: float | None = None

    def share(self, name: str) -> float | None:
        return getattr(self, name) / self.units if self.units else None

    @property
    def attended_share(self) -> float | None:
        return self.share("attended")

    @property
    def completed_share(self) -> float | None:
        return self.share("completed")

    @property
    def settled_share(self) -> float | None:
        return self.share("settled")

    @property
    def missing_attendance(self) -> int:
        return self.units - self.attended

    @property
    def missing_completion(self) -> int:
        return self.units - self.completed

    @property
    def missing_settlement(self) -> int:
        return self.units - self.settled


def coverage_by_city(scope: Scope, settlement_keys=None) -> tuple[list[CoverageRow], CoverageRow]:
    """Units reached per city and in total (two queries plus the settlement quiz lookup)."""
    grouped = (
        annotated_units(scope, settlement_keys)
        .values("city_id")
        .annotate(
            units=Count("id"),
            attended=Count("id", filter=Q(attendees__gt=0)),
            completed=Count("id", filter=Q(certified__gt=0)),
            settled=Count("id", filter=Q(settlement_passers__gt=0)),
        )
        .order_by()
    )
    counts = {row["city_id"]: row for row in grouped}
    cities = Division.objects.filter(level=Division.Level.CITY).order_by("adcode")
    if not scope.is_everything:
        cities = cities.filter(adcode__in=[k for k in counts if k])
    total = CoverageRow(key=None, label=str(_("Total")))
    rows = []
    for city in cities:
        row = CoverageRow(key=city.adcode, label=city.display_name, longitude=city.longitude, latitude=city.latitude)
        found = counts.pop(city.adcode, None)
        if found:
            row.units, row.attended, row.completed, row.settled = (
                found["units"],
                found["attended"],
                found["completed"],
                found["settled"],
            )
        rows.append(row)
    if None in counts:
        found = counts.pop(None)
        unknown = CoverageRow(None, str(_("City unknown")))
        unknown.units, unknown.attended = found["units"], found["attended"]
        unknown.completed, unknown.settled = found["completed"], found["settled"]
        rows.append(unknown)
    for row in rows:
        total.units += row.units
        total.attended += row.attended
        total.completed += row.completed
        total.settled += row.settled
    return rows, total
