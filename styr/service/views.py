"""The public contact-centre page: the 90 %/90 % service levels per month and year.

Four queries whatever the number of cases: the municipality, its assessment scale, the years
with cases and the year's stored counts (`styr.service.queries`, written when cases are
imported; the page never reads the cases themselves). The shares are computed in
`styr.service.levels` and judged by the municipality's scale (`styr.goals.assessment`), as on
the indicator pages.
"""

from __future__ import annotations

import re

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from styr.caching.pages import cached_page
from styr.goals.assessment import HIGHER, SYMBOLS, Rules, assess_indicator
from styr.goals.outcomes import rules_for
from styr.lib.dates import MONTHS
from styr.lib.http import answers_bad_query, read_year
from styr.lib.numbers import format_number, format_percent
from styr.org.models import Municipality
from styr.service.levels import (
    FIRST_CONTACT_TARGET,
    HANDLED_TARGET,
    Level,
    year_levels,
)
from styr.service.models import Requester
from styr.service.queries import case_counts, case_years

_YEAR = re.compile(r"^\d{4}$")


# The municipality's assessment rules and its words for each level (styr.goals.outcomes).
Scale = tuple[Rules, dict[str, str]]


def percent_text(value: float | None) -> str:
    """91.25 → "91,3 %" (decimal comma, rounded half up as a reader rounds); None → "–"."""
    return format_percent(value, 1)


def count_text(number: int) -> str:
    """23451 → "23 451" with a non-breaking space between the groups."""
    return format_number(number, 0)


def status(share: float | None, target: float, scale: Scale) -> dict:
    """How a share stands against its target, as words and a symbol (never colour alone),
    by the municipality's own scale, so that this page and the indicator pages agree."""
    if share is None:
        return {"code": "none", "symbol": "–", "text": _("Inga ärenden")}
    rules, labels = scale
    code = assess_indicator(share, target, HIGHER, rules)
    return {"code": code, "symbol": SYMBOLS[code], "text": labels[code]}


def row(label: str, level: Level, scale: Scale) -> dict:
    return {
        "label": label,
        "total": count_text(level.total),
        "empty": level.total == 0,
        "handled": percent_text(level.handled_share),
        "handled_status": status(level.handled_share, HANDLED_TARGET, scale),
        "first_contact": percent_text(level.first_contact_share),
        "first_contact_status": status(level.first_contact_share, FIRST_CONTACT_TARGET, scale),
    }


def chosen_year(request, available: list[int]) -> int | None:
    """The year asked for (?ar=2015), by default the latest with data."""
    asked = read_year(request)
    if asked is None:
        return available[-1] if available else None
    return asked


def requester_label(key: str) -> str:
    try:
        return str(Requester(key).label).capitalize()
    except ValueError:
        return key


@cached_page(by="municipality")
@answers_bad_query
def levels(request, municipality: str):
    place = get_object_or_404(Municipality, slug=municipality)
    available = case_years(place)
    year = chosen_year(request, available)
    scale = rules_for(place)
    context = {
        "rules": scale[0],
        "municipality": place,
        "year": year,
        "years": available,
        "handled_target": HANDLED_TARGET,
        "first_contact_target": FIRST_CONTACT_TARGET,
        "has_data": bool(available),
        "year_has_data": False,
    }
    if year is not None:
        context.update(_year_rows(place, year, scale))
    return render(request, "service/levels.html", context)


def _year_rows(municipality, year: int, scale) -> dict:
    """The year's rows, per month, requester and category, when it has cases; else none."""
    shown = year_levels(case_counts(municipality, year), year)
    if shown.total is None:
        return {}
    total = shown.total
    return {
        "year_has_data": True,
        "generated": shown.generated,
        "months": [
            row(MONTHS[number].capitalize(), level, scale)
            for number, level in enumerate(shown.months)
        ],
        "total": row(_("Hela året"), total.overall, scale),
        "requesters": [row(requester_label(level.key), level, scale) for level in total.requesters],
        "categories": [row(level.key, level, scale) for level in total.categories],
    }
