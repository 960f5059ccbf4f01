"""What the public plan page shows of a plan as of a day, however many actions it has.

A plan of a memo's size (up to `ONE_PAGE` actions shown) is one page with every action,
as it always was. A larger one shows the plan's summary and its themes with their counts,
then the shown actions a page at a time (`?sida=`): counting and filtering read light rows
of every action (`action_index`), and only the actions of the page are read in full, so
the page's cost and size stay those of `PAGE_SIZE` actions. The same queries either way.
"""

from __future__ import annotations

import datetime as dt

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, QueryDict

from styr.lib.http import BadQuery
from styr.plans.models import Theme
from styr.plans.queries import action_index, read_listed_rows
from styr.plans.snapshot import ActionRow, ThemeRow, filter_snapshot
from styr.portal.forms import PageForm, PlanFilterForm

# A plan showing at most ONE_PAGE actions shows them all (the demo's memo has 36); a larger
# one shows them PAGE_SIZE at a time: a screenful or two, quick to render and to read.
ONE_PAGE = 100
PAGE_SIZE = 25


def plan_page(plan, day: dt.date, query: QueryDict) -> dict:
    """The plan page's context: the plan's (filtered) counts, the filter form, and the
    sections of the actions on the page asked for. A bad filter is a `BadQuery`; a page
    number that is not one shows the first page, one past the last is a 404."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    snapshot = action_index(plan, day, themes)
    filters = PlanFilterForm(query, themes=snapshot.themes, people=_people(snapshot.actions))
    if not filters.is_valid():
        raise BadQuery(filters.problem())
    wanted = filters.action_filter()
    shown = filter_snapshot(snapshot, wanted)
    paged = shown.total > ONE_PAGE
    page = _page(shown.actions, query) if paged else None
    listed = list(page.object_list if page else shown.actions)
    rows = read_listed_rows(plan, listed, day, themes)
    return {
        "snapshot": snapshot,
        "shown": shown,
        "sections": _sections(shown.themes, rows),
        "filters": filters,
        "filtered": bool(wanted),
        "page": page,
        "page_links": _page_links(page, query) if page else {},
        "theme_links": _theme_links(shown.themes, query) if paged else [],
    }


def _people(rows: list[ActionRow]) -> list:
    """Everyone answering for one of the actions, by name. Actions naming the same people
    share one list of them (`action_index`): each list is looked through once."""
    lists = {id(row.responsible): row.responsible for row in rows}
    people = {who.person.id: who.person for named in lists.values() for who in named if who.person}
    return sorted(people.values(), key=lambda person: (person.name, person.id))


def _page(actions: list, query: QueryDict):
    form = PageForm(query)
    number = form.cleaned_data.get("sida") if form.is_valid() else None
    try:
        return Paginator(actions, PAGE_SIZE).page(number or 1)
    except EmptyPage:
        raise Http404("Sidan finns inte.") from None


def _sections(themes: list[ThemeRow], rows: list) -> list[tuple[ThemeRow, list]]:
    """Each theme with shown actions that holds (or is above) an action of the page, with
    that page's actions under it in their order."""
    by_theme: dict[int, list] = {}
    for row in rows:
        by_theme.setdefault(row.action.theme_id, []).append(row)
    parent_of = {row.theme.id: row.theme.parent_id for row in themes}
    wanted = set()
    for start in by_theme:
        theme_id: int | None = start
        while theme_id is not None and theme_id not in wanted:
            wanted.add(theme_id)
            theme_id = parent_of.get(theme_id)
    return [
        (row, by_theme.get(row.theme.id, []))
        for row in themes
        if row.total and row.theme.id in wanted
    ]


def _link(query: QueryDict, **changes) -> str:
    """The page's own query with `changes` (None: left out), as-of day and filters kept."""
    changed = query.copy()
    for name, value in changes.items():
        changed.pop(name, None)
        if value is not None:
            changed[name] = str(value)
    return "?" + changed.urlencode()


def _page_links(page, query: QueryDict) -> dict:
    return {
        "previous": _link(query, sida=page.previous_page_number()) if page.has_previous() else "",
        "next": _link(query, sida=page.next_page_number()) if page.has_next() else "",
    }


def _theme_links(themes: list[ThemeRow], query: QueryDict) -> list[tuple[ThemeRow, str, str]]:
    """The themes with shown actions, each with the link to those actions alone and the
    dashes that show a subheading's depth, as the report's theme table does."""
    return [
        (row, _link(query, tema=row.theme.id, sida=None), "– " * row.depth)
        for row in themes
        if row.total
    ]
