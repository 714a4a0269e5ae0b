"""Who sees which venues: organisers everything, coordinators only the venues they coordinate.

Every report, export and API call starts from a ``Scope`` and filters its queries through it,
so a coordinator's numbers can never include another venue's records.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import Venue

from .errors import ReportError


@dataclass(frozen=True)
class Scope:
    """``venue_ids`` is None for "every venue" (organisers), else the venues the user coordinates."""

    user: object
    venue_ids: frozenset | None

    @property
    def is_everything(self) -> bool:
        return self.venue_ids is None

    def venues(self) -> QuerySet[Venue]:
        if self.venue_ids is None:
            return Venue.objects.all()
        return Venue.objects.filter(pk__in=self.venue_ids)

    def venue_q(self, path: str = "venue") -> Q:
        """A filter on a venue foreign key (``path``) that keeps only this scope's venues."""
        if self.venue_ids is None:
            return Q()
        return Q(**{f"{path}__in": sorted(self.venue_ids)})

    def trainee_q(self, path: str = "user") -> Q:
        """People belong to a coordinator through their default sub-venue."""
        if self.venue_ids is None:
            return Q()
        return Q(**{f"{path}__default_venue__in": sorted(self.venue_ids)})


def may_see_reports(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (roles.has_role(user, roles.ORGANISER) or roles.has_role(user, roles.COORDINATOR))
    )


def scope_for(user) -> Scope:
    """The user's scope (one query for a coordinator's venues); ReportError when they may not see reports."""
    if not may_see_reports(user):
        raise ReportError("forbidden", _("Only organisers and venue coordinators can see reports."))
    if user.is_superuser or roles.has_role(user, roles.ORGANISER):
        return Scope(user=user, venue_ids=None)
    return Scope(user=user, venue_ids=frozenset(Venue.objects.filter(coordinators=user).values_list("pk", flat=True)))


def everything(user=None) -> Scope:
    """The unrestricted scope, for the shell (management commands) and tests."""
    return Scope(user=user, venue_ids=None)
