"""Whole-response cache for public pages seen by visitors who are not signed in.

Only requests without a session cookie are served from or stored in the cache, and only
responses that set no cookie (so nothing with a CSRF token or a message), are 200 and
are not marked private. It sits outside the CSP middleware, so a cached page keeps the
CSP header (and nonce) it was rendered with. Publishing or unpublishing any page bumps a
generation number, so editors never wait for stale copies to expire.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_response_headers

GENERATION_KEY = "anon-page-cache:generation"
SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def _fresh_generation() -> int:
    # Starts from the clock, not 1: after the cache is emptied (a Redis restart), no new number
    # repeats an old one that a process may still hold copies under (courses.outline).
    return time.time_ns() // 1000


def current_generation() -> int:
    return cache.get_or_set(GENERATION_KEY, _fresh_generation, timeout=None)


def invalidate_anonymous_pages(**_kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "ANONYMOUS_PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        key = f"anon-page:{current_generation()}:{request.get_host()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(response):
            patch_response_headers(response, cache_timeout=0)  # browsers revalidate; we cache server-side
            cache.set(key, response, seconds)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIP_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
            and response.get("Content-Type", "").startswith("text/html")
        )
