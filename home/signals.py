"""Changes to published pages drop what was cached from them: public pages, course outlines.

Everything cached from page content is keyed by one generation number
(config.content_cache); any of these changes bumps it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from config.content_cache import content_changed


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


def connect():
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished"), (post_page_move, "moved")):
        signal.connect(content_changed, dispatch_uid=f"home.invalidate_content.{name}")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="home.invalidate_content.deleted")
    # Any saved page row too: pages made live without a publish signal (imports, tree copies,
    # scripts) and changed slugs must reach the route table (home/routing.py) at once.
    post_save.connect(_page_saved_or_deleted, dispatch_uid="home.invalidate_content.saved")
    # A new or removed privacy setting changes who may see a page: nothing cached may outlive it.
    post_save.connect(content_changed, sender=PageViewRestriction, dispatch_uid="home.invalidate_content.restricted")
    post_delete.connect(
        content_changed, sender=PageViewRestriction, dispatch_uid="home.invalidate_content.unrestricted"
    )
    # Which site (and root page) answers a host is cached too (home.middleware.CachedSiteMiddleware).
    post_save.connect(content_changed, sender=Site, dispatch_uid="home.invalidate_content.site_saved")
    post_delete.connect(content_changed, sender=Site, dispatch_uid="home.invalidate_content.site_deleted")
