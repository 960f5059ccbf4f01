"""The organisation as it stood on a given day.

Pure functions over plain rows (ORM objects or anything with the same attributes), so that
the organisation page, reports and tests share one rule for "as of".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class UnitState:
    unit_id: int
    name: str
    kind: str
    parent_id: int | None
    responsible_post_id: int | None
    exists: bool
    # The source does not state this unit or its name: pages mark it as an example.
    is_example: bool = False


def unit_states_on(units: Iterable[Any], changes: Iterable[Any], day: dt.date) -> dict:
    """Apply every change dated on or before `day` to the units' initial state.

    A unit with a `create` change does not exist before that date; `dissolve` ends it.
    Changes are applied in date order (then id), so several on one day keep their order.
    """
    ordered = sorted(changes, key=lambda change: (change.date, change.id or 0))
    created_later = {change.unit_id for change in ordered if change.kind == "create"}
    states = {
        unit.id: UnitState(
            unit_id=unit.id,
            name=unit.name,
            kind=unit.kind,
            parent_id=unit.parent_id,
            responsible_post_id=unit.responsible_post_id,
            exists=unit.id not in created_later,
            is_example=getattr(unit, "is_example", False),
        )
        for unit in units
    }
    for change in ordered:
        if change.date > day or change.unit_id not in states:
            continue
        states[change.unit_id] = apply_change(states[change.unit_id], change)
    return states


def apply_change(state: UnitState, change: Any) -> UnitState:
    """The unit's state after one change."""
    if change.kind == "create":
        state = replace(state, exists=True)
    elif change.kind == "rename":
        state = replace(state, name=change.new_name)
    elif change.kind == "move":
        state = replace(state, parent_id=change.new_parent_id)
    elif change.kind == "reassign":
        state = replace(state, responsible_post_id=change.new_responsible_post_id)
    elif change.kind == "dissolve":
        state = replace(state, exists=False)
    return state


def names_at_changes(units: Iterable[Any], changes: Iterable[Any]) -> dict[int, str]:
    """Map change id -> the unit's name when the change was made (a rename: the old name).

    The list of organisational changes names each unit as it was called then, not today.
    """
    states = unit_states_on(units, [], dt.date.min)
    names = {}
    for change in sorted(changes, key=lambda change: (change.date, change.id or 0)):
        if change.unit_id not in states:
            continue
        names[change.id] = states[change.unit_id].name
        states[change.unit_id] = apply_change(states[change.unit_id], change)
    return names


def created_on(changes: Iterable[Any]) -> dt.date | None:
    """The day a unit is created by one of its `changes`, or None if it always existed."""
    days = [change.date for change in changes if change.kind == "create"]
    return min(days) if days else None


def tenure_covers(tenure: Any, day: dt.date) -> bool:
    """A tenure runs from `start` to `end`, both inclusive; an empty end is open."""
    return (tenure.start is None or tenure.start <= day) and (
        tenure.end is None or day <= tenure.end
    )


def holders_on(tenures: Iterable[Any], day: dt.date) -> dict[int, list[Any]]:
    """Map post id -> the people holding it on `day` (usually one)."""
    holders: dict[int, list[Any]] = defaultdict(list)
    for tenure in tenures:
        if tenure_covers(tenure, day):
            holders[tenure.post_id].append(tenure.person)
    return holders


def posts_held_on(tenures: Iterable[Any], day: dt.date) -> dict[int, list[Any]]:
    """Map person id -> the posts they hold on `day`."""
    posts: dict[int, list[Any]] = defaultdict(list)
    for tenure in tenures:
        if tenure_covers(tenure, day):
            posts[tenure.person_id].append(tenure.post)
    return posts
