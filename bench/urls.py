"""The site's URLs plus a bare Django view: the floor of every `make bench` ratio.

The bare view passes through the full middleware stack, like every real page, and does
nothing else.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

BARE_PATH = "__bench__/bare/"


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH, bare, name="bench-bare"), *site_urlpatterns]
