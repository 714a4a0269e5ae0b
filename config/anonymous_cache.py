"""Whole-response cache for public pages seen by visitors who are not signed in.

Only requests without a session cookie are served from or stored in the cache, and only
responses that set no cookie (so nothing with a CSRF token or a message), are 200 and
are not marked private. It sits outside the CSP middleware, so a cached page keeps the
CSP header (and nonce) it was rendered with. Its keys carry the content generation
(config.content_cache), so editors never wait for stale copies to expire.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_response_headers

from .content_cache import current_generation

SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


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
