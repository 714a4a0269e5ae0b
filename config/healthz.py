"""``/healthz`` for the load balancer: can this app server reach the database and Redis?

Answered first in the middleware stack, before the SSL redirect, the host check, sessions and
CSRF: a health checker speaks plain HTTP to the server's private address with whatever Host
header it likes, and a check must never create a session or set a cookie. It costs one
``SELECT 1`` and one Redis PING (when REDIS_URL is set).
"""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"
CHECK_TIMEOUT_SECONDS = 2

_redis_clients: dict = {}


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not healthy"; the reason is in the database's own logs
        return False


def _redis_ok(url: str) -> bool:
    import redis

    client = _redis_clients.get(url)
    if client is None:
        client = redis.Redis.from_url(
            url, socket_timeout=CHECK_TIMEOUT_SECONDS, socket_connect_timeout=CHECK_TIMEOUT_SECONDS
        )
        _redis_clients[url] = client
    try:
        return bool(client.ping())
    except Exception:  # refused, timed out, wrong password: all mean "not healthy"
        return False


def health_report() -> dict[str, bool]:
    """Each part this server depends on → whether it answered."""
    parts = {"database": _database_ok()}
    redis_url = getattr(settings, "REDIS_URL", None)
    if redis_url:
        parts["redis"] = _redis_ok(redis_url)
    return parts


def health_response() -> HttpResponse:
    failed = [name for name, ok in health_report().items() if not ok]
    body = "ok\n" if not failed else "".join(f"{name}: unavailable\n" for name in failed)
    response = HttpResponse(body, status=503 if failed else 200, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers GET/HEAD /healthz before any other middleware runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
