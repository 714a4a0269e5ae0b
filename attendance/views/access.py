"""Who may open coordinator pages: ``accounts.access.VenueScope`` decides, once per request."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from accounts.access import VenueScope

from .. import services
from ..models import SessionVenue

# How refusals map to HTTP: the page always explains the reason in words.
ERROR_STATUS = {
    "unknown_session": 404,
    "expired_code": 410,
    "not_your_ticket": 403,
    "unsupported_content_type": 415,
    "too_many_codes": 429,
}


def http_status_for(error: services.AttendanceError) -> int:
    return ERROR_STATUS.get(error.code, 400)


def coordinator_required(view):
    """Signed in (else the login page) and a coordinator or organiser (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.venue_scope = VenueScope.for_user(request.user)
        if not request.venue_scope.is_manager:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def scoped_session_venues(scope: VenueScope):
    return scope.filter(SessionVenue.objects.select_related("session", "venue"))


def session_venue_or_404(scope: VenueScope, session_id: int, venue_id: int) -> SessionVenue:
    """A venue of a session that this scope manages; anyone else's is simply not found."""
    return get_object_or_404(scoped_session_venues(scope), session_id=session_id, venue_id=venue_id)
