"""Trainee check-in: the QR link, the confirmation page and the code form."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from .. import checkin
from ..forms import CodeCheckInForm
from ..models import AttendanceRecord
from ..services import AttendanceError
from .access import http_status_for


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _respond(request, result=None, error: AttendanceError | None = None, status=200, **context):
    """The outcome as JSON for the enhanced form, or as a page for everyone else."""
    if error is not None:
        status = http_status_for(error)
    if _wants_json(request):
        if error is not None:
            return JsonResponse({"ok": False, "code": error.code, "message": str(error.message)}, status=status)
        return JsonResponse(
            {
                "ok": True,
                "created": result.created,
                "status": result.status,
                "status_label": str(result.status_label),
                "venue": result.venue_name,
                "session": result.session_title,
            }
        )
    context.update({"result": result, "error": error})
    return render(request, "attendance/checkin_result.html", context, status=status)


@require_GET
def scan(request, session_id: int, venue_id: int, code: str):
    """Where the QR code points: a valid code becomes a ticket, then sign-in if needed."""
    try:
        ticket = checkin.ticket_for_scan(session_id, venue_id, code)
    except AttendanceError as error:
        return _respond(request, error=error)
    return redirect("attendance:checkin_ticket", ticket=ticket)


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, ticket: str):
    """One tap to check in (a POST, so link previews and prefetchers never check anyone in)."""
    if request.method == "POST":
        try:
            result = checkin.check_in_with_ticket(request.user, ticket, **checkin.client_claims(request.POST))
        except AttendanceError as error:
            return _respond(request, error=error)
        return _respond(request, result)
    try:
        session_id, venue_id = checkin.read_ticket(ticket)
        info = checkin.session_info(session_id)
        if info is None or venue_id not in info.venue_names:
            raise AttendanceError("invalid_code", checkin.INVALID_LINK)
    except AttendanceError as error:
        return _respond(request, error=error)
    existing = AttendanceRecord.objects.filter(session_id=session_id, user=request.user).first()
    return render(
        request,
        "attendance/checkin_confirm.html",
        {"info": info, "venue_name": info.venue_names[venue_id], "ticket": ticket, "existing": existing},
    )


@login_required
@require_http_methods(["GET", "POST"])
def code_entry(request):
    form = CodeCheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = checkin.check_in_with_code(
                request.user, form.cleaned_data["code"], **checkin.client_claims(request.POST)
            )
        except AttendanceError as error:
            if _wants_json(request):
                return _respond(request, error=error)
            form.add_error("code", str(error.message))
        else:
            return _respond(request, result)
    status = 400 if form.errors else 200
    return render(request, "attendance/checkin_code.html", {"form": form}, status=status)
