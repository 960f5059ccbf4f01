"""Template helpers for the public pages: status badges and Swedish dates."""

from django import template
from django.utils.html import format_html

from styr.lib.dates import describe, swedish_day
from styr.plans.status import STATUS_ORDER, status_label

register = template.Library()

# A symbol beside the words, so that status never rests on colour alone.
SYMBOLS = {
    "done": "✔",
    "in_progress": "◐",
    "ongoing": "↻",
    "not_started": "○",
    "unknown": "?",
    "none": "–",
}


@register.simple_tag
def status_badge(code):
    """The status as a badge: symbol and words, colour only as a third cue."""
    return format_html(
        '<span class="status status-{}"><span class="status-symbol" aria-hidden="true">{}</span>'
        " {}</span>",
        code,
        SYMBOLS[code],
        status_label(code),
    )


@register.simple_tag
def status_counts(counts):
    """[(code, label, symbol, count)] in display order, leaving out zeros."""
    return [
        (code, status_label(code), SYMBOLS[code], counts[code])
        for code in STATUS_ORDER
        if counts.get(code)
    ]


@register.simple_tag
def action_items(writer, items, heading_level):
    """The plan page's action items, as `styr.portal.action_items` writes them."""
    return writer.render(items, heading_level)


@register.filter
def sv_date(day):
    return swedish_day(day) if day else ""


@register.filter
def period(day, precision):
    return describe(day, precision) if day else ""
