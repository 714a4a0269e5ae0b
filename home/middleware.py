"""The Wagtail Site of a page view from the content cache (docs/ARCHITECTURE.md, "Caches")."""

from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from config.content_cache import remember


class CachedSiteMiddleware:
    """Give each page view its Wagtail Site from the content cache instead of a query per view.

    Wagtail looks the Site up (``Site.find_for_request``) on every page view and keeps it on
    ``request._wagtail_site``; sites change far more rarely than pages, and saving or deleting
    one bumps the content generation (home.signals). Only Wagtail's page-serving view is given
    it (other views that never ask pay nothing); the host has passed ALLOWED_HOSTS by then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            parts = (request.get_host(), request.get_port())
            request._wagtail_site = remember("wagtail-site", parts, lambda: self.find_site(request))

    @staticmethod
    def find_site(request) -> Site | None:
        site = Site._find_for_request(request)
        if site is not None:
            # The specific root page, so Wagtail's routing reaches DirectRouteMixin.localized.
            site.root_page = site.root_page.specific
        return site
