"""managers_on: the line as it stood on a day, read in a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.contracts.models import ManagerAssignment
from styr.contracts.queries import director_lines, managers_on
from styr.org.models import Person, Unit


def person(municipality, slug):
    return Person.objects.get(municipality=municipality, slug=slug)


def assign(municipality, who, line_manager, start, end=None, title="enhetschef"):
    return ManagerAssignment.objects.create(
        municipality=municipality,
        person=who,
        title=title,
        unit=Unit.objects.get(municipality=municipality, slug="kontaktcenter"),
        line_manager=line_manager,
        start=start,
        end=end,
    )


@pytest.fixture
def line(town):
    """Lena Dahlstedt (stadsdirektör) over Mats Bohman and Dag Björklund (directors); a new
    enhetschef under Mats until 30 June 2015, under Dag from 1 July."""
    lena = person(town, "lena-dahlstedt")
    mats = person(town, "mats-bohman")
    dag = person(town, "dag-bjorklund")
    chef = Person.objects.create(municipality=town, name="Anna Exempel", slug="anna-exempel")
    start = dt.date(2015, 1, 1)
    assign(town, lena, None, start, title="stadsdirektör")
    assign(town, mats, lena, start, title="administrativ direktör")
    assign(town, dag, lena, start, title="natur- och trafikdirektör")
    assign(town, chef, mats, start, dt.date(2015, 6, 30))
    assign(town, chef, dag, dt.date(2015, 7, 1))
    return town, lena, mats, dag, chef


def test_a_manager_who_changes_line_manager_mid_year_is_in_one_line_on_each_day(line):
    town, lena, mats, dag, chef = line
    for day, director in [(dt.date(2015, 6, 30), mats), (dt.date(2015, 7, 1), dag)]:
        rows = managers_on(town, day)
        mine = [row for row in rows if row.person_id == chef.id]
        assert len(mine) == 1
        assert mine[0].director_id == director.id
        assert mine[0].line_manager_id == director.id
        lines = director_lines(rows)
        assert sum(row.person_id == chef.id for rows in lines.values() for row in rows) == 1


def test_directors_are_in_their_own_lines_and_the_stadsdirektor_at_the_top(line):
    town, lena, mats, dag, chef = line
    rows = {row.person_id: row for row in managers_on(town, dt.date(2015, 12, 31))}
    assert rows[lena.id].director_id == lena.id
    assert rows[mats.id].director_id == mats.id
    assert rows[mats.id].line_manager_id == lena.id
    assert rows[chef.id].director_id == dag.id


def test_nobody_is_a_manager_before_their_assignment_starts(line):
    town = line[0]
    assert managers_on(town, dt.date(2014, 12, 31)) == []


def test_managers_on_takes_two_queries_whatever_the_number_of_managers(line):
    town, lena, mats, dag, chef = line
    with CaptureQueriesContext(connection) as few:
        managers_on(town, dt.date(2015, 9, 1))
    for index in range(30):
        extra = Person.objects.create(municipality=town, name=f"Chef {index}", slug=f"c-{index}")
        assign(town, extra, mats, dt.date(2015, 1, 1))
    with CaptureQueriesContext(connection) as many:
        rows = managers_on(town, dt.date(2015, 9, 1))
    assert len(rows) == 34
    assert len(many) == len(few) == 2, "managers_on must read all rows at once"
