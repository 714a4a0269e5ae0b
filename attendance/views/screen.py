"""The venue screen for the projector, and the small JSON it polls."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from ..screen import screen_state
from ..stream import stream_to_show
from .access import coordinator_required, session_venue_or_404


def _state(request, session_venue):
    def scan_url(code: str) -> str:
        path = reverse("attendance:scan", args=[session_venue.session_id, session_venue.venue_id, code])
        return request.build_absolute_uri(path)

    return screen_state(session_venue, scan_url)


@never_cache
@coordinator_required
def venue_screen(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    state = _state(request, session_venue)
    # Without JavaScript the page reloads itself when the code changes (at most every 10 s).
    refresh = min(state["seconds_left"], 10)
    stream, is_replay = stream_to_show(session_venue.session, timezone.now())
    return render(
        request,
        "attendance/screen.html",
        {
            "session_venue": session_venue,
            "state": state,
            "refresh_seconds": refresh,
            "stream": stream,
            "is_replay": is_replay,
        },
    )


@never_cache
@coordinator_required
def venue_screen_state(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    return JsonResponse(_state(request, session_venue))
