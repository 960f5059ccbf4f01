"""A list of actions (a goal's, on its page) says of each action what the full read says, on
any day, in a fixed number of queries."""

import datetime as dt

import pytest

from styr.goals.models import Goal
from styr.plans.action_list import read_action_list
from styr.plans.models import Action
from styr.plans.queries import read_action_rows
from tests.conftest import MEMO_DAY, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

DAYS = [dt.date(2015, 3, 1), MEMO_DAY, dt.date(2016, 1, 1), dt.date(2030, 1, 1)]


def described(row) -> tuple:
    """Every column of the action as it stood, its status and lateness, and who answered
    for it and supported it, by name."""
    said = [getattr(row.action, field.attname) for field in Action._meta.concrete_fields]
    return (
        said,
        row.action.version.id,
        row.status,
        row.update and row.update.status,
        row.overdue,
        [who.label for who in row.responsible],
        [who.label for who in row.supporting],
    )


def agree(actions, day, municipality_id, django_assert_max_num_queries) -> list:
    with django_assert_max_num_queries(4):
        listed = read_action_list(actions, day, municipality_id)
    full = {row.action.id: row for row in read_action_rows(actions, day, municipality_id)}
    assert [row.action.id for row in listed] == [
        action.id for action in sorted((row.action for row in full.values()), key=in_order)
    ]
    assert [described(row) for row in listed] == [described(full[row.action.id]) for row in listed]
    return listed


def in_order(action) -> tuple:
    return (action.order, action.id)


@pytest.mark.parametrize("day", DAYS)
def test_each_goals_actions_are_listed_as_the_full_read_gives_them(
    demo, day, django_assert_max_num_queries
):
    goals = Goal.objects.filter(municipality=demo, actions__isnull=False).distinct()
    assert goals.count() > 1
    for goal in goals:
        agree(Action.objects.filter(goals=goal), day, demo.id, django_assert_max_num_queries)


@pytest.mark.parametrize("day", DAYS[1:])
def test_a_whole_plans_actions_are_listed_in_four_queries_with_their_plans_and_themes(
    demo, day, django_assert_max_num_queries, django_assert_num_queries
):
    listed = agree(Action.objects.all(), day, demo.id, django_assert_max_num_queries)
    assert len(listed) > 30
    with django_assert_num_queries(0):  # read with each action, not one query per action
        assert {(row.action.plan.slug, row.action.theme.title) for row in listed}
