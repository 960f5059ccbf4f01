"""The organisation as of a day, without a database."""

import datetime as dt
from types import SimpleNamespace as Row

from styr.org.history import created_on, holders_on, names_at_changes, unit_states_on

UNITS = [
    Row(id=1, name="Stadsledningskontoret", kind="kontor", parent_id=None, responsible_post_id=9),
    Row(id=2, name="Samordnings- och utvecklingsenheten", kind="enhet", parent_id=1,
        responsible_post_id=None),
    Row(id=3, name="Sociala ekonomienheten", kind="enhet", parent_id=None,
        responsible_post_id=None),
    Row(id=4, name="Enheten för strategisk stadsutveckling", kind="enhet", parent_id=None,
        responsible_post_id=None),
]  # fmt: skip
NEW_YEAR = dt.date(2015, 1, 1)
CHANGES = [
    Row(id=1, unit_id=2, date=NEW_YEAR, kind="rename", new_name="Förnyelseenheten",
        new_parent_id=None, new_responsible_post_id=None),
    Row(id=2, unit_id=2, date=NEW_YEAR, kind="reassign", new_name="", new_parent_id=None,
        new_responsible_post_id=7),
    Row(id=3, unit_id=3, date=NEW_YEAR, kind="dissolve", new_name="", new_parent_id=None,
        new_responsible_post_id=None),
    Row(id=4, unit_id=4, date=NEW_YEAR, kind="create", new_name="", new_parent_id=None,
        new_responsible_post_id=None),
    Row(id=5, unit_id=4, date=dt.date(2015, 9, 1), kind="move", new_name="", new_parent_id=1,
        new_responsible_post_id=None),
]  # fmt: skip


def test_before_a_change_the_unit_is_as_it_was():
    states = unit_states_on(UNITS, CHANGES, dt.date(2014, 12, 31))
    assert states[2].name == "Samordnings- och utvecklingsenheten"
    assert states[2].responsible_post_id is None
    assert states[3].exists
    assert not states[4].exists


def test_from_the_day_of_a_change_it_applies():
    states = unit_states_on(UNITS, CHANGES, NEW_YEAR)
    assert states[2].name == "Förnyelseenheten"
    assert states[2].responsible_post_id == 7
    assert not states[3].exists
    assert states[4].exists
    assert states[4].parent_id is None


def test_later_changes_apply_in_date_order():
    states = unit_states_on(UNITS, list(reversed(CHANGES)), dt.date(2015, 9, 1))
    assert states[4].parent_id == 1
    assert states[2].name == "Förnyelseenheten"


def test_a_post_has_the_holder_whose_tenure_covers_the_day():
    old = Row(post_id=1, person="Klara", start=None, end=dt.date(2014, 12, 31))
    new = Row(post_id=2, person="Klara", start=NEW_YEAR, end=None)
    other = Row(post_id=1, person="Nästa", start=NEW_YEAR, end=None)
    assert holders_on([old, new, other], dt.date(2014, 12, 31)) == {1: ["Klara"]}
    assert holders_on([old, new, other], NEW_YEAR) == {2: ["Klara"], 1: ["Nästa"]}


def test_each_change_names_the_unit_as_it_was_called_when_it_changed():
    names = names_at_changes(UNITS, CHANGES)
    assert names == {
        1: "Samordnings- och utvecklingsenheten",
        2: "Förnyelseenheten",
        3: "Sociala ekonomienheten",
        4: "Enheten för strategisk stadsutveckling",
        5: "Enheten för strategisk stadsutveckling",
    }


def test_a_unit_is_created_on_the_day_of_its_create_change():
    assert created_on([c for c in CHANGES if c.unit_id == 4]) == NEW_YEAR
    assert created_on([c for c in CHANGES if c.unit_id == 2]) is None
