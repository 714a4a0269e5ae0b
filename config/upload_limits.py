"""Refuse oversized request bodies, and NUL bytes in URLs, before anything reads them.

Django bounds form fields (DATA_UPLOAD_MAX_NUMBER_FIELDS, DATA_UPLOAD_MAX_MEMORY_SIZE) but
not file uploads; this caps the whole body by its declared length, so a 2 GB "sign-in
sheet" is answered 413 at once instead of being spooled to disk.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "MAX_REQUEST_BODY_BYTES", 0)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("Invalid Content-Length."), status=400, content_type="text/plain; charset=utf-8")
        if limit and length > limit:
            message = _("The upload is too large (limit %(mb)d MB).") % {"mb": limit // (1024 * 1024)}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL byte in the path or query is never meaningful, and PostgreSQL refuses it in text (a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponse(_("Invalid characters in the address."), status=400, content_type="text/plain")
        return self.get_response(request)
