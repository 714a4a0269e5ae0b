"""The attendance ledger: who counts where, and every figure derived from it, defined once.

Every screen, roster, report level, export and API answer reads attendance through this module.

- **Who counts at a session**: everyone expected there *and* everyone with a record there, so a
  walk-in or a self check-in without an expectation counts too.
- **Where they count**: at the venue of their record when they have one (where they really were),
  else at the venue where they are expected. Records and expectations are both unique per session
  and person, so every person counts at exactly one venue per session: a parent (session, city,
  county) is the sum of its venues by construction.
- **Status**: the record's status, or "not recorded" (``NOT_RECORDED``) when there is none.
- **Expected** = recorded + not recorded; **attended** = present + late; **rate** = attended ÷
  expected, which lies in 0–100 % because attended people are among the expected.
- **Head-count gap**: the coordinator's head count minus the people recorded as attending there.

Two grouped queries answer any grouping (the records, and the expectations without a record), so a
roll-up's cost does not grow with venues or people.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from .models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, Status

ATTENDED = (Status.PRESENT, Status.LATE)
NOT_RECORDED = "none"  # the status of someone who counts here but has no record


@dataclass
class Tally:
    """The ledger's counts for one group (a venue, a city, a session, an organisation…)."""

    key: object = None
    label: str = ""
    detail: str = ""
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    not_recorded: int = 0
    online: int = 0  # of the attended, those who watched the live stream (method "online"; attendance/watch.py)
    head_count: int | None = None  # only for one session at one venue
    extra: dict = field(default_factory=dict)

    @property
    def recorded(self) -> int:
        return self.present + self.late + self.excused + self.absent

    @property
    def expected(self) -> int:
        return self.recorded + self.not_recorded

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """Share of the expected who attended (0 to 1); None when nobody counts here."""
        return self.attended / self.expected if self.expected else None

    @property
    def head_count_gap(self) -> int | None:
        """People counted in the room minus people recorded as attending (positive: people without a record)."""
        return None if self.head_count is None else self.head_count - self.attended

    @property
    def extra_records(self) -> int:
        """Records of attendance beyond the head count (people who left, or marked by mistake)."""
        gap = self.head_count_gap
        return -gap if gap is not None and gap < 0 else 0

    def count_of(self, status: str) -> int:
        return self.not_recorded if status == NOT_RECORDED else getattr(self, status)

    @classmethod
    def of_statuses(cls, statuses, **fields) -> "Tally":
        """A tally of people already read, one status (or NOT_RECORDED) each."""
        tally = cls(**fields)
        for status in statuses:
            name = "not_recorded" if status == NOT_RECORDED else status
            setattr(tally, name, getattr(tally, name) + 1)
        return tally

    def add(self, other: "Tally") -> None:
        for name in (*Status.values, "not_recorded", "online"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def sum_of(tallies, **fields) -> Tally:
    """A parent row: the sum of its children."""
    result = Tally(**fields)
    for tally in tallies:
        result.add(tally)
    return result


# --- The two halves of the ledger -------------------------------------------------------------


def has_record():
    """For an expectation: does this person have a record at this session (at any venue)?"""
    return Exists(AttendanceRecord.objects.filter(session_id=OuterRef("session_id"), user_id=OuterRef("user_id")))


def records(where: Q | None = None) -> QuerySet[AttendanceRecord]:
    """People with a record: they count at the record's venue."""
    return AttendanceRecord.objects.filter(where or Q())


def unrecorded(where: Q | None = None) -> QuerySet[ExpectedParticipant]:
    """People expected and not recorded anywhere in the session: they count where they are expected."""
    return ExpectedParticipant.objects.filter(where or Q()).filter(~has_record())


def status_counts() -> dict:
    return {
        **{status: Count("id", filter=Q(status=status)) for status in Status.values},
        "online": Count("id", filter=Q(status__in=ATTENDED, method=Method.ONLINE)),
    }


def tallies(where: Q, *keys: str) -> dict:
    """Tallies grouped by ``keys`` (paths valid from both records and expectations), two queries.

    ``where`` filters both halves the same way (session, venue, venue__city, user__organisation…).
    The dict's keys are the group values (a tuple when several keys are given).
    """
    result: dict = {}

    def tally_for(row) -> Tally:
        key = tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]
        return result.setdefault(key, Tally(key=key))

    for row in records(where).values(*keys).annotate(**status_counts()).order_by():
        tally = tally_for(row)
        for status in (*Status.values, "online"):
            setattr(tally, status, row[status])
    for row in unrecorded(where).values(*keys).annotate(n=Count("id")).order_by():
        tally_for(row).not_recorded = row["n"]
    return result


def total(where: Q | None = None) -> Tally:
    """One tally for everything ``where`` selects (two queries)."""
    tally = Tally()
    counts = records(where).aggregate(**status_counts())
    for status in (*Status.values, "online"):
        setattr(tally, status, counts[status] or 0)
    tally.not_recorded = unrecorded(where).count()
    return tally


def venue_tally(session_venue: SessionVenue) -> Tally:
    """One session at one venue, with the coordinator's head count (two queries)."""
    tally = total(Q(session_id=session_venue.session_id, venue_id=session_venue.venue_id))
    tally.key, tally.head_count = (session_venue.session_id, session_venue.venue_id), session_venue.head_count
    return tally


def session_venue_tallies(links) -> None:
    """Attach ``.tally`` to each SessionVenue in ``links`` (two queries for any number of them)."""
    links = list(links)
    if not links:
        return
    where = Q(session_id__in={link.session_id for link in links}, venue_id__in={link.venue_id for link in links})
    found = tallies(where, "session_id", "venue_id")
    for link in links:
        link.tally = found.get((link.session_id, link.venue_id)) or Tally(key=(link.session_id, link.venue_id))
        link.tally.head_count = link.head_count


# --- People at one venue ------------------------------------------------------------------------


@dataclass
class Person:
    """Someone who counts at a venue: their record there, or expected there with no record."""

    user_id: int
    status: str  # a Status value, or NOT_RECORDED
    record: AttendanceRecord | None
    source: str  # why they are on the expected list (ExpectedParticipant.Source), "" when they are not


def people_at(session_id: int, venue_id: int) -> list[Person]:
    """Everyone who counts at one venue for one session (two queries), unsorted."""
    here = Q(session_id=session_id, venue_id=venue_id)
    source = ExpectedParticipant.objects.filter(session_id=OuterRef("session_id"), user_id=OuterRef("user_id"))
    people = [
        Person(record.user_id, record.status, record, record.expected_source or "")
        for record in records(here).annotate(expected_source=Subquery(source.values("source")[:1]))
    ]
    people += [
        Person(user_id, NOT_RECORDED, None, source)
        for user_id, source in unrecorded(here).values_list("user_id", "source")
    ]
    return people


def recorded_elsewhere(session_id: int, venue_id: int) -> QuerySet[AttendanceRecord]:
    """Records at other venues of people expected at this one: they count where they were recorded."""
    expected_here = ExpectedParticipant.objects.filter(session_id=session_id, venue_id=venue_id).values("user_id")
    return AttendanceRecord.objects.filter(session_id=session_id, user_id__in=expected_here).exclude(venue_id=venue_id)
