"""Template helpers for the public pages: status badges and Swedish dates."""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


@register.simple_tag
def progress_line(row):
    """A theme's progress on the plan page: bar, done of total, overdue. In Python, as the
    action items are: three translations and six numbers per theme cost ~1 ms per 10
    themes through the template's tags."""
    done, total = row.done, row.total
    label = _("Genomförda åtgärder i %(title)s") % {"title": escape(row.theme.title)}
    line = _("%(done)s av %(total)s genomförda") % {"done": done, "total": total}
    late = ""
    if row.overdue:
        late = ngettext("%(n)s försenad", "%(n)s försenade", row.overdue) % {"n": row.overdue}
        late = f", <strong>{late}</strong>"
    return mark_safe(
        f'<p class="progress-line"><progress max="{total}" value="{done}" aria-label="{label}">'
        f"{done}/{total}</progress>\n      {line}{late}</p>"
    )


@register.filter
def sv_date(day):
    return swedish_day(day) if day else ""


@register.filter
def period(day, precision):
    return describe(day, precision) if day else ""
