"""Reading managers and contracts from the database, a fixed number of queries each.

`managers_on(municipality, day)` is the line as it stood that day (see
`styr.contracts.cascade` for the rule); the manager meetings build on it too.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from styr.contracts.cascade import Assignment, ManagerRow, cascade, director_lines
from styr.contracts.models import ManagerAssignment
from styr.org.models import Tenure

__all__ = ["ManagerRow", "director_lines", "directors_on", "managers_on"]


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
