"""Coverage of result contracts: the demo against a hand count, dated steps, the command,
and a constant number of queries."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.contracts.models import ManagerAssignment
from styr.contracts.queries import coverage_on
from styr.org.models import Person, Unit
from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

# Counted by hand from styr/demo/nacka2015.yaml (managers, result_contracts), as of
# 2015-12-31: 35 managers with a line manager (Lars Nylund left on 2015-08-31, the
# stadsdirektör's contract is with kommunstyrelsen); missing: Anders Börjesson and Fredrik
# Lind (no contract), Einar Fransson and Mikael Sjöberg (drafts only), Lars-Erik Olsson,
# Sara Hedlund, Oskar Nilsson (none), Tobias Engström (agreed only on 2016-01-15).
HAND_COUNT = {
    "Lena Dahlstedt": (1, 1, []),
    "Anders Börjesson": (2, 0, ["Anders Börjesson", "Fredrik Lind"]),
    "Anders Fredriksson": (2, 2, []),
    "Anette Böe": (3, 2, ["Oskar Nilsson"]),
    "Dag Björklund": (2, 2, []),
    "Einar Fransson": (4, 1, ["Einar Fransson", "Lars-Erik Olsson", "Sara Hedlund"]),
    "Elisabeth Carle": (2, 2, []),
    "Eva Olin": (2, 2, []),
    "Gunilla Glantz": (3, 3, []),
    "Helena Meier": (2, 2, []),
    "Jenny Asmundsson": (3, 3, []),
    "Klara Palmberg Broryd": (2, 2, []),
    "Malin Westerback": (3, 2, ["Tobias Engström"]),
    "Mats Bohman": (4, 3, ["Mikael Sjöberg"]),
}


def test_the_demo_coverage_on_the_deadline_matches_the_hand_count(demo):
    result = coverage_on(demo, dt.date(2015, 12, 31))
    assert (result.total, result.agreed) == (35, 27)
    figures = {
        line.director.name: (line.total, line.agreed, [row.name for row in line.missing])
        for line in result.lines
    }
    assert figures == HAND_COUNT


def test_a_contract_counts_from_the_day_it_was_agreed(demo):
    before = coverage_on(demo, dt.date(2016, 1, 14), year=2015)
    after = coverage_on(demo, dt.date(2016, 1, 15), year=2015)
    assert after.agreed == before.agreed + 1
    assert coverage_on(demo, dt.date(2015, 9, 1)).agreed == 0


def test_the_mottagningsgrupp_chef_is_counted_once_under_the_director_of_the_day(demo):
    def line_of(day):
        lines = coverage_on(demo, day).lines
        found = [
            line.director.name
            for line in lines
            for row in line.missing
            if row.name == "Mikael Sjöberg"
        ]
        assert len(found) == 1
        return found[0]

    assert line_of(dt.date(2015, 8, 31)) == "Malin Westerback"
    assert line_of(dt.date(2015, 9, 1)) == "Mats Bohman"


def test_the_directors_own_contracts_for_the_stadsdirektor(demo):
    result = coverage_on(demo, dt.date(2015, 12, 31))
    missing = [row.name for row, agreed in result.directors if not agreed]
    assert missing == ["Anders Börjesson", "Einar Fransson"]
    assert len(result.directors) == 13


def test_the_command_prints_the_same_figures_as_json(demo):
    out = io.StringIO()
    call_command("contracts", "coverage", "--as-of", "2015-12-31", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["total"], data["agreed"], data["share"]) == (35, 27, round(27 / 35, 4))
    by_name = {d["name"]: (d["total"], d["agreed"], d["missing"]) for d in data["directors"]}
    assert by_name == {name: (t, a, m) for name, (t, a, m) in HAND_COUNT.items()}


def test_the_command_in_text_names_the_missing(demo):
    out = io.StringIO()
    call_command("contracts", "coverage", "--as-of", "2015-12-31", stdout=out)
    assert "27 av 35 chefer överenskomna (77 %)" in out.getvalue()
    assert "  saknas: Fredrik Lind" in out.getvalue()


def test_coverage_takes_the_same_queries_for_many_more_managers(demo):
    with CaptureQueriesContext(connection) as few:
        coverage_on(demo, dt.date(2015, 12, 31))
    unit = Unit.objects.get(municipality=demo, slug="kontaktcenter")
    boss = Person.objects.get(municipality=demo, slug="petra-ahlstrom")
    people = Person.objects.bulk_create(
        Person(municipality=demo, name=f"Gruppchef {n}", slug=f"gruppchef-{n}") for n in range(200)
    )
    ManagerAssignment.objects.bulk_create(
        ManagerAssignment(
            municipality=demo,
            person=p,
            title="gruppchef",
            unit=unit,
            line_manager=boss,
            start=dt.date(2015, 1, 1),
        )
        for p in people
    )
    with CaptureQueriesContext(connection) as many:
        result = coverage_on(demo, dt.date(2015, 12, 31))
    assert result.total == 235
    assert len(many) == len(few) == 3, "coverage must read managers and contracts at once"
