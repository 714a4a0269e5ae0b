"""``{% venue_scope as scope %}``: templates decide what to show with the same VenueScope as views."""

from django import template

from accounts.access import VenueScope

register = template.Library()


@register.simple_tag(takes_context=True)
def venue_scope(context) -> VenueScope:
    return VenueScope.for_user(context["request"].user)
