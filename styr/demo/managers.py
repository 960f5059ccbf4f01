"""The managers and result contracts of a demo file (`managers`, `result_contracts`).

Read by `styr.demo.loader` after the organisation, the plans and the goals, in the same
transaction, with the same line-aware error messages. Managers are written as dated
assignments; contracts through the contracts' own domain functions, each step recorded as
known on its own (invented) day, so the coverage of any past day is what it was then.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from styr.contracts.domain import (
    ContractError,
    ResultInput,
    accept_contract,
    follow_up_contract,
    write_contract,
)
from styr.contracts.models import Attainment, ManagerAssignment
from styr.contracts.queries import managers_on
from styr.demo.reader import Reader
from styr.lib.asof import recorded_on
from styr.org.models import Person

SECTIONS = {"managers", "result_contracts"}
DEFAULT_START = dt.date(2015, 1, 1)

# Every demo contract says the same, marked as an example: the memo gives the model's
# name and deadline, not what any contract holds.
EXAMPLE_SUMMARY = (
    "(exempel) Påhittat resultatkontrakt för demonstrationen, enligt den modell som "
    "stadsdirektören har."
)
EXAMPLE_RESULTS = [
    ResultInput("Verksamheten bedrivs inom given budgetram.", target="budget i balans"),
    ResultInput("Medarbetarnas engagemang (HME) behålls eller ökar.", target="HME-index minst 80"),
    ResultInput("Enhetens åtgärder i handlingsplanen genomförs i tid.", target="alla i tid"),
]


class ManagerSections:
    def __init__(self, reader: Reader, municipality, units, people):
        self.r = reader
        self.municipality = municipality
        self.units, self.people = units, people

    def load(self, data) -> None:
        r = self.r
        for node in r.items(data, "managers", "managers"):
            self.manager(node)
        for node in r.items(data, "result_contracts", "result_contracts"):
            self.contract(node)

    def manager(self, node) -> None:
        r = self.r
        r.mapping(
            node,
            "a manager",
            {"title", "unit"},
            {"person", "key", "name", "line_manager", "start", "end", "example"},
        )
        if ("person" in node) == ("key" in node):
            r.fail(node, "a manager has either person (one of people) or key and name")
        if "key" in node:
            key = r.text(node, "key")
            if key in self.people:
                r.fail(node, f"person key {key!r} is used twice", "key")
            self.people[key] = r.save(
                node, Person(municipality=self.municipality, slug=key, name=r.text(node, "name"))
            )
            person = self.people[key]
        else:
            person = r.ref(node, "person", self.people, "person")
        r.save(
            node,
            ManagerAssignment(
                municipality=self.municipality,
                person=person,
                title=r.text(node, "title"),
                unit=r.ref(node, "unit", self.units, "unit"),
                line_manager=self.line_manager(node),
                start=r.date(node, "start") or DEFAULT_START,
                end=r.date(node, "end"),
                is_example=r.flag(node, "example"),
                source="demo",
            ),
        )

    def line_manager(self, node):
        key = node.get("line_manager")
        if key is None:
            return None
        if key not in self.people:
            # Managers may name one listed further down: make them in order of the file,
            # but let a later entry be the line manager by creating its person first.
            self.r.fail(node, f"line_manager: unknown person {key!r} (list them first)")
        return self.people[key]

    def contract(self, node) -> None:
        r = self.r
        r.mapping(
            node, "a result contract", {"manager", "written"}, {"revised", "agreed", "followed_up"}
        )
        manager = r.ref(node, "manager", self.people, "person")
        written = r.date(node, "written", required=True)
        tz = timezone.get_current_timezone()
        rows = {row.person_id: row for row in managers_on(self.municipality, written)}
        row = rows.get(manager.id)
        if row is None or row.line_manager_id is None:
            r.fail(node, f"{manager.name} has no line manager on {written}", "written")
        author = Person.objects.get(pk=row.line_manager_id)
        try:
            for day in [written, *filter(None, [r.date(node, "revised")])]:
                version = write_contract(
                    manager,
                    written.year,
                    author=author,
                    summary=EXAMPLE_SUMMARY,
                    results=EXAMPLE_RESULTS,
                    on=day,
                    recorded_at=recorded_on(day, tz),
                )
            contract = version.contract
            agreed = r.date(node, "agreed")
            if agreed:
                accept_contract(
                    contract,
                    person=manager,
                    version_number=version.number,
                    on=agreed,
                    recorded_at=recorded_on(agreed, tz),
                )
            followed_up = r.date(node, "followed_up")
            if followed_up:
                outcomes = {
                    result.id: (Attainment.MET, "(exempel) Uppnått enligt årsbokslutet.")
                    for result in version.results.all()
                }
                follow_up_contract(
                    contract,
                    person=author,
                    outcomes=outcomes,
                    on=followed_up,
                    recorded_at=recorded_on(followed_up, tz),
                )
        except ContractError as error:
            r.fail(node, str(error))
