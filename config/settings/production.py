"""Production: everything secret or site-specific comes from the environment.

SECRET_KEY            required; the process refuses to start without it
ALLOWED_HOSTS         comma-separated host names
DATABASE_URL          postgres://user:pass@host:5432/name (SQLite under var/ when unset)
REDIS_URL             redis://host:6379/0 enables the shared Redis cache
MEDIA_ROOT            directory for uploads (default: ./media)
MEDIA_STORAGE         dotted storage class for uploads, e.g. storages.backends.s3.S3Storage
PRIVATE_MEDIA_ROOT    directory for uploads with personal data, never served (default: var/private)
PRIVATE_MEDIA_STORAGE dotted storage class for those (a private bucket; docs/DEPLOYMENT.md)
SECURE_SSL_REDIRECT   "false" only for plain-HTTP loopback serving (make serve, make bench); default true
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

STORAGES = {
    "default": {"BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "private": {"BACKEND": os.environ.get("PRIVATE_MEDIA_STORAGE", "accounts.storage.PrivateFileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    # Sessions are read from Redis and written through to the database, so a signed-in page
    # costs no session query and a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# HTTPS everywhere by default; plain-HTTP loopback serving opts out explicitly.
ANONYMOUS_PAGE_CACHE_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_CACHE_SECONDS", "60"))

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Wagtail's page preview frames the site inside its own admin, so SAMEORIGIN (not DENY) is
# deliberate; frame-ancestors 'self' in the CSP says the same to modern browsers.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# --- notifications (outbox worker: manage.py send_notifications --loop) ---
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() == "true"
EMAIL_TIMEOUT = 20
