"""A bare Django view for `make bench`: the floor every other figure is divided by.

Only mounted when the environment sets BENCH_BARE_VIEW=1 (the bench's own server), so
normal production URLs never include it. It passes through the full middleware stack,
like every real page, and does nothing else.
"""

import os

from django.http import HttpResponse
from django.urls import path


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


def bare_view_patterns() -> list:
    if os.environ.get("BENCH_BARE_VIEW") != "1":
        return []
    return [path("__bench__/bare/", bare, name="bench-bare")]
