"""Wagtail admin views: upload a participant list, preview it, apply it (in batches), invitations."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import VenueScope

from .. import invitations, services
from ..forms import ParticipantImportForm
from ..models import Invitation
from ..reading import HEADINGS, TEMPLATE_COLUMNS, ImportError_

PREVIEW_ROWS_PER_PAGE = 100


def importer_required(view):
    def wrapped(request, *args, **kwargs):
        if not VenueScope.for_user(request.user).is_manager:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@importer_required
@require_http_methods(["GET", "POST"])
def upload(request):
    form = ParticipantImportForm(request.POST or None, request.FILES or None, user=request.user)
    file_error = ""
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            stored = services.store_upload(
                name=upload_file.name,
                data=upload_file.read(),
                importer=request.user,
                session=form.cleaned_data["session"],
                courses=form.cleaned_data["courses"],
                language=form.cleaned_data["language"],
                send_invitations=form.cleaned_data["send_invitations"],
            )
        except ImportError_ as error:
            file_error = error.message
        else:
            return redirect("registration_import_preview", stored.pk)
    recent = services.visible_imports(request.user)[:10]
    status = 400 if (form.errors or file_error) else 200
    context = {"form": form, "file_error": file_error, "recent": recent}
    return render(request, "registration/admin/upload.html", context, status=status)


@importer_required
@require_GET
def preview(request, import_id: int):
    """The dry run: every row with what importing it would do, or why it cannot."""
    stored = get_object_or_404(services.visible_imports(request.user), pk=import_id)
    try:
        plan = services.plan_stored(stored, request.user)
    except ImportError_ as error:
        messages.error(request, error.message)
        return redirect("registration_import")
    only_errors = request.GET.get("show") == "errors"
    rows = plan.error_rows if only_errors else plan.rows
    page = Paginator(rows, PREVIEW_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "stored": stored,
        "plan": plan,
        "counts": plan.counts,
        "page_obj": page,
        "only_errors": only_errors,
        "batch_rows": services.BATCH_ROWS,
        "courses": stored.courses.all(),
    }
    return render(request, "registration/admin/preview.html", context)


@importer_required
@require_POST
def apply(request, import_id: int):
    """Without JavaScript: the whole file in one request."""
    stored = get_object_or_404(services.visible_imports(request.user), pk=import_id)
    try:
        done = services.apply(stored, request.user, skip_errors=bool(request.POST.get("skip_errors")))
    except ImportError_ as error:
        messages.error(request, error.message)
        return redirect("registration_import_preview", stored.pk)
    messages.success(request, result_message(done))
    return redirect("registration_import_preview", stored.pk)


@importer_required
@require_POST
def apply_batch(request, import_id: int):
    """With JavaScript: one batch of rows per request, so the page can show progress."""
    stored = get_object_or_404(services.visible_imports(request.user), pk=import_id)
    try:
        start = max(0, int(request.POST.get("start", "0")))
    except ValueError:
        return JsonResponse({"error": _("Bad batch start.")}, status=400)
    try:
        done = services.apply(
            stored,
            request.user,
            skip_errors=bool(request.POST.get("skip_errors")),
            start=start,
            stop=start + services.BATCH_ROWS,
        )
    except ImportError_ as error:
        return JsonResponse({"error": str(error.message)}, status=400)
    return JsonResponse({**done, "message": result_message(done)})


def result_message(done: dict) -> str:
    return (
        _(
            "%(accounts)d accounts created, %(enrolments)d enrolments, %(expected)d expected participants, "
            "%(invitations)d invitations queued."
        )
        % done
    )


@importer_required
@require_GET
def template_file(request, file_format: str):
    """An empty list with the headings (in the reader's language) and one example row."""
    english = (request.LANGUAGE_CODE or "").startswith("en")
    headings = [_template_heading(c, english) for c in TEMPLATE_COLUMNS]
    example = [
        _("Zhang San"),
        "13800000000",
        "zhangsan@example.com",
        _("Example Power Co., Ltd."),
        _("Energy manager"),
        "",
    ]
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(headings)
        sheet.append(example)
        for column in ("B",):  # phone numbers as text, so Excel keeps every digit
            for cell in sheet[column]:
                cell.number_format = "@"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="participants-template.xlsx"'
        return response
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headings)
    writer.writerow(example)
    response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants-template.csv"'
    return response


TEMPLATE_HEADINGS_EN = {
    "name": "Name",
    "phone": "Mobile",
    "email": "Email",
    "organisation": "Organisation",
    "job": "Job title",
    "venue": "Sub-venue",
}


def _template_heading(column: str, english: bool) -> str:
    return TEMPLATE_HEADINGS_EN[column] if english else HEADINGS[column][0]


# --- invitations -------------------------------------------------------------------------------


def visible_invitations(user):
    invitations_ = Invitation.objects.select_related("user", "course")
    if VenueScope.for_user(user).all_venues:
        return invitations_
    return invitations_.filter(user__default_venue__in=VenueScope.for_user(user).venues())


@importer_required
@require_GET
def invitation_list(request):
    queryset = visible_invitations(request.user).order_by("-created_at", "-id")
    status = request.GET.get("status", "")
    if status == "waiting":
        queryset = queryset.filter(accepted_at=None)
    elif status == "accepted":
        queryset = queryset.exclude(accepted_at=None)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        from django.db.models import Q

        queryset = queryset.filter(
            Q(user__real_name__icontains=query) | Q(user__email__icontains=query) | Q(user__phone__icontains=query)
        )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [(invitation, invitations.status_of(invitation)) for invitation in page]
    context = {"page_obj": page, "rows": rows, "status": status, "query": query}
    return render(request, "registration/admin/invitations.html", context)


@importer_required
@require_POST
def invitation_resend(request, invitation_id: int):
    invitation = get_object_or_404(visible_invitations(request.user), pk=invitation_id)
    if invitations.may_resend(invitation) and invitations.resend(invitation):
        messages.success(request, _("A new invitation to %(name)s is queued.") % {"name": invitation.user})
    else:
        messages.error(request, _("This invitation was already accepted, or the person has no e-mail or mobile."))
    return redirect("registration_invitations")
