"""When a backing service fails, say so: 503 and a plain message instead of a 500.

- The database is unreachable or dropped the connection (stopped, restarting, failing
  over): nothing was written, because every write path is one statement or one
  transaction that the database rolls back. Phones retry the check-in after Retry-After
  (it is idempotent), and the next request reconnects by itself (CONN_HEALTH_CHECKS).
- Media storage refuses a write (read-only file system, permissions, disk full): the
  upload is not saved and the message says uploads are paused.

The answer is built without templates or the database, since either may be what failed.
Installed last in MIDDLEWARE so it sees the view's exception first.
"""

import errno
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger("config.outages")
STORAGE_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT}
RETRY_AFTER_SECONDS = 5
PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>{title}</h1><p>{message}</p></body></html>"""


def classify(exception: Exception) -> tuple[str, str] | None:
    """(code, message) for the failures this middleware answers, else None."""
    if isinstance(exception, OperationalError | InterfaceError):
        return "database_unavailable", _(
            "The database is unavailable for a moment. Nothing was saved; please try again in a few seconds."
        )
    if isinstance(exception, OSError) and exception.errno in STORAGE_ERRNOS:
        return "storage_unavailable", _(
            "File storage is read-only or full, so uploads are paused. Nothing was saved; please try again later."
        )
    return None


def unavailable_response(request, code: str, message: str) -> HttpResponse:
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"ok": False, "code": code, "message": message}, status=503)
    else:
        title = _("Service temporarily unavailable")
        html = PAGE.format(lang=escape(get_language() or "zh-hans"), title=escape(title), message=escape(message))
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        known = classify(exception)
        if known is None:
            return None
        code, message = known
        logger.error("%s during %s %s: %r", code, request.method, request.path, exception)
        return unavailable_response(request, code, message)
