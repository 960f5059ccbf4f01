"""Template helpers for goal pages: attainment as words and symbol, numbers the Swedish way."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from styr.goals.assessment import NONE, SYMBOLS
from styr.lib.numbers import format_number

register = template.Library()


@register.simple_tag
def assessment_badge(level, labels):
    """Attainment as a badge: symbol and the municipality's word for it; colour is a third cue."""
    word = labels.get(level) if level != NONE else None
    return format_html(
        '<span class="assessment assessment-{}"><span class="assessment-symbol" '
        'aria-hidden="true">{}</span> {}</span>',
        level,
        SYMBOLS[level],
        word or _("Ej bedömt"),
    )


@register.filter
def measure(value, indicator):
    """A value in the indicator's unit: "91,3 %", "1 234 kr", or "Uppgift saknas"."""
    if value is None:
        return _("Uppgift saknas")
    number = format_number(value, indicator.decimals)
    unit = indicator.unit_label
    return f"{number}\u00a0{unit}" if unit else number


@register.filter
def number(value, decimals=1):
    if value is None:
        return _("Uppgift saknas")
    return format_number(value, int(decimals))


@register.filter
def at(sequence, index):
    return sequence[index]
