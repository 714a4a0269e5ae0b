"""Which privacy settings apply to a page, from the content cache instead of two queries per view.

Wagtail checks a page's view restrictions (its own and its ancestors', through aliases) on
every view: one query for the ancestors and one for the restrictions. Both change only when
pages move or a privacy setting is saved or deleted, which bump the content generation
(home.signals), so the ids of the restrictions that apply are cached per page path. A page
with none answers an empty queryset without a query; the others still read their
restrictions (and groups) fresh.
"""

from wagtail.models import PageViewRestriction

from .content_cache import remember


class CachedViewRestrictionsMixin:
    def get_view_restrictions(self):
        def restriction_ids() -> list[int]:
            return list(super(CachedViewRestrictionsMixin, self).get_view_restrictions().values_list("id", flat=True))

        ids = remember("view-restrictions", (self.path,), restriction_ids)
        return PageViewRestriction.objects.filter(id__in=ids) if ids else PageViewRestriction.objects.none()
