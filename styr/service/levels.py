"""The contact centre's two service levels, computed from grouped case counts. Pure Python.

The memo (Nacka 2015): "Målsättningen är att de ska hantera 90 % av ärenden från medborgare
respektive medarbetare, samt att 90 % av ärenden ska lösas i första kontakt."

Definitions, for any group of cases (a month, a year, one requester, one category):

- **Share handled** = cases handled by the contact centre or the service unit itself
  / all cases in the group × 100.
- **Share resolved at first contact** = cases resolved at the first contact
  / **all** cases in the group × 100 — not only those the contact centre handled, so a case
  handed on to another unit counts against the share unless it, too, was resolved at once.

A group with no cases has no share: None (missing), never 0. A share meets its target when it
is at least the target; the comparison is exact (on the counts), so 89.96 % does not meet
90 % even though it is shown rounded as "90,0 %".

Input is the output of one GROUP BY (`styr.service.queries.count_cases`), stored as
`ServiceCaseCount` rows when cases are imported: rows of `CaseCount`, so the arithmetic here
is tested without a database and costs nothing per case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from styr.service.records import CITIZEN, EMPLOYEE

REQUESTERS = (CITIZEN, EMPLOYEE)

# The memo's targets, in per cent.
HANDLED_TARGET = 90
FIRST_CONTACT_TARGET = 90

# Keys of the goal indicators that Styr computes from the cases (goals.Computation).
SERVICE_HANDLED = "service_handled"
SERVICE_FIRST_CONTACT = "service_first_contact"


@dataclass(frozen=True)
class CaseCount:
    """The number of cases that share these values (one row of the GROUP BY)."""

    month: str  # "2015-03"
    requester: str
    category: str
    handled_by_contact_centre: bool
    resolved_at_first_contact: bool
    count: int
    generated: bool = False  # whether the cases came from a generated (demo) import


def share(part: int, total: int) -> float | None:
    """part / total in per cent; None for an empty group."""
    return None if total == 0 else 100 * part / total


def meets(part: int, total: int, target: float) -> bool | None:
    """Whether part / total is at least target per cent; None for an empty group."""
    return None if total == 0 else 100 * part >= target * total


@dataclass(frozen=True)
class Level:
    """The service levels of one group of cases; `key` names the group."""

    key: str
    total: int = 0
    handled: int = 0
    first_contact: int = 0
    generated: bool = False  # some of the cases are generated demo data

    @property
    def handled_share(self) -> float | None:
        return share(self.handled, self.total)

    @property
    def first_contact_share(self) -> float | None:
        return share(self.first_contact, self.total)

    @property
    def handled_met(self) -> bool | None:
        return meets(self.handled, self.total, HANDLED_TARGET)

    @property
    def first_contact_met(self) -> bool | None:
        return meets(self.first_contact, self.total, FIRST_CONTACT_TARGET)

    def plus(self, row: CaseCount) -> Level:
        return Level(
            key=self.key,
            total=self.total + row.count,
            handled=self.handled + (row.count if row.handled_by_contact_centre else 0),
            first_contact=self.first_contact + (row.count if row.resolved_at_first_contact else 0),
            generated=self.generated or row.generated,
        )


@dataclass(frozen=True)
class PeriodLevels:
    """A period's levels overall, per requester (both, always) and per category."""

    period: str  # "2015" or "2015-03"
    overall: Level
    requesters: tuple[Level, ...]  # citizen, employee; an empty one has total 0
    categories: tuple[Level, ...]  # those with cases, the largest first


def levels_by_period(counts: Iterable[CaseCount]) -> dict[str, PeriodLevels]:
    """Levels for every month and every year that has at least one case, keyed by period."""
    overall: dict[str, Level] = {}
    by_requester: dict[str, dict[str, Level]] = defaultdict(dict)
    by_category: dict[str, dict[str, Level]] = defaultdict(dict)
    for row in counts:
        if row.count <= 0:
            continue
        for period in (row.month, row.month[:4]):
            overall[period] = overall.get(period, Level(period)).plus(row)
            groups = by_requester[period]
            groups[row.requester] = groups.get(row.requester, Level(row.requester)).plus(row)
            groups = by_category[period]
            groups[row.category] = groups.get(row.category, Level(row.category)).plus(row)
    result = {}
    for period in sorted(overall):
        requesters = by_requester[period]
        known = [requesters.get(key, Level(key)) for key in REQUESTERS]
        others = [requesters[key] for key in sorted(requesters) if key not in REQUESTERS]
        categories = sorted(by_category[period].values(), key=lambda g: (-g.total, g.key))
        result[period] = PeriodLevels(
            period=period,
            overall=overall[period],
            requesters=tuple(known + others),
            categories=tuple(categories),
        )
    return result


def years(counts: Iterable[CaseCount]) -> list[int]:
    """The years that have cases, in order."""
    return sorted({int(row.month[:4]) for row in counts if row.count > 0})


@dataclass(frozen=True)
class YearLevels:
    """What the contact-centre page shows for a year: its twelve months and its totals."""

    year: int
    months: tuple[Level, ...]  # January to December; a month with no cases has total 0
    total: PeriodLevels | None  # None when the year has no cases

    @property
    def generated(self) -> bool:
        return self.total is not None and self.total.overall.generated


def year_levels(counts: Iterable[CaseCount], year: int) -> YearLevels:
    """The levels of each month of the year and of the whole year."""
    by_period = levels_by_period(row for row in counts if row.month.startswith(f"{year}-"))
    months = tuple(
        by_period[key].overall if key in by_period else Level(key)
        for key in (f"{year}-{month:02d}" for month in range(1, 13))
    )
    return YearLevels(year=year, months=months, total=by_period.get(str(year)))


def indicator_values(counts: Iterable[CaseCount]) -> dict[str, dict[str, float | None]]:
    """The two indicators' values per period, for the goal pages.

    {"service_handled": {"2015-01": 91.3, …, "2015": 90.2}, "service_first_contact": {…}}:
    every month and every year that has at least one case; the year's value is the share
    over all of that year's cases (not a mean of the months). Values are unrounded per cent.
    """
    return series_of(levels.overall for levels in levels_by_period(counts).values())


def series_of(levels: Iterable[Level]) -> dict[str, dict[str, float | None]]:
    """The two indicators' values from the overall `Level` of each period (its `key`), as
    `indicator_values` gives them; what the goal pages read from the stored levels."""
    handled: dict[str, float | None] = {}
    first_contact: dict[str, float | None] = {}
    for level in levels:
        handled[level.key] = level.handled_share
        first_contact[level.key] = level.first_contact_share
    return {SERVICE_HANDLED: handled, SERVICE_FIRST_CONTACT: first_contact}
