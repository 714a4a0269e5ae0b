"""Site-wide navigation: the menu and the language switcher.

Both are on every page and change only when pages do, so their page lookups are cached under
the content generation (config.content_cache), per host and language.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from config.content_cache import remember

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language: the Wagtail translation when there is one."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = _page_translations(request, page) if isinstance(page, Page) and page.id else {}
    links = []
    path = request.get_full_path() if request else "/"
    for code, name in settings.LANGUAGES:
        url = translations.get(code.lower()) or translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("includes/menu.html", takes_context=True)
def main_menu(context):
    """Top-level live pages marked "show in menus", in the active language."""
    request = context.get("request")
    items = remember("nav-menu", (_host(request), get_language()), lambda: _menu_items(request))
    return {"items": items, "request": request}


def _host(request) -> str:
    return request.get_host() if request else ""


def _menu_items(request) -> list[tuple[str, str]]:
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    pages = (
        Page.objects.live()
        .in_menu()
        .filter(depth=3, locale=locale)
        .only("id", "title", "url_path", "depth", "path", "locale_id")
        .order_by("path")
    )
    return [(p.title, p.get_url(request)) for p in pages]


def _page_translations(request, page) -> dict[str, str]:
    """Language code → URL of each live translation of the page (this one included)."""

    def build() -> dict[str, str]:
        return {
            translated.locale.language_code.lower(): translated.get_url(request)
            for translated in page.get_translations(inclusive=True).live().select_related("locale")
        }

    return remember("nav-translations", (_host(request), page.translation_key), build)
