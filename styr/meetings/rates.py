"""Who was expected at the manager meetings and how many came: pure arithmetic, no Django.

The rules, written once for the pages, the command and the tests:

- A meeting expects every manager of its day in its audience: all managers, or those whose
  unit (on that day) is one of the town hall's units or under one of them.
- Rates count the **mandatory** meetings only: the memo made the meetings obligatory, and a
  voluntary one missed is no absence.
- A meeting whose attendance has been recorded (at least one row) counts every expected
  manager: recorded as närvarande, anmält förhinder or frånvarande, and a manager missing
  from the list as frånvarande (a list records who came). A meeting with nothing recorded
  yet counts for nobody: its managers are *ej registrerade*, never absent.
- The attendance rate is närvarande / (närvarande + anmält förhinder + frånvarande); with
  no counted meeting it is None (nothing to say), never 0.
- Per director's line: each expected manager counts under the director whose line they were
  in on the meeting's day, so a manager who changes line mid-period is counted once per
  meeting, under the right director each time.
- Public pages show a line's rate only if at least `MIN_MANAGERS` different managers were
  expected in it: a smaller line's rate would tell who stayed away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

PRESENT, EXCUSED, ABSENT = "narvarande", "forhinder", "franvarande"
STATUSES = (PRESENT, EXCUSED, ABSENT)
ALL, TOWN_HALL = "alla", "stadshuset"

# The smallest line whose rate a public page shows (as the HME page hides small units).
MIN_MANAGERS = 5


@dataclass(frozen=True)
class MeetingFacts:
    """What the arithmetic needs of a meeting."""

    meeting_id: int
    audience: str
    mandatory: bool
    recorded: bool  # at least one attendance row


@dataclass(frozen=True)
class Expected:
    """A manager expected at a meeting, in a director's line on its day, and what came of it:
    a status, or None when the meeting has no attendance recorded yet."""

    meeting_id: int
    person_id: int
    director_id: int | None
    status: str | None


@dataclass
class Rate:
    present: int = 0
    excused: int = 0
    absent: int = 0
    unrecorded: int = 0
    managers: set[int] = field(default_factory=set)

    @property
    def counted(self) -> int:
        return self.present + self.excused + self.absent

    @property
    def share(self) -> float | None:
        """Närvarande as a percentage of the counted meetings, or None with none counted."""
        return 100 * self.present / self.counted if self.counted else None

    def add(self, entry: Expected) -> None:
        self.managers.add(entry.person_id)
        if entry.status is None:
            self.unrecorded += 1
        elif entry.status == PRESENT:
            self.present += 1
        elif entry.status == EXCUSED:
            self.excused += 1
        else:
            self.absent += 1


def in_audience(audience: str, unit_id: int | None, town_hall_units: set[int]) -> bool:
    """Is a manager of `unit_id` expected at a meeting for `audience`?"""
    return audience == ALL or (unit_id is not None and unit_id in town_hall_units)


def under(roots: Iterable[int], parents: Mapping[int, int | None]) -> set[int]:
    """The units `roots` and every unit under them, given each unit's parent on a day."""
    found = set(roots)
    for unit_id in parents:
        chain: list[int] = []
        current: int | None = unit_id
        while current is not None and current not in found and current not in chain:
            chain.append(current)
            current = parents.get(current)
        if current is not None and current in found:
            found.update(chain)
    return found


def expected_at(
    meeting: MeetingFacts,
    managers: Iterable[Any],
    town_hall_units: set[int],
    statuses: Mapping[int, str],
) -> list[Expected]:
    """The managers a meeting expects (rows with person_id, unit_id, director_id: the
    cascade's `ManagerRow`s of the meeting's day) and each one's status by the rules above;
    `statuses` is the meeting's recorded attendance by person id."""
    found = []
    for row in managers:
        if not in_audience(meeting.audience, row.unit_id, town_hall_units):
            continue
        status = statuses.get(row.person_id, ABSENT) if meeting.recorded else None
        found.append(Expected(meeting.meeting_id, row.person_id, row.director_id, status))
    return found


def per_manager(entries: Iterable[Expected]) -> dict[int, Rate]:
    """Each manager's rate over the entries (mandatory meetings only: see `counting`)."""
    rates: dict[int, Rate] = {}
    for entry in entries:
        rates.setdefault(entry.person_id, Rate()).add(entry)
    return rates


def per_line(entries: Iterable[Expected]) -> dict[int | None, Rate]:
    """Each director's line's rate: every entry under the director of the meeting's day."""
    rates: dict[int | None, Rate] = {}
    for entry in entries:
        rates.setdefault(entry.director_id, Rate()).add(entry)
    return rates


def total(entries: Iterable[Expected]) -> Rate:
    rate = Rate()
    for entry in entries:
        rate.add(entry)
    return rate


def counting(meetings: Iterable[MeetingFacts], entries: Iterable[Expected]) -> list[Expected]:
    """The entries of the mandatory meetings: those the rates count."""
    mandatory = {m.meeting_id for m in meetings if m.mandatory}
    return [entry for entry in entries if entry.meeting_id in mandatory]


def shown_publicly(rate: Rate) -> bool:
    """May a public page show this group's rate? Only for MIN_MANAGERS managers or more."""
    return len(rate.managers) >= MIN_MANAGERS


def merged(rates: Iterable[Rate]) -> Rate:
    together = Rate()
    for rate in rates:
        together.present += rate.present
        together.excused += rate.excused
        together.absent += rate.absent
        together.unrecorded += rate.unrecorded
        together.managers |= rate.managers
    return together


@dataclass
class PublicLines:
    """What a public page shows: the lines big enough, the small ones together (if they are
    enough together) and the total (if it does not give away a small group by subtraction)."""

    shown: list[tuple[Any, Rate]]
    others: Rate | None
    others_count: int
    total: Rate | None


def public_lines(lines: Mapping[Any, Rate]) -> PublicLines:
    """The lines of `lines` a public page may show, by `MIN_MANAGERS`.

    A small line is never shown alone; the small lines together are shown when they reach
    MIN_MANAGERS, and otherwise the total is not shown either, since the total minus the
    lines shown would be their figure.
    """
    shown = [(key, rate) for key, rate in lines.items() if shown_publicly(rate)]
    small = [rate for rate in lines.values() if not shown_publicly(rate)]
    rest = merged(small)
    rest_shown = bool(small) and shown_publicly(rest)
    total = merged(lines.values()) if (not small or rest_shown) else None
    return PublicLines(shown, rest if rest_shown else None, len(small), total)


def below(rows: Iterable[Any], viewer_id: int) -> set[int]:
    """The people under `viewer_id` in the line on a day (the cascade's rows of that day:
    person_id, line_manager_id): their reports, their reports' reports, and so on."""
    line_manager = {row.person_id: row.line_manager_id for row in rows}
    found: set[int] = set()
    for person_id in line_manager:
        seen: set[int] = set()
        current = line_manager.get(person_id)
        while current is not None and current not in seen:
            if current == viewer_id:
                found.add(person_id)
                break
            seen.add(current)
            current = line_manager.get(current)
    return found


def half_year(day: dt.date) -> tuple[dt.date, dt.date]:
    """The half-year (vår: January–June, höst: July–December) a day is in: first, last day.
    The memo plans the meetings per half-year, so that is the period pages start from."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)
