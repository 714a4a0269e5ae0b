"""Route a URL to a page deep in the tree in two queries, instead of two per tree level.

Wagtail's ``Page.route`` fetches each level's child by slug and then its specific object,
so /courses/<course>/<module>/<lesson>/ cost eight queries and eight page objects before the
view ran (make bench: the largest part of a lesson page). ``DirectRouteMixin`` fetches every
candidate on the path in one query, walks it in memory, and loads only the final page's
specific object. A page type on the path that overrides ``route`` (e.g. RoutablePageMixin)
still gets the rest of the path, exactly as under Wagtail's own routing.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, Site

from config.content_cache import remember


def _routes_by_default(page_class) -> bool:
    return page_class is not None and page_class.route in (Page.route, DirectRouteMixin.route)


class DirectRouteMixin:
    @property
    def localized(self):
        """The site root in the reader's language, from the content cache (Wagtail asks on every view)."""
        parent = super()
        return remember("localized-root", (self.pk, get_language()), lambda: parent.localized.specific)

    def route(self, request, path_components):
        if len(path_components) < 2:
            return super().route(request, path_components)
        candidates = list(
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=path_components,
            ).order_by("path")
        )
        parent = self
        for position, slug in enumerate(path_components):
            child = next(
                (
                    page
                    for page in candidates
                    if page.depth == parent.depth + 1 and page.slug == slug and page.path.startswith(parent.path)
                ),
                None,
            )
            if child is None:
                raise Http404
            child._cached_parent_obj = parent  # treebeard's get_parent() reads it, as after Wagtail's routing
            remaining = path_components[position + 1 :]
            if not remaining or not _routes_by_default(child.specific_class):
                return child.specific.route(request, remaining)
            parent = child
        raise Http404  # not reached: the loop returns at the last component


class CachedSiteMiddleware:
    """Give each request its Wagtail Site from the content cache instead of a query per request.

    Wagtail looks the Site up (``Site.find_for_request``) on every page view and keeps it on
    ``request._wagtail_site``; sites change far more rarely than pages, and saving or deleting
    one bumps the content generation (home.signals). Installed after CommonMiddleware, so the
    host has passed ALLOWED_HOSTS before it becomes part of a key.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parts = (request.get_host(), request.get_port())
        request._wagtail_site = remember("wagtail-site", parts, lambda: self.find_site(request))
        return self.get_response(request)

    @staticmethod
    def find_site(request) -> Site | None:
        site = Site._find_for_request(request)
        if site is not None:
            # The specific root page, so Wagtail's routing reaches DirectRouteMixin.localized.
            site.root_page = site.root_page.specific
        return site
