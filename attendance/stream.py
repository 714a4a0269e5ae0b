"""Which live-stream and replay links a session may carry, and how a page plays them.

Two kinds are accepted: an HLS playlist (a ``.m3u8`` URL, played by hls.js in Chromium
and natively in Safari) from a host listed in ``LIVESTREAM_HLS_HOSTS``, and an embed
page from a video platform listed in ``LIVESTREAM_EMBED_HOSTS``. Both lists also feed
the Content Security Policy (config/settings/base.py), so a link that passes this check
is one the browser is allowed to load, and nothing else is.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_URL_LENGTH = 500


@dataclass(frozen=True)
class Stream:
    kind: str  # "hls" or "embed"
    url: str


def _host_allowed(host: str, port: int | None, allowed) -> bool:
    """An entry "host" allows that host and its subdomains on the default port; "host:port" that port only."""
    host = host.lower()
    for entry in (e.lower() for e in allowed):
        if ":" in entry:
            if f"{host}:{port}" == entry:
                return True
        elif port is None and (host == entry or host.endswith("." + entry)):
            return True
    return False


def stream_for(url: str) -> Stream | None:
    """The stream behind a link, or None when the link is not one this site plays."""
    url = (url or "").strip()
    if not url or len(url) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or not host or parts.username or parts.password:
        return None
    if parts.path.lower().endswith(".m3u8"):
        return Stream("hls", url) if _host_allowed(host, port, settings.LIVESTREAM_HLS_HOSTS) else None
    if parts.scheme == "https" and _host_allowed(host, port, settings.LIVESTREAM_EMBED_HOSTS):
        return Stream("embed", url)
    return None


def validate_stream_url(url: str) -> None:
    if url and stream_for(url) is None:
        raise ValidationError(
            _(
                "Use an HLS playlist (.m3u8) from one of these hosts: %(hls)s, or an https embed link "
                "from one of these video platforms: %(embed)s."
            ),
            code="stream_host",
            params={
                "hls": ", ".join(settings.LIVESTREAM_HLS_HOSTS) or "-",
                "embed": ", ".join(settings.LIVESTREAM_EMBED_HOSTS) or "-",
            },
        )


def stream_to_show(session, now) -> tuple[Stream | None, bool]:
    """(stream, is_replay): the live stream until the session ends, the replay afterwards."""
    if now <= session.ends_at:
        return stream_for(session.livestream_url), False
    return stream_for(session.recording_url), True
