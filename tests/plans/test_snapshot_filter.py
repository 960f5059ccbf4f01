"""A filtered plan counts what it shows: pure, over plain objects, no database."""

import datetime as dt
from types import SimpleNamespace

from styr.plans.snapshot import ActionFilter, ActionRow, Who, assemble, filter_snapshot

DAY = dt.date(2015, 9, 2)


def theme(id, parent_id=None):
    return SimpleNamespace(id=id, parent_id=parent_id)


def row(id, theme_id, status, person=None, overdue=False):
    who = [Who("responsible", SimpleNamespace(slug=person), "direktör", "")] if person else []
    action = SimpleNamespace(id=id, theme_id=theme_id)
    return ActionRow(action, None, status, overdue, who, [])


THEMES = [theme(1), theme(2, parent_id=1), theme(3)]
ROWS = [
    row(1, 1, "done", "eva"),
    row(2, 2, "in_progress", "eva", overdue=True),
    row(3, 2, "done", "mats"),
    row(4, 3, "ongoing", "mats"),
    row(5, 3, "in_progress", None, overdue=True),
]
WHOLE = assemble("plan", DAY, THEMES, ROWS)


def test_without_a_filter_the_snapshot_is_the_whole_plan():
    assert filter_snapshot(WHOLE, ActionFilter()) is WHOLE
    assert (WHOLE.total, WHOLE.done, len(WHOLE.overdue)) == (5, 2, 2)


def test_a_status_filter_counts_only_the_actions_shown():
    shown = filter_snapshot(WHOLE, ActionFilter(status="in_progress"))
    assert shown.total == 2
    assert shown.done == 0
    assert shown.counts["in_progress"] == 2 and shown.counts["done"] == 0
    assert [r.action.id for r in shown.overdue] == [2, 5]


def test_a_theme_filter_keeps_the_headings_below_it_and_their_counts():
    shown = filter_snapshot(WHOLE, ActionFilter(theme_id=1))
    totals = {r.theme.id: (r.total, r.done) for r in shown.themes}
    assert totals == {1: (3, 2), 2: (2, 1), 3: (0, 0)}
    assert (shown.total, shown.done) == (3, 2)


def test_filters_combine_and_theme_counts_follow_them():
    shown = filter_snapshot(WHOLE, ActionFilter(person="mats", status="done"))
    assert [r.action.id for r in shown.actions] == [3]
    totals = {r.theme.id: r.total for r in shown.themes}
    assert totals == {1: 1, 2: 1, 3: 0}
