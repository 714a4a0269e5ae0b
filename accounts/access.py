"""The one access policy for sub-venues: which venues a user manages.

Every view, export, API call, menu item and template that decides what a coordinator or
organiser may see asks ``VenueScope.for_user(user)``; nothing else looks at
``Venue.coordinators`` or at role groups to decide access. Roles are decided by permission
(``accounts.roles.manages_all_venues`` / ``coordinates_venues``), so an inactive account —
for which Django grants no permission — manages nothing, whatever groups it is still in.
"""

from functools import cached_property

from django.db.models import Q, QuerySet

from . import roles
from .models import Venue

ALL, COORDINATOR, NOBODY = "all", "coordinator", "nobody"


class VenueScope:
    """The venues one user manages: every venue (organisers), their own (coordinators) or none."""

    def __init__(self, user, kind: str, venue_ids=None):
        self.user = user
        self.kind = kind
        if venue_ids is not None or kind != COORDINATOR:
            self.__dict__["venue_ids"] = None if kind == ALL else frozenset(venue_ids or ())

    @classmethod
    def for_user(cls, user) -> "VenueScope":
        """Cheap to build: a coordinator's venues are read only when first needed (one query)."""
        if roles.manages_all_venues(user):
            return cls(user, ALL)
        if roles.coordinates_venues(user):
            return cls(user, COORDINATOR)
        return cls(user, NOBODY)

    @classmethod
    def everything(cls, user=None) -> "VenueScope":
        """The unrestricted scope, for the shell (management commands) and tests."""
        return cls(user, ALL)

    @property
    def is_manager(self) -> bool:
        """May open coordinator pages and reports at all (an organiser, or a coordinator)."""
        return self.kind != NOBODY

    @property
    def all_venues(self) -> bool:
        return self.kind == ALL

    is_everything = all_venues

    @cached_property
    def venue_ids(self) -> frozenset | None:
        """None for "every venue", else the ids of the venues this user coordinates."""
        return frozenset(Venue.objects.filter(coordinators=self.user).values_list("pk", flat=True))

    def venues(self) -> QuerySet[Venue]:
        return Venue.objects.all() if self.all_venues else Venue.objects.filter(pk__in=self.venue_ids)

    def _ids(self):
        """The venue ids, or a subquery for them when they have not been read (saves a query)."""
        if "venue_ids" in self.__dict__:
            return sorted(self.venue_ids)
        return Venue.objects.filter(coordinators=self.user).values("pk")

    def venue_q(self, path: str = "venue") -> Q:
        """A filter on a venue foreign key (``path``) that keeps only this scope's venues."""
        if self.all_venues:
            return Q()
        return Q(**{f"{path}__in": self._ids()})

    def trainee_q(self, path: str = "user") -> Q:
        """People belong to a coordinator through their default sub-venue."""
        if self.all_venues:
            return Q()
        return Q(**{f"{path}__default_venue__in": self._ids()})

    def filter(self, queryset: QuerySet, field: str = "venue") -> QuerySet:
        return queryset.filter(self.venue_q(field))

    def can_manage(self, venue) -> bool:
        venue_id = getattr(venue, "pk", venue)
        return self.all_venues or venue_id in self.venue_ids

    def __repr__(self):
        return f"<VenueScope {self.kind} {self.user!r}>"
