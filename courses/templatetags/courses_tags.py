from django import template

register = template.Library()


@register.filter
def tonnes(value):
    """Whole tonnes with comma grouping in every language (as the calculator's JavaScript shows them)."""
    if value is None or value == "":
        return ""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
