"""The line of managers as of a day: who reports to whom, and in which director's line.

Pure Python over plain rows, no Django: `styr.contracts.queries.managers_on` reads the rows
of the day and the directors of the day, and every page, command and count (coverage, the
manager meetings' attendance per line) folds them here, so "whose line is this manager in
on that day" has one answer.

The rule: walking up the line managers from a manager, the first person who holds a director
post that day is their director; a director is in their own line. A chain that reaches the
top without meeting a director (the stadsdirektör's direct reports, if she were not counted
a director) ends in the top person's line: the stadsdirektör's line is the top.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ManagerRow:
    """A manager on a day: their post in the organisation (if it is one of its posts), their
    line manager (a person id) and the director whose line they are in (a person id)."""

    person_id: int
    name: str
    title: str
    unit_id: int | None
    post_id: int | None
    line_manager_id: int | None
    director_id: int | None
    # Invented by the demo (or any source that says so): pages mark it "(exempel)".
    is_example: bool = False


@dataclass(frozen=True)
class Assignment:
    """What `cascade` needs of a manager's assignment in force on the day."""

    person_id: int
    name: str
    title: str
    unit_id: int | None
    post_id: int | None
    line_manager_id: int | None
    is_example: bool = False


def cascade(assignments: Iterable[Assignment], directors: set[int]) -> list[ManagerRow]:
    """Each manager with the director whose line they are in, in the order given.

    Linear in the number of managers (each chain is walked once and remembered). A line
    manager who is not a manager that day ends the walk there: the last manager reached is
    then the top of that line. A cycle (which the import refuses, but dated rows from
    different files could still form) gives its members no director rather than looping.
    """
    assignments = list(assignments)
    by_person = {a.person_id: a for a in assignments}
    director_of: dict[int, int | None] = {}

    def resolve(person_id: int) -> int | None:
        path: list[int] = []
        seen: set[int] = set()
        current: int | None = person_id
        found: int | None = None
        while current is not None:
            if current in director_of:
                found = director_of[current]
                break
            if current in seen:  # a cycle: nobody on it has a director
                found = None
                break
            seen.add(current)
            path.append(current)
            if current in directors:
                found = current
                break
            above = by_person[current].line_manager_id
            if above is None or above not in by_person:
                found = current  # the top of its line
                break
            current = above
        for member in path:
            director_of[member] = found
        return found

    return [
        ManagerRow(
            person_id=a.person_id,
            name=a.name,
            title=a.title,
            unit_id=a.unit_id,
            post_id=a.post_id,
            line_manager_id=a.line_manager_id,
            director_id=resolve(a.person_id),
            is_example=a.is_example,
        )
        for a in assignments
    ]


def director_lines(rows: Iterable[ManagerRow]) -> dict[int | None, list[ManagerRow]]:
    """The managers per director's line: the director first, then the others by name;
    the lines in the order of their directors' names (managers with no director, on a
    cycle, last under None)."""
    rows = list(rows)
    names = {row.person_id: row.name for row in rows}
    lines: dict[int | None, list[ManagerRow]] = {}
    for row in rows:
        lines.setdefault(row.director_id, []).append(row)
    for director_id, members in lines.items():
        members.sort(key=lambda r: (r.person_id != director_id, r.name, r.person_id))
    order = sorted(
        lines,
        key=lambda d: (d is None, names.get(d, "") if d is not None else "", d or 0),
    )
    return {director_id: lines[director_id] for director_id in order}
