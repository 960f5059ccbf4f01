"""Reading managers and contracts from the database, a fixed number of queries each.

`managers_on(municipality, day)` is the line as it stood that day (see
`styr.contracts.cascade` for the rule); the manager meetings build on it too.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from styr.contracts.cascade import Assignment, ManagerRow, cascade, director_lines
from styr.contracts.coverage import Coverage, EventFact, coverage, status_on
from styr.contracts.models import ContractEvent, EventKind, ManagerAssignment
from styr.lib.asof import AsOf
from styr.org.models import Tenure

__all__ = ["ManagerRow", "coverage_on", "director_lines", "directors_on", "managers_on"]


def in_force(day: dt.date) -> Q:
    """Assignments that hold on `day`."""
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


def directors_on(municipality, day: dt.date) -> set[int]:
    """The people who hold a director post of the municipality on `day`. One query."""
    held = Tenure.objects.filter(
        post__municipality=municipality,
        post__is_director=True,
    ).filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))
    return set(held.values_list("person_id", flat=True))


def managers_on(municipality, day: dt.date) -> list[ManagerRow]:
    """Every manager of the municipality on `day`, with line manager and director, by name.
    Two queries whatever the number of managers."""
    rows = (
        ManagerAssignment.objects.filter(in_force(day), municipality=municipality)
        .order_by("person__name", "person_id")
        .values_list(
            "person_id",
            "person__name",
            "title",
            "unit_id",
            "post_id",
            "line_manager_id",
            "is_example",
        )
    )
    assignments = [Assignment(*row) for row in rows]
    return cascade(assignments, directors_on(municipality, day))


def agreed_on(municipality, day: dt.date, year: int) -> set[int]:
    """The managers (person ids) whose contract for `year` is agreed, or followed up, as of
    `day`: accepted on or before it and recorded by its end. One query."""
    known_by = AsOf(day, timezone.get_current_timezone()).known_by
    agreed = ContractEvent.objects.filter(
        contract__municipality=municipality,
        contract__year=year,
        kind__in=[EventKind.AGREED, EventKind.FOLLOWED_UP],
        on__lte=day,
        recorded_at__lt=known_by,
    )
    # No ordering: the default one would join the people to sort by name, for a set.
    return set(agreed.order_by().values_list("contract__manager_id", flat=True).distinct())


def coverage_on(municipality, day: dt.date, year: int | None = None) -> Coverage:
    """Coverage as of `day` of the contracts for `year` (default: the day's year): three
    queries whatever the number of managers, directors and contracts."""
    year = year or day.year
    return coverage(
        managers_on(municipality, day), agreed_on(municipality, day, year), as_of=day, year=year
    )


def line_above(municipality, person_id: int, day: dt.date) -> list[int]:
    """The people above `person_id` in the line on `day`: line manager, theirs, … up to the
    top (person ids, nearest first). Two queries."""
    rows = {row.person_id: row for row in managers_on(municipality, day)}
    above: list[int] = []
    current = rows.get(person_id)
    while current is not None:
        manager_id = current.line_manager_id
        if manager_id is None or manager_id == person_id or manager_id in above:
            break
        above.append(manager_id)
        current = rows.get(manager_id)
    return above


def contract_status(contract, day: dt.date) -> str | None:
    """The contract's status as of `day`, from its events (prefetched or one query)."""
    known_by = AsOf(day, timezone.get_current_timezone()).known_by
    facts = [EventFact(e.kind, e.on, e.recorded_at) for e in contract.events.all()]
    return status_on(facts, day, known_by)
