"""Tests: fast hashing, in-memory cache and mail; each xdist worker gets its own database."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
SMS_BACKEND = "notifications.sms.FileBackend"
SMS_FILE_PATH = VAR_DIR / "test-sms" / "messages.jsonl"  # noqa: F405
