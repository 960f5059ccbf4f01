"""Reporting periods: year, tertial, quarter and month, as keys that sort in time order.

A period is stored as a short key: "2015" (year), "2015-T2" (tertial), "2015-Q3" (quarter),
"2015-09" (month). Keys of one kind sort as text in time order, so the database can order
them. Pure functions, no Django: indicators, targets, Kolada values, contact-centre months
and surveys all use them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from styr.lib.dates import FIRST_YEAR as FIRST_YEAR  # re-exported: one range
from styr.lib.dates import LAST_YEAR as LAST_YEAR
from styr.lib.dates import MONTHS

YEAR = "year"
TERTIAL = "tertial"
QUARTER = "quarter"
MONTH = "month"
KINDS = (YEAR, TERTIAL, QUARTER, MONTH)

# FIRST_YEAR and LAST_YEAR are styr.lib.dates's: periods, dates and years share one range.

_PATTERN = re.compile(r"^(\d{4})(?:-(T[1-3]|Q[1-4]|\d{2}))?$")
_MONTHS_IN = {YEAR: 12, TERTIAL: 4, QUARTER: 3, MONTH: 1}


class InvalidPeriod(ValueError):
    """A period key that is malformed or out of range; the message names it."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str = YEAR
    number: int = 1  # tertial 1-3, quarter 1-4, month 1-12; 1 for a year

    @property
    def key(self) -> str:
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == TERTIAL:
            return f"{self.year}-T{self.number}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def first_month(self) -> int:
        return (self.number - 1) * _MONTHS_IN[self.kind] + 1

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        last_month = self.first_month + _MONTHS_IN[self.kind] - 1
        return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def label(self) -> str:
        """The period as a Swedish reader writes it: "2015", "T2 2015", "kvartal 3 2015"."""
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == TERTIAL:
            return f"T{self.number} {self.year}"
        if self.kind == QUARTER:
            return f"kvartal {self.number} {self.year}"
        return f"{MONTHS[self.number - 1]} {self.year}"

    @property
    def short_label(self) -> str:
        """A compact label for chart axes: "2015", "T2 2015", "K3 2015", "sep 2015"."""
        if self.kind == QUARTER:
            return f"K{self.number} {self.year}"
        if self.kind == MONTH:
            return f"{MONTHS[self.number - 1][:3]} {self.year}"
        return self.label

    def __str__(self) -> str:
        return self.key


def parse_period(key: str | int) -> Period:
    """Read a period key; raise InvalidPeriod naming the key if it is not one."""
    text = str(key).strip()
    match = _PATTERN.match(text)
    if not match:
        raise InvalidPeriod(f"'{key}' is not a period (use 2015, 2015-T2, 2015-Q3 or 2015-09)")
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidPeriod(f"'{key}': the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    part = match.group(2)
    if part is None:
        return Period(year)
    if part[0] == "T":
        return Period(year, TERTIAL, int(part[1]))
    if part[0] == "Q":
        return Period(year, QUARTER, int(part[1]))
    month = int(part)
    if not 1 <= month <= 12:
        raise InvalidPeriod(f"'{key}': there is no month {month}")
    return Period(year, MONTH, month)


def period_of(day: dt.date, kind: str) -> Period:
    """The period of the given kind that contains the day."""
    if kind == YEAR:
        return Period(day.year)
    return Period(day.year, kind, (day.month - 1) // _MONTHS_IN[kind] + 1)


def year_of(key: str) -> int:
    return int(key[:4])
