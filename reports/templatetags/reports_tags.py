from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.675 → "67.5%"; None (nothing to divide by) → "–"."""
    if value is None:
        return "–"
    return f"{number_format(round(value * 100, 1), decimal_pos=1 if value * 100 % 1 else 0)}%"
