"""Wagtail admin view: organisers enrol an organisation or a sub-venue in a course at once."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .. import services
from ..forms import BulkEnrolForm

BULK_ENROL_PERMISSION = "courses.add_enrolment"


def bulk_enrol(request):
    if not request.user.has_perm(BULK_ENROL_PERMISSION):
        raise PermissionDenied
    locale = Locale.get_default()
    form = BulkEnrolForm(request.POST or None, locale=locale)
    if request.method == "POST" and form.is_valid():
        try:
            count = form.enrol(by=request.user)
        except services.CourseError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("%(count)d people enrolled in “%(course)s” (those already enrolled were skipped).")
                % {"count": count, "course": form.cleaned_data["course"].title},
            )
            return redirect("courses_bulk_enrol")
    return TemplateResponse(
        request,
        "courses/admin/bulk_enrol.html",
        {"form": form, "page_title": _("Enrol a group"), "header_icon": "group"},
    )
