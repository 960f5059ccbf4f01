"""Template helpers for the manager meetings: attendance in words with a symbol, shares."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from styr.lib.dates import describe
from styr.lib.numbers import format_percent
from styr.meetings.models import AttendanceStatus

register = template.Library()

# A symbol beside the words, so that attendance never rests on colour alone.
SYMBOLS = {
    AttendanceStatus.PRESENT: "✔",
    AttendanceStatus.EXCUSED: "◌",
    AttendanceStatus.ABSENT: "✗",
}


@register.simple_tag
def attendance(status):
    """A manager's attendance at a meeting: a status, None (nothing recorded yet) or False
    (not expected there: the meeting was for another audience, or they were no manager)."""
    if status is False:
        return format_html('<span class="meta">{}</span>', _("ej kallad"))
    if status is None:
        return format_html('<span class="meta">– {}</span>', _("ej registrerad"))
    return format_html(
        '<span class="attendance attendance-{}"><span aria-hidden="true">{}</span> {}</span>',
        status,
        SYMBOLS[status],
        AttendanceStatus(status).label,
    )


@register.filter
def share(rate):
    """The rate's share present, "87 %", or "–" with nothing counted."""
    return format_percent(rate.share, 0)


@register.filter
def half_year_label(period):
    """(first, last) of a half-year -> "våren 2016" / "hösten 2015"."""
    return describe(period[1], "season")
