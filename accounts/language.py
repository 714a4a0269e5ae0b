"""The language a person reads in: taken from the page they read, remembered on their profile.

The public site's language is in the URL (Chinese at ``/``, English at ``/en/``). A signed-in
person's ``User.language`` follows the pages they read (and is set when they sign in), and is
used wherever there is no page to take it from: e-mails, PDFs and the Wagtail admin (whose
URLs carry no language).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import translate_url
from django.utils import translation

# URL prefixes outside i18n_patterns (config/urls.py): their language is not the reader's choice.
_NOT_READER_PAGES = ("/admin/", "/documents/", "/i18n/", "/static/", "/media/", "/favicon.ico")
_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def user_language(user) -> str:
    """The language to write to this person in (e-mails, PDFs): their remembered choice."""
    language = getattr(user, "language", "") or ""
    return language if language in _LANGUAGES else settings.LANGUAGE_CODE


def remember_language(user, language: str) -> None:
    """Store the reader's language on their profile; writes only when it changed."""
    if not getattr(user, "is_authenticated", False) or language not in _LANGUAGES or user.language == language:
        return
    get_user_model().objects.filter(pk=user.pk).update(language=language)
    user.language = language


def is_reader_page(path: str) -> bool:
    """True for the public site's pages, whose URL says which language the person reads."""
    return not path.startswith(_NOT_READER_PAGES) and "/api/" not in path


def in_language(url: str, language: str) -> str:
    """A local URL of the site in the given language (``/`` → ``/en/``); other URLs unchanged."""
    for source in _LANGUAGES:
        # translate_url resolves the path in the active language, so try each in turn.
        with translation.override(source):
            translated = translate_url(url, language)
        if translated != url:
            return translated
    return url


def in_current_language(url: str) -> str:
    """A local URL in the language being read (``/`` → ``/en/`` on English pages)."""
    return in_language(url, translation.get_language() or settings.LANGUAGE_CODE)


class ReaderLanguageMiddleware:
    """After authentication: remember the language of the page a signed-in person reads;
    in the admin, speak the person's remembered language (unless they chose one in Wagtail's
    account settings, which Wagtail applies on top)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if is_reader_page(request.path_info):
                remember_language(user, translation.get_language())
            elif request.path_info.startswith("/admin/"):
                language = user_language(user)
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


def remember_on_sign_in(sender, request, user, **kwargs):
    """Signing in from a page sets the remembered language to that page's."""
    if request is not None and is_reader_page(request.path_info):
        remember_language(user, translation.get_language())
