"""Route a URL to a page deep in the tree with one query: the final page's specific row.

Wagtail's ``Page.route`` fetches each level's child by slug and then its specific object,
so /courses/<course>/<module>/<lesson>/ cost eight queries and eight page objects before the
view ran (make bench: the largest part of a lesson page). ``DirectRouteMixin`` keeps a table
of every page's URL path below the site root (id and type) under the content generation,
walks the URL in that table and takes the final page from the same cache (a page is shared
content: any save bumps the generation). A page type on the path that
overrides ``route`` (e.g. RoutablePageMixin) still gets the rest of the path, and a draft
page is still passed through to its live children, exactly as under Wagtail's own routing.
"""

from copy import copy
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page

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
        table = remember("route-table", (self.pk,), self._route_table)
        path = ""
        for position, slug in enumerate(path_components):
            path += slug + "/"
            found = table.get(path)
            if found is None:
                raise Http404
            page_id, content_type_id = found
            page_class = ContentType.objects.get_for_id(content_type_id).model_class()
            remaining = path_components[position + 1 :]
            if not remaining or not _routes_by_default(page_class):
                page = remember("routed-page", (page_id,), partial(_load, page_class, page_id))
                if not page:  # deleted since the table was built
                    raise Http404
                # A copy per request: whatever a view sets on its page stays in that request.
                return copy(page).route(request, remaining)
        raise Http404  # not reached: the loop returns at the last component

    def _route_table(self) -> dict[str, tuple[int, int]]:
        """Every page below this root, live or not (Wagtail routes through drafts to live pages):
        its URL path relative to the root → (id, content type id)."""
        prefix = len(self.url_path)
        rows = Page.objects.filter(path__startswith=self.path, depth__gt=self.depth).values_list(
            "url_path", "id", "content_type_id"
        )
        return {url_path[prefix:]: (page_id, type_id) for url_path, page_id, type_id in rows}


def _load(page_class, page_id: int):
    return page_class.objects.filter(pk=page_id).first() or False  # False: cached as "no such page"
