"""The session's page (the live stream or its replay, with the viewer's watch time) and its heartbeats."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import watch
from ..models import TrainingSession
from ..services import AttendanceError
from ..stream import stream_to_show

MAX_HEARTBEAT_BYTES = 1024
HEARTBEAT_STATUS = {"forged_heartbeat": 403, "other_device": 409, "not_live": 409}


@never_cache
@login_required
@require_GET
def session_page(request, session_id: int):
    session = get_object_or_404(TrainingSession, pk=session_id)
    now = timezone.now()
    stream, is_replay = stream_to_show(session, now)
    ledger = watch.ledger_for(request.user, session)
    device_id = watch.new_device_id()
    return render(
        request,
        "attendance/session.html",
        {
            "session": session,
            "stream": stream,
            "is_replay": is_replay,
            "is_live": watch.is_live(session, now),
            "watched_minutes": int((ledger.seconds if ledger else 0) // 60),
            "needed_minutes": int(-(-watch.threshold_seconds(session) // 60)),
            "attended_online": bool(ledger and ledger.attendance_recorded_at),
            "device_id": device_id,
            "page_key": watch.page_key(request.user.pk, session.pk, device_id),
            "heartbeat_seconds": settings.WATCH_HEARTBEAT_SECONDS,
        },
    )


def _refused(code: str, message) -> JsonResponse:
    return JsonResponse({"ok": False, "code": code, "message": str(message)}, status=HEARTBEAT_STATUS.get(code, 400))


@never_cache
@login_required
@require_POST
def heartbeat(request, session_id: int):
    """One signed heartbeat from the session page (JSON: device, seq, played, signature)."""
    session = get_object_or_404(TrainingSession, pk=session_id)
    if len(request.body) > MAX_HEARTBEAT_BYTES:
        return _refused("bad_heartbeat", "Too large.")
    try:
        data = json.loads(request.body)
        device_id, seq = str(data["device"]), int(data["seq"])
        played, signature = str(data["played"]), str(data["signature"])
    except (ValueError, KeyError, TypeError):
        return _refused("bad_heartbeat", "Expected JSON with device, seq, played and signature.")
    try:
        beat = watch.record_heartbeat(
            request.user, session, device_id=device_id, seq=seq, played=played, signature=signature
        )
    except AttendanceError as error:
        return _refused(error.code, error.message)
    return JsonResponse(
        {
            "ok": True,
            "credited": round(beat.credited, 1),
            "duplicate": beat.duplicate,
            "watched_minutes": int(beat.seconds // 60),
            "seconds": round(beat.seconds, 1),
            "attended": beat.attended,
        }
    )
