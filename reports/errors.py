from accounts.errors import DomainError


class ReportError(DomainError):
    """A refused report request."""


def reporting_scope(user):
    """The user's ``VenueScope`` for reports, exports and the API; ReportError (403) for anyone who manages nothing."""
    from django.utils.translation import gettext_lazy as _

    from accounts.access import VenueScope

    scope = VenueScope.for_user(user)
    if not scope.is_manager:
        raise ReportError("forbidden", _("Only organisers and venue coordinators can see reports."))
    return scope
