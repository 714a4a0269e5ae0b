"""Paper sign-in sheets: print one per venue, then import the typed-up result."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import sheet_import
from ..forms import SheetUploadForm
from ..models import SheetImport
from ..services import AttendanceError
from ..sheet_import import MAX_ROWS
from ..sheets import sign_in_sheet_pdf
from .access import coordinator_required, session_venue_or_404


@coordinator_required
def sheet_pdf(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    response = HttpResponse(sign_in_sheet_pdf(session_venue), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-sheet-S{session_id}-V{venue_id}.pdf"'
    return response


@coordinator_required
@require_http_methods(["GET", "POST"])
def import_upload(request, session_id: int, venue_id: int):
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored = sheet_import.store_upload(session_venue, form.cleaned_data["file"], request.user)
        return redirect("attendance:import_preview", session_id, venue_id, stored.pk)
    status = 400 if form.errors else 200
    return render(
        request, "attendance/import_upload.html", {"session_venue": session_venue, "form": form}, status=status
    )


@coordinator_required
def import_file(request, session_id: int, venue_id: int, import_id: int):
    """The uploaded sheet itself, to the same people who see the venue's roster (it lists names and phones)."""
    session_venue_or_404(request.venue_scope, session_id, venue_id)
    stored = get_object_or_404(SheetImport, pk=import_id, session_id=session_id, venue_id=venue_id)
    if not stored.file:
        raise Http404
    return FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.original_name)


@coordinator_required
@require_http_methods(["GET", "POST"])
def import_preview(request, session_id: int, venue_id: int, import_id: int):
    """The dry run: every row with what importing it would do, or why it cannot."""
    session_venue = session_venue_or_404(request.venue_scope, session_id, venue_id)
    stored = get_object_or_404(SheetImport, pk=import_id, session_id=session_id, venue_id=venue_id)
    if request.method == "POST":
        try:
            written = sheet_import.apply_import(
                stored,
                session_venue,
                request.user,
                skip_errors=bool(request.POST.get("skip_errors")),
                downgrade_lines=[v for v in request.POST.getlist("downgrade")[:MAX_ROWS] if v.isdigit() and len(v) < 9],
                all_downgrades=bool(request.POST.get("all_downgrades")),
            )
        except AttendanceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Import finished: %(n)s records written.") % {"n": written})
            return redirect("attendance:roster", session_id, venue_id)
    try:
        plan = sheet_import.plan_stored(stored, session_venue, request.user)
    except AttendanceError as error:
        return render(
            request,
            "attendance/import_upload.html",
            {"session_venue": session_venue, "form": SheetUploadForm(), "file_error": error.message},
            status=400,
        )
    return render(
        request,
        "attendance/import_preview.html",
        {"session_venue": session_venue, "stored": stored, "plan": plan},
    )
