"""``{% shared_fragment %}``: markup that is the same for every reader, rendered once per content generation.

    {% load fragments %}
    {% shared_fragment "site-header" user.is_authenticated admin_link %} ... {% endshared_fragment %}

The key is the name, the values given, the language and the host; the markup is kept in the
content cache (config.content_cache: this process's memory first, then the shared cache), so
any change to a page drops it and a repeat costs no round trip. Editors' previews render
afresh. Everything inside must depend only on the values in the key: a person's name or
progress belongs outside.

A ``{% csrf_token %}`` inside renders a placeholder that each response replaces with its own
token, so a form (the header's sign-out) can sit in shared markup.
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from config.content_cache import remember

register = template.Library()

CSRF_PLACEHOLDER = "shared-fragment-csrf-placeholder"  # never a token: replaced in each response


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, parts: list, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [get_language(), request.get_host(), *(part.resolve(context) for part in self.parts)]
        # A digest keeps keys short whatever the parts (a long path, Chinese text).
        digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
        html = remember(f"fragment:{self.name}", (digest,), lambda: self.render_shared(context))
        if CSRF_PLACEHOLDER in html:
            html = mark_safe(html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", ""))))  # noqa: S308
        return html

    def render_shared(self, context) -> str:
        with context.push(csrf_token=CSRF_PLACEHOLDER):
            return mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered by an autoescaping template


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared_fragment %} needs a name, then the values the markup depends on")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
