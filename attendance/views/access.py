"""Who may open coordinator pages: the venue scoping lives in the services' querysets."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

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
        if not services.may_run_attendance(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def session_venue_or_404(user, session_id: int, venue_id: int) -> SessionVenue:
    """A venue of a session that this user manages; anyone else's is simply not found."""
    return get_object_or_404(services.managed_session_venues(user), session_id=session_id, venue_id=venue_id)
