"""Templates show what views allow, by the same rules: ``{% venue_scope as scope %}``, ``{% can_open_admin %}``."""

from django import template

from accounts import roles
from accounts.access import VenueScope

register = template.Library()


@register.simple_tag(takes_context=True)
def venue_scope(context) -> VenueScope:
    return VenueScope.for_user(context["request"].user)


@register.simple_tag(takes_context=True)
def can_open_admin(context) -> bool:
    """The Admin link: read with the venue permissions in one query (accounts.roles)."""
    request = context.get("request")
    return request is not None and roles.can_open_admin(request.user)
