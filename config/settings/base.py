"""Settings shared by every environment (see config/settings/__init__.py)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries'.
    "registration",
    "reports",
    "home",
    "courses",
    "quizzes",
    "attendance",
    "notifications",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    # /healthz for the load balancer, before the SSL redirect and host check (config/healthz.py).
    "config.healthz.HealthCheckMiddleware",
    "config.upload_limits.RequestSizeLimitMiddleware",
    "config.upload_limits.RejectNulBytesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside CSP, so a cached public page keeps the CSP header it was rendered with.
    "config.anonymous_cache.AnonymousPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Remembers a signed-in reader's language; the admin speaks it (accounts/language.py).
    "accounts.language.ReaderLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A login refused by allauth's throttle answers 429 (accounts/throttling.py).
    "accounts.throttling.ThrottledFormStatusMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The Wagtail Site of a page view, from the content cache (home/middleware.py).
    "home.middleware.CachedSiteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database_from_env(default_sqlite_path: Path) -> dict:
    """PostgreSQL (or any dj-database-url URL) from DATABASE_URL, else embedded SQLite.

    Both keep connections open (CONN_MAX_AGE) because opening one per request costs
    more than the check-in itself. SQLite runs in WAL with IMMEDIATE transactions and a
    busy timeout so concurrent check-ins queue for the write lock instead of failing
    with "database is locked".
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite_path,
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=30000;"
            ),
        },
    }


DATABASES = {"default": database_from_env(VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# --- django-allauth -------------------------------------------------------------
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.TraineeSignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"  # redirects and mails in the reader's language
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = True
# Dozens of trainees at one sub-venue share one public IP, so per-IP limits are
# generous enough for a whole venue signing in at once; failed logins are limited
# strictly per account (key = the email tried) to stop password guessing.
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "600/m/ip,5/5m/key",
    "signup": "300/m/ip",
    "reset_password": "100/m/ip,3/m/key",
    "reset_password_from_key": "100/m/ip",
}

# --- Internationalisation ----------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# site/wagtail_locale: Wagtail's (and Django's) own strings their zh_Hans catalogues lack (project paths come first).
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "wagtail_locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin offers the site's two languages (Wagtail's catalogue for zh-hans is zh_Hans).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.admin_ui.AdminLoginForm"
WAGTAILSIMPLE_TRANSLATION_SYNC_PAGE_TREE = True

# --- Static and media ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads with personal data (sign-in sheets) live apart from public media: never under a URL.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "accounts.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
MAX_REQUEST_BODY_BYTES = 25 * 1024 * 1024  # whole request, files included (config/upload_limits.py)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = _("Carbon Market Training")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "csv", "txt", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Personal data: attendance of sessions that ended longer ago than this is deleted by
# `manage.py purge_attendance` (run it from cron); 0 keeps attendance for ever.
ATTENDANCE_RETENTION_DAYS = int(os.environ.get("ATTENDANCE_RETENTION_DAYS", str(3 * 365)))


# Live streams (attendance/stream.py): hosts a session's HLS playlist may come from, and video
# platforms whose embed pages a session may show; both are added to the CSP below. An entry
# is a host name (its subdomains included) or host:port.
def _hosts_from_env(name: str, default: str) -> list[str]:
    return [h.strip().lower() for h in os.environ.get(name, default).split(",") if h.strip()]


LIVESTREAM_HLS_HOSTS = _hosts_from_env("LIVESTREAM_HLS_HOSTS", "")
LIVESTREAM_EMBED_HOSTS = _hosts_from_env("LIVESTREAM_EMBED_HOSTS", "player.bilibili.com,v.qq.com,player.youku.com")
# Watch-time heartbeats: how often the session page reports, and the most one heartbeat credits.
WATCH_HEARTBEAT_SECONDS = 15


def csp_host_sources(hosts: list[str]) -> list[str]:
    return [source for host in hosts for source in ([host] if ":" in host else [host, f"*.{host}"])]


# --- Security headers ------------------------------------------------------------------
# Content Security Policy (django-csp). Public pages run no inline script: put JavaScript
# in static files, or give an inline <script> the nonce: <script nonce="{{ request.csp_nonce }}">.
# No on*="" event-handler attributes. Inline style="" attributes are allowed (progress bars).
# Wagtail's admin (behind login) is excluded because it relies on inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:", *csp_host_sources(LIVESTREAM_HLS_HOSTS)],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, *csp_host_sources(LIVESTREAM_HLS_HOSTS)],
        # "https:" for lesson video embeds; the live-stream platforms are named as well.
        "frame-src": [SELF, "https:", *csp_host_sources(LIVESTREAM_EMBED_HOSTS)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds a public page is served from the cache to visitors without a session
# (config/anonymous_cache.py); 0 turns it off. Production turns it on.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
# How long what is read from published pages (course outlines, the menu, a page's
# translations) may stay cached. Publishing, unpublishing, moving or deleting a page replaces
# it at once where the cache is shared (Redis); with per-process memory and several workers,
# the other workers may show the old version this long.
CONTENT_CACHE_SECONDS = int(os.environ.get("CONTENT_CACHE_SECONDS", "300"))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "training@example.org")
# Text messages (notifications/sms.py): a class with send(phone, text); see docs/DEPLOYMENT.md.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "notifications.sms.ConsoleBackend")
SMS_FILE_PATH = VAR_DIR / "sms" / "messages.jsonl"
# How long an invitation link works (registration/invitations.py).
REGISTRATION_INVITATION_DAYS = int(os.environ.get("REGISTRATION_INVITATION_DAYS", "14"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- reports ---
# wagtail.api.v3 adds Wagtail 8's own API-token admin (Settings → API tokens), whose tokens
# authenticate the reports JSON API; "ninja" lets its API docs use the bundled Swagger files
# instead of a CDN.
INSTALLED_APPS += ["wagtail.api.v3", "ninja"]
# A quiz is the "settlement quiz" when its questions carry this topic tag (see reports.services).
REPORTS_SETTLEMENT_QUIZ_TAG = "settlement"
REPORTS_API_MAX_LIMIT = 500

# --- ops ---
# A failing database or read-only media storage answers 503 with a clear message, never a
# 500 (config/middleware.py); last, so it sees the view's exception first.
MIDDLEWARE += ["config.middleware.ServiceUnavailableMiddleware"]

# --- courses ---
# Lesson videos may be uploaded as Wagtail documents (the video block plays them inline).
WAGTAILDOCS_EXTENSIONS = [*WAGTAILDOCS_EXTENSIONS, "mp4", "webm"]
