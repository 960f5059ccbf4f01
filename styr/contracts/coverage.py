"""Where contracts stand and how many managers have one: pure Python, no Django.

A contract's status on a day comes from its events known that day (the one as-of rule of
`styr.lib.asof`: applied on or before the day and recorded by its end): *utkast* once a
version is written, *överenskommet* once the manager accepted one, *följt upp* once the line
manager recorded the year's outcome.

Coverage (the memo: "Alla resultatkontrakt ska vara klara senast den 31 december 2015") is,
as of a day, the share of that day's managers with an agreed (or followed-up) contract for
the year, per director's line, with the names of those who have none. Every manager is
counted once, in the line they are in that day (`styr.contracts.cascade`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from styr.contracts.cascade import ManagerRow, director_lines

DRAFT, AGREED, FOLLOWED_UP = "utkast", "overenskommet", "foljt_upp"
STATUS_OF_EVENT = {"written": DRAFT, "agreed": AGREED, "followed_up": FOLLOWED_UP}
RANK = {None: 0, DRAFT: 1, AGREED: 2, FOLLOWED_UP: 3}


@dataclass(frozen=True)
class EventFact:
    kind: str  # written, agreed, followed_up
    on: dt.date
    recorded_at: dt.datetime


def status_on(events: Iterable[EventFact], day: dt.date, known_by: dt.datetime) -> str | None:
    """The contract's status on `day` (None: nothing written yet). Statuses only go forward:
    the furthest step known that day is where the contract stands."""
    best = None
    for event in events:
        if event.on <= day and event.recorded_at < known_by:
            status = STATUS_OF_EVENT[event.kind]
            if RANK[status] > RANK[best]:
                best = status
    return best


def deadline_of(year: int) -> dt.date:
    """The day a year's contracts are to be agreed by: its last day (the memo's 2015-12-31)."""
    return dt.date(year, 12, 31)


@dataclass(frozen=True)
class LineCoverage:
    director: ManagerRow | None
    total: int
    agreed: int
    missing: list[ManagerRow]

    @property
    def share(self) -> float:
        return self.agreed / self.total if self.total else 0.0


@dataclass(frozen=True)
class Coverage:
    as_of: dt.date
    year: int
    deadline: dt.date
    total: int
    agreed: int
    lines: list[LineCoverage]
    # The directors themselves with whether their own contract is agreed: the
    # stadsdirektör's part of the memo ("ansvarar för att alla direktörer har detta").
    directors: list[tuple[ManagerRow, bool]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.agreed / self.total if self.total else 0.0

    @property
    def days_left(self) -> int:
        return (self.deadline - self.as_of).days

    def as_json(self) -> dict:
        """The command's JSON: total, agreed, share, and per director their line's figures
        with the names of the managers who have no agreed contract."""
        return {
            "as_of": self.as_of.isoformat(),
            "year": self.year,
            "deadline": self.deadline.isoformat(),
            "total": self.total,
            "agreed": self.agreed,
            "share": round(self.share, 4),
            "directors": [
                {
                    "name": line.director.name if line.director else None,
                    "total": line.total,
                    "agreed": line.agreed,
                    "share": round(line.share, 4),
                    "missing": [row.name for row in line.missing],
                }
                for line in self.lines
            ],
        }


def coverage(rows: list[ManagerRow], agreed: set[int], *, as_of: dt.date, year: int) -> Coverage:
    """The coverage of the managers `rows` (of `as_of`), `agreed` being the people with an
    agreed contract for `year` that day. Linear in the number of managers.

    A manager with no line manager (the stadsdirektör) is not counted: their contract is
    with the political side (kommunstyrelsen), not signed in Styr by a line manager.
    """
    by_person = {row.person_id: row for row in rows}
    rows = [row for row in rows if row.line_manager_id is not None]
    lines = []
    for director_id, members in director_lines(rows).items():
        missing = [row for row in members if row.person_id not in agreed]
        lines.append(
            LineCoverage(
                director=by_person.get(director_id) if director_id is not None else None,
                total=len(members),
                agreed=len(members) - len(missing),
                missing=missing,
            )
        )
    directors = [
        (row, row.person_id in agreed)
        for row in sorted(rows, key=lambda r: r.name)
        if row.director_id == row.person_id and row.line_manager_id is not None
    ]
    return Coverage(
        as_of=as_of,
        year=year,
        deadline=deadline_of(year),
        total=len(rows),
        agreed=sum(1 for row in rows if row.person_id in agreed),
        lines=lines,
        directors=directors,
    )


# A public page shows a group's figures only if it counts at least this many managers: in a
# smaller group "1 of 2" says of named people who has no contract.
MIN_MANAGERS = 5


@dataclass(frozen=True)
class Share:
    label: str | None  # the director's name; None for the smaller lines together
    total: int
    agreed: int

    @property
    def share(self) -> float:
        return self.agreed / self.total if self.total else 0.0


@dataclass(frozen=True)
class PublicCoverage:
    """What a public page may show of a coverage: no names of managers, no small groups."""

    as_of: dt.date
    year: int
    deadline: dt.date
    lines: list[Share]
    others: Share | None  # the lines under MIN_MANAGERS together, if they reach it
    total: Share | None  # None when it would give a small group away by subtraction
    hidden: int  # lines whose figures are not shown at all


def public_coverage(result: Coverage) -> PublicCoverage:
    """The lines of at least MIN_MANAGERS by their director; the smaller ones together if
    they reach MIN_MANAGERS, else not at all, and then not the total either (the total
    minus the lines shown would be the small group's figures)."""
    shown: list[Any] = []
    small: list[Any] = []
    for line in result.lines:
        name = line.director.name if line.director else None
        share = Share(name, line.total, line.agreed)
        (shown if line.total >= MIN_MANAGERS else small).append(share)
    others = Share(None, sum(s.total for s in small), sum(s.agreed for s in small))
    small_shown = others.total >= MIN_MANAGERS
    total = Share(None, result.total, result.agreed)
    return PublicCoverage(
        as_of=result.as_of,
        year=result.year,
        deadline=result.deadline,
        lines=shown,
        others=others if small and small_shown else None,
        total=total if (not small or small_shown) and total.total >= MIN_MANAGERS else None,
        hidden=0 if small_shown else len(small),
    )
