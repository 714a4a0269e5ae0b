"""Trainee check-in: the QR link, the confirmation page and the code form."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import checkin, code_guessing
from ..forms import CodeCheckInForm
from ..models import AttendanceRecord
from ..services import AttendanceError
from .access import http_status_for

# What a browser form and the page's fetch (FormData) send; anything else is refused with 415.
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# The ticket an anonymous scan made, kept in that browser's session until its holder signs in.
SCANNED_TICKET_KEY = "attendance_scanned_ticket"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _respond(request, result=None, error: AttendanceError | None = None, status=200, **context):
    """The outcome as JSON for the enhanced form, or as a page for everyone else."""
    if error is not None:
        status = http_status_for(error)
    if _wants_json(request):
        if error is not None:
            response = JsonResponse({"ok": False, "code": error.code, "message": str(error.message)}, status=status)
        else:
            response = JsonResponse(
                {
                    "ok": True,
                    "created": result.created,
                    "status": result.status,
                    "status_label": str(result.status_label),
                    "venue": result.venue_name,
                    "session": result.session_title,
                }
            )
    else:
        context.update({"result": result, "error": error})
        response = render(request, "attendance/checkin_result.html", context, status=status)
    return _with_retry_after(response, error)


def _with_retry_after(response, error):
    if error is not None and error.code == code_guessing.TOO_MANY:
        response["Retry-After"] = str(code_guessing.WRONG_CODE_WINDOW_SECONDS)
    return response


def _refuse_content_type(request):
    """A check-in POST must be a form; JSON or plain text would otherwise look like an empty form."""
    if request.method != "POST" or request.content_type in FORM_CONTENT_TYPES:
        return None
    error = AttendanceError(
        "unsupported_content_type",
        _("A check-in must be sent as a web form (form fields), not as “%(sent)s”.")
        % {"sent": request.content_type or "-"},
    )
    return _respond(request, error=error)


@require_GET
def scan(request, session_id: int, venue_id: int, code: str):
    """Where the QR code points: a valid code becomes a ticket, then sign-in if needed."""
    signed_in = request.user.is_authenticated
    try:
        ticket = checkin.ticket_for_scan(session_id, venue_id, code, holder_id=request.user.pk if signed_in else None)
    except AttendanceError as error:
        return _respond(request, error=error)
    if not signed_in:
        request.session[SCANNED_TICKET_KEY] = ticket  # kept through sign-in; binds the ticket to this browser
    return redirect("attendance:checkin_ticket", ticket=ticket)


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, ticket: str):
    """One tap to check in (a POST, so link previews and prefetchers never check anyone in)."""
    refused = _refuse_content_type(request)
    if refused:
        return refused
    scanned_here = request.session.get(SCANNED_TICKET_KEY)
    if request.method == "POST":
        try:
            result = checkin.check_in_with_ticket(
                request.user, ticket, scanned_here=scanned_here, **checkin.client_claims(request.POST)
            )
        except AttendanceError as error:
            return _respond(request, error=error)
        return _respond(request, result)
    try:
        session_id, venue_id = checkin.ticket_venue(request.user, ticket, scanned_here)
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
    refused = _refuse_content_type(request)
    if refused:
        return refused
    form = CodeCheckInForm(request.POST if request.method == "POST" else None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            result = checkin.check_in_with_code(
                request.user, form.cleaned_data["code"], **checkin.client_claims(request.POST)
            )
        except AttendanceError as error:
            if _wants_json(request):
                return _respond(request, error=error)
            form.add_error("code", str(error.message))
            refusal = error
        else:
            return _respond(request, result)
    status = 400 if form.errors else 200
    if refusal is not None and refusal.code == code_guessing.TOO_MANY:
        status = 429
    response = render(request, "attendance/checkin_code.html", {"form": form}, status=status)
    return _with_retry_after(response, refusal)
