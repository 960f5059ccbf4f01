"""Loading an HR export of managers: `import_managers`, the one write of managers.

The file is the whole line as it stands from a day (`start`): a manager whose title, unit
or line manager is unchanged keeps their assignment; one who changed gets the old one ended
the day before and a new one from `start`; one no longer in the file is ended the day
before. People are found by employee number, else by name among those without one (the
directors the organisation already holds), else added. All or nothing: every problem is
collected with its row and nothing is written if there is one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils.text import slugify

from styr.accounts.audit import AuditEvent, audit_context, audit_event
from styr.contracts.hr_file import ManagerLine, Problem, parse_managers, read_table
from styr.contracts.models import ManagerAssignment
from styr.contracts.queries import in_force
from styr.org.history import unit_states_on
from styr.org.models import Person, Tenure, Unit, UnitChange
from styr.plans.spreadsheet import SheetError


class ManagerImportError(Exception):
    """The file cannot be loaded; `problems` name each row. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ManagerImport:
    """What a load did, in counts and names."""

    start: dt.date
    kept: int = 0
    started: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    people_added: list[str] = field(default_factory=list)


def read_file(name: str, data: bytes) -> list[ManagerLine]:
    """The managers of an uploaded or given file, or ManagerImportError."""
    try:
        table = read_table(name, data)
    except SheetError as error:
        raise ManagerImportError([Problem(error.row, str(error))]) from None
    lines, problems = parse_managers(table)
    if problems:
        raise ManagerImportError(problems)
    return lines


def find_units(municipality, lines: list[ManagerLine], day: dt.date) -> dict[str, Unit]:
    """Each line's unit by its short name, its name on `day` or its first name (any case);
    a unit that does not exist that day or is unknown is a problem of the row."""
    units = list(Unit.objects.filter(municipality=municipality))
    states = unit_states_on(units, UnitChange.objects.filter(unit__in=units), day)
    known: dict[str, Unit] = {}
    for unit in units:
        state = states[unit.id]
        if not state.exists:
            continue
        for name in (unit.slug, unit.name, state.name):
            known.setdefault(name.casefold(), unit)
    problems = [
        Problem(line.row, f"okänd enhet ”{line.unit}” (den finns inte i Styr den {day})")
        for line in lines
        if line.unit.casefold() not in known
    ]
    if problems:
        raise ManagerImportError(problems)
    return {line.unit: known[line.unit.casefold()] for line in lines}


def _unique_slug(municipality, name: str, taken: set[str]) -> str:
    base = slugify(name)[:180] or "chef"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def find_people(municipality, lines: list[ManagerLine], result: ManagerImport) -> dict[str, Person]:
    """The person of each line by employee number; by name among those without one; else a
    new person. Name and e-mail follow the file."""
    numbers = [line.employee_number for line in lines]
    people = Person.objects.filter(municipality=municipality)
    by_number = {p.employee_number: p for p in people.filter(employee_number__in=numbers)}
    unnumbered: dict[str, list[Person]] = {}
    for unnumbered_person in people.filter(employee_number=""):
        unnumbered.setdefault(unnumbered_person.name.casefold(), []).append(unnumbered_person)
    taken = set(people.values_list("slug", flat=True))
    found = {}
    for line in lines:
        person = by_number.get(line.employee_number)
        if person is None:
            same_name = unnumbered.get(line.name.casefold(), [])
            person = same_name.pop(0) if len(same_name) == 1 else None
        if person is None:
            person = Person(
                municipality=municipality, slug=_unique_slug(municipality, line.name, taken)
            )
            result.people_added.append(line.name)
        changed = (person.name, person.email, person.employee_number) != (
            line.name,
            line.email or person.email,
            line.employee_number,
        )
        if person.pk is None or changed:
            person.name = line.name
            person.email = line.email or person.email
            person.employee_number = line.employee_number
            person.save()
        found[line.employee_number] = person
    return found


def director_posts(municipality, day: dt.date) -> dict[int, int]:
    """Person id → the director post they hold on `day`."""
    held = Tenure.objects.filter(post__municipality=municipality, post__is_director=True).filter(
        Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
    )
    return dict(held.values_list("person_id", "post_id"))


@transaction.atomic
def import_managers(
    municipality, lines: list[ManagerLine], *, start: dt.date, source: str = "", by=None
) -> ManagerImport:
    """Make the line of managers from `start` what the file says (see the module's doc)."""
    later = ManagerAssignment.objects.filter(municipality=municipality, start__gt=start)
    latest = later.aggregate(latest=Max("start"))["latest"]
    if latest is not None:
        raise ManagerImportError(
            [
                Problem(
                    None,
                    f"Det finns redan chefsuppdrag från {latest}, efter {start}: "
                    "ett underlag kan bara gälla från samma eller ett senare datum.",
                )
            ]
        )
    units = find_units(municipality, lines, start)
    result = ManagerImport(start)
    with audit_event(AuditEvent.MANAGERS_IMPORT, actor=by), audit_context(file=source):
        people = find_people(municipality, lines, result)
        posts = director_posts(municipality, start)
        current = {
            a.person_id: a
            for a in ManagerAssignment.objects.filter(in_force(start), municipality=municipality)
        }
        wanted: dict[int, dict[str, Any]] = {}  # person id -> the assignment's fields
        for line in lines:
            person = people[line.employee_number]
            boss = people[line.line_manager] if line.line_manager else None
            wanted[person.id] = {
                "title": line.title,
                "unit": units[line.unit],
                "line_manager": boss,
                "post_id": posts.get(person.id),
            }
        names = {p.id: p.name for p in people.values()}
        for person_id, assignment in current.items():
            new = wanted.get(person_id)
            same = new is not None and (
                assignment.title,
                assignment.unit_id,
                assignment.line_manager_id,
            ) == (new["title"], new["unit"].id, new["line_manager"] and new["line_manager"].id)
            if same:
                result.kept += 1
                wanted.pop(person_id)
                continue
            if assignment.start == start:  # a corrected file for the same day replaces it
                assignment.delete()
            else:
                assignment.end = start - dt.timedelta(days=1)
                assignment.save(update_fields=["end"])
            if new is None:
                result.ended.append(names.get(person_id) or str(assignment.person))
        for person_id, new in wanted.items():
            ManagerAssignment.objects.create(
                municipality=municipality, person_id=person_id, start=start, source=source, **new
            )
            result.started.append(names[person_id])
    return result
