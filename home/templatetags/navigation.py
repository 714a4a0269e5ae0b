"""Site-wide navigation: the menu and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language: the Wagtail translation when there is one."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.id:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code.lower()] = translated.get_url(request)
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
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {"items": []}
    items = (
        Page.objects.live()
        .in_menu()
        .filter(depth=3, locale=locale)
        .only("id", "title", "url_path", "depth", "path", "locale_id")
        .order_by("path")
    )
    return {"items": [(p.title, p.get_url(request)) for p in items], "request": request}
