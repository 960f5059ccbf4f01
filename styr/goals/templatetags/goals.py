"""Template helpers for goal pages: attainment as words and symbol, numbers the Swedish way."""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from styr.goals.assessment import NONE, SYMBOLS
from styr.lib.numbers import format_measure, format_number, format_unit

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
def checkboxes(options, name):
    """The chooser's options as checkbox items, one `<li>` each, every text escaped (as
    `{{ }}` escapes). A filter rather than a template loop: a county list holds all of
    Sweden's 290 municipalities, and the loop's tags per option cost ~15 ms of the page."""
    return mark_safe(
        "".join(
            f'\n          <li><label><input type="checkbox" name="{escape(name)}" '
            f'value="{escape(option.id)}"{" checked" if option.chosen else ""}> '
            f"{escape(option.title)}</label></li>"
            for option in options
        )
    )


@register.filter
def measure(value, indicator):
    """A value in the indicator's unit: "91,3 %", "524 tkr/invånare", or "Uppgift saknas"."""
    return format_measure(value, indicator.decimals, indicator.unit_label, _("Uppgift saknas"))


@register.filter
def unit(text):
    """A unit as it is written after a number: "1000 kr/invånare" -> "tkr/invånare"."""
    return format_unit(text)


@register.filter
def number(value, decimals=1):
    if value is None:
        return _("Uppgift saknas")
    return format_number(value, int(decimals))


@register.filter
def at(sequence, index):
    return sequence[index]
