"""Publishing changes what anonymous visitors must see: drop the cached public pages."""

from wagtail.signals import page_published, page_unpublished

from config.anonymous_cache import invalidate_anonymous_pages


def connect():
    page_published.connect(invalidate_anonymous_pages, dispatch_uid="home.invalidate_anonymous_pages.published")
    page_unpublished.connect(invalidate_anonymous_pages, dispatch_uid="home.invalidate_anonymous_pages.unpublished")
