"""Certificates: request one, download its PDF, verify a code (public)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..models import Certificate, CoursePage
from ..pdf import certificate_pdf


@login_required
@require_POST
def request_certificate(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        certificate = services.issue_certificate(request.user, course)
    except services.CourseError as exc:
        messages.error(request, exc.message)
        return redirect(course.get_url(request))
    # Back to the page it was claimed on, which now says so and links the PDF (no silent download).
    download = reverse("courses:certificate_pdf", args=[certificate.code])
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>', _("Your certificate is ready."), download, _("Download your certificate")
        ),
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = course.get_url(request)
    return redirect(back or course.get_url(request))


@login_required
def certificate_download(request, code):
    certificate = get_object_or_404(Certificate, code=code)
    if certificate.user_id != request.user.pk and not request.user.has_perm("courses.view_certificate"):
        raise PermissionDenied
    if not certificate.is_valid:
        raise Http404
    verify_url = request.build_absolute_uri(reverse("courses:verify_code", args=[certificate.code]))
    response = HttpResponse(certificate_pdf(certificate, verify_url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


def verify(request, code=None):
    """Anyone may check a code; only the name, course, date and validity are shown."""
    code = code or request.GET.get("code", "").strip()
    certificate = services.find_certificate(code) if code else None
    return render(
        request,
        "courses/verify.html",
        {"code": code, "certificate": certificate, "searched": bool(code)},
        status=404 if code and certificate is None else 200,
    )
