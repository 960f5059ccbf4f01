"""The plan page's light index of a plan says what the full read says, on any day."""

import datetime as dt

import pytest

from styr.org.models import Person, Post
from styr.plans.models import Action, Theme
from styr.plans.queries import action_index, plan_snapshot, read_action_rows, read_listed_rows
from styr.plans.snapshot import Named, tenures_asked
from tests.conftest import MEMO_DAY, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

DAYS = [dt.date(2015, 3, 1), MEMO_DAY, dt.date(2016, 1, 1), dt.date(2030, 1, 1)]


def described(rows) -> list[tuple]:
    return [
        (
            row.action.id,
            row.status,
            row.overdue,
            [who.label for who in row.responsible],
            [who.label for who in row.supporting],
        )
        for row in rows
    ]


@pytest.mark.parametrize("day", DAYS)
def test_the_index_counts_and_names_what_the_full_read_does(plan, day):
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    index, full = action_index(plan, day, themes), plan_snapshot(plan, day)
    assert described(index.actions) == described(full.actions)
    assert [(r.total, r.done, r.overdue, r.counts) for r in index.themes] == [
        (r.total, r.done, r.overdue, r.counts) for r in full.themes
    ]
    assert (index.total, index.counts) == (full.total, full.counts)


def said(action: Action) -> list:
    """Every column of an action as it stood."""
    return [getattr(action, field.attname) for field in Action._meta.concrete_fields]


def noted(update) -> tuple | None:
    """What the listed rows read of a status update."""
    return update and (update.id, update.date, update.status, update.note)


@pytest.mark.parametrize("day", DAYS[1:])
def test_the_listed_actions_read_in_full_are_those_of_the_full_read(
    plan, day, django_assert_num_queries
):
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    listed = action_index(plan, day, themes).actions[::3]
    rows = read_listed_rows(plan, listed, day, themes)
    with django_assert_num_queries(0):  # each action has the caller's plan and themes
        assert {row.action.plan for row in rows} == {plan}
        assert {row.action.theme for row in rows} <= set(themes)
    full = read_action_rows(
        Action.objects.filter(id__in=[row.action.id for row in listed]), day, plan.municipality_id
    )
    by_id = {row.action.id: row for row in full}
    assert [row.action.id for row in rows] == [row.action.id for row in listed]
    for row in rows:
        same = by_id[row.action.id]
        assert said(row.action) == said(same.action)
        assert noted(row.update) == noted(same.update)
        assert described([row]) == described([same])


def test_only_posts_named_alone_and_people_named_alone_need_their_tenures():
    post, other = Post(id=1, title="kommundirektör"), Post(id=2, title="ekonomichef")
    anna, bo = Person(id=7, name="Anna"), Person(id=8, name="Bo")
    named = [
        Named("responsible", anna, post, ""),
        Named("responsible", None, other, ""),
        Named("supporting", bo, None, ""),
        Named("supporting", None, None, "övriga direktörer"),
    ]
    assert tenures_asked(named) == ({2}, {8})
    assert tenures_asked(named[:1]) == (set(), set())


def test_a_post_without_a_title_asks_every_tenure():
    untitled = Post(id=3, title="")
    assert tenures_asked([Named("responsible", Person(id=7, name="Anna"), untitled, "")]) is None
