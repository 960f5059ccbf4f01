"""The organisation on the day before, the day of and the day after every change: renames in
sequence, moves there and back, reassignments, creation and dissolution, tenures that
overlap, bodies with a life span. Pure rules over plain rows and unsaved models."""

import datetime as dt
from types import SimpleNamespace as Row

import pytest

from styr.org.history import holders_on, names_at_changes, posts_held_on, unit_states_on
from styr.org.models import Body, Tenure

ONE_DAY = dt.timedelta(days=1)

UNIT = Row(id=1, name="Kansliet", kind="enhet", parent_id=10, responsible_post_id=None)
OTHER = Row(id=2, name="Stödenheten", kind="enhet", parent_id=None, responsible_post_id=None)


def change(id, date, kind, unit_id=1, **new):
    fields = {"new_name": "", "new_parent_id": None, "new_responsible_post_id": None}
    return Row(id=id, unit_id=unit_id, date=date, kind=kind, **{**fields, **new})


# One unit's life: renamed twice, moved away and back, given a director, dissolved.
LIFE = [
    change(1, dt.date(2015, 1, 1), "rename", new_name="Förnyelseenheten"),
    change(2, dt.date(2015, 3, 1), "move", new_parent_id=20),
    change(3, dt.date(2015, 6, 1), "reassign", new_responsible_post_id=7),
    change(4, dt.date(2015, 9, 1), "rename", new_name="Utvecklingsenheten"),
    change(5, dt.date(2016, 1, 1), "move", new_parent_id=10),
    change(6, dt.date(2016, 6, 30), "dissolve"),
]

# (day, name, parent, responsible post, exists) on the day before, of and after each change.
EXPECTED = [
    (dt.date(2014, 12, 31), "Kansliet", 10, None, True),
    (dt.date(2015, 1, 1), "Förnyelseenheten", 10, None, True),
    (dt.date(2015, 1, 2), "Förnyelseenheten", 10, None, True),
    (dt.date(2015, 2, 28), "Förnyelseenheten", 10, None, True),
    (dt.date(2015, 3, 1), "Förnyelseenheten", 20, None, True),
    (dt.date(2015, 3, 2), "Förnyelseenheten", 20, None, True),
    (dt.date(2015, 5, 31), "Förnyelseenheten", 20, None, True),
    (dt.date(2015, 6, 1), "Förnyelseenheten", 20, 7, True),
    (dt.date(2015, 6, 2), "Förnyelseenheten", 20, 7, True),
    (dt.date(2015, 8, 31), "Förnyelseenheten", 20, 7, True),
    (dt.date(2015, 9, 1), "Utvecklingsenheten", 20, 7, True),
    (dt.date(2015, 9, 2), "Utvecklingsenheten", 20, 7, True),
    (dt.date(2015, 12, 31), "Utvecklingsenheten", 20, 7, True),
    (dt.date(2016, 1, 1), "Utvecklingsenheten", 10, 7, True),
    (dt.date(2016, 1, 2), "Utvecklingsenheten", 10, 7, True),
    (dt.date(2016, 6, 29), "Utvecklingsenheten", 10, 7, True),
    (dt.date(2016, 6, 30), "Utvecklingsenheten", 10, 7, False),
    (dt.date(2016, 7, 1), "Utvecklingsenheten", 10, 7, False),
]


@pytest.mark.parametrize(("day", "name", "parent", "post", "exists"), EXPECTED, ids=str)
def test_the_unit_on_the_day_before_of_and_after_each_change(day, name, parent, post, exists):
    state = unit_states_on([UNIT], LIFE, day)[1]
    assert (state.name, state.parent_id, state.responsible_post_id, state.exists) == (
        name,
        parent,
        post,
        exists,
    )


def test_the_order_changes_are_given_in_does_not_matter():
    for day, *_ in EXPECTED:
        assert unit_states_on([UNIT], LIFE[::-1], day) == unit_states_on([UNIT], LIFE, day)


def test_two_changes_on_one_day_apply_in_the_order_they_were_recorded():
    day = dt.date(2015, 1, 1)
    first = change(1, day, "rename", new_name="Först")
    then = change(2, day, "rename", new_name="Sedan")
    assert unit_states_on([UNIT], [then, first], day)[1].name == "Sedan"
    assert unit_states_on([UNIT], [then, first], day - ONE_DAY)[1].name == "Kansliet"


def test_a_created_unit_does_not_exist_before_its_day_and_keeps_its_first_name():
    created = [change(1, dt.date(2015, 4, 1), "create", unit_id=2)]
    before = unit_states_on([UNIT, OTHER], created, dt.date(2015, 3, 31))
    on_the_day = unit_states_on([UNIT, OTHER], created, dt.date(2015, 4, 1))
    assert (before[2].exists, on_the_day[2].exists) == (False, True)
    assert on_the_day[2].name == "Stödenheten"
    assert before[1].exists and on_the_day[1].exists


def test_a_transfer_of_tasks_changes_neither_unit():
    transfer = change(1, dt.date(2015, 5, 1), "transfer", unit_id=1)
    assert unit_states_on([UNIT, OTHER], [transfer], dt.date(2015, 5, 1)) == unit_states_on(
        [UNIT, OTHER], [], dt.date(2015, 5, 1)
    )


def test_a_change_to_a_unit_not_asked_about_is_left_out():
    elsewhere = change(1, dt.date(2015, 1, 1), "rename", unit_id=99, new_name="Annat")
    states = unit_states_on([UNIT], [elsewhere], dt.date(2015, 1, 1))
    assert list(states) == [1]
    assert states[1].name == "Kansliet"


def test_each_rename_is_listed_under_the_name_the_unit_had_before_it():
    names = names_at_changes([UNIT], LIFE)
    assert names == {
        1: "Kansliet",
        2: "Förnyelseenheten",
        3: "Förnyelseenheten",
        4: "Förnyelseenheten",
        5: "Utvecklingsenheten",
        6: "Utvecklingsenheten",
    }


# Two people overlap on post 1 for March; post 2 is held from a day with no end recorded.
TENURES = [
    Row(post_id=1, post="Direktör", person_id=1, person="Anna", start=None, end=dt.date(2015, 3, 31)),
    Row(post_id=1, post="Direktör", person_id=2, person="Bo", start=dt.date(2015, 3, 1), end=None),
    Row(post_id=2, post="Chef", person_id=1, person="Anna", start=dt.date(2015, 4, 1), end=None),
]  # fmt: skip

HOLDERS = [
    (dt.date(2015, 2, 28), {1: ["Anna"]}),
    (dt.date(2015, 3, 1), {1: ["Anna", "Bo"]}),
    (dt.date(2015, 3, 31), {1: ["Anna", "Bo"]}),
    (dt.date(2015, 4, 1), {1: ["Bo"], 2: ["Anna"]}),
]


@pytest.mark.parametrize(("day", "holders"), HOLDERS, ids=str)
def test_a_post_is_held_by_everyone_whose_tenure_covers_the_day(day, holders):
    assert dict(holders_on(TENURES, day)) == holders


def test_a_person_moves_from_one_post_to_the_next_on_the_day_after_the_first_ends():
    assert dict(posts_held_on(TENURES, dt.date(2015, 3, 31))) == {1: ["Direktör"], 2: ["Direktör"]}
    assert dict(posts_held_on(TENURES, dt.date(2015, 4, 1))) == {2: ["Direktör"], 1: ["Chef"]}


def test_a_tenure_covers_both_its_first_and_its_last_day():
    tenure = Tenure(start=dt.date(2015, 1, 1), end=dt.date(2015, 12, 31))
    assert [tenure.covers(dt.date(2014, 12, 31)), tenure.covers(dt.date(2015, 1, 1))] == [
        False,
        True,
    ]
    assert [tenure.covers(dt.date(2015, 12, 31)), tenure.covers(dt.date(2016, 1, 1))] == [
        True,
        False,
    ]


def test_a_body_exists_from_its_first_day_until_the_day_it_is_wound_up():
    body = Body(valid_from=dt.date(2015, 1, 1), valid_to=dt.date(2019, 1, 1))
    days = [dt.date(2014, 12, 31), dt.date(2015, 1, 1), dt.date(2018, 12, 31), dt.date(2019, 1, 1)]
    assert [body.exists_on(day) for day in days] == [False, True, True, False]
    assert Body().exists_on(dt.date(1900, 1, 1))
