"""The one as-of rule: what Styr shows "as of" a day.

A dated fact (a status update, a version of an action) has two times: the day from which it
applies and the moment Styr recorded it. Shown as of day D is what applied on D *and* had been
recorded by the end of D; of several such facts the one that applies latest wins, and of
those applying from the same day the one recorded last (then the higher id). So a page, a
report or an export for a past day never changes when something is recorded later, and a
correction recorded today is seen from today on. A status update that needs the plan
owner's approval is known from the moment it is approved, not before (and never if sent back).

Pure Python, no Django: `styr.plans.queries` asks the database the same question with
`AsOf.known_by` and `IN_FORCE_ORDER`, and a test holds the two to the same answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Recorded(Protocol):
    recorded_at: dt.datetime
    id: int | None


R = TypeVar("R", bound=Recorded)

# Newest first: the first record in this order that the rule admits is the one in force.
IN_FORCE_ORDER = ("applies", "recorded_at", "id")


@dataclass(frozen=True)
class AsOf:
    """A day, and the end of that day in the municipality's time zone."""

    day: dt.date
    tz: dt.tzinfo

    @property
    def known_by(self) -> dt.datetime:
        """Records made at or after this moment were not known on `day`."""
        return dt.datetime.combine(self.day + dt.timedelta(days=1), dt.time(0), tzinfo=self.tz)

    def admits(self, applies: dt.date, known_at: dt.datetime | None) -> bool:
        return applies <= self.day and known_at is not None and known_at < self.known_by

    def pick(
        self,
        records: Iterable[R],
        applies: Callable[[R], dt.date],
        known: Callable[[R], dt.datetime | None] = lambda r: r.recorded_at,
    ) -> R | None:
        """The record in force on the day, or None; `applies` reads a record's day, `known`
        when it became known (by default when it was recorded; a status update that needed
        approval: when approved, None before)."""
        admitted = [r for r in records if self.admits(applies(r), known(r))]
        if not admitted:
            return None
        return max(admitted, key=lambda r: (applies(r), r.recorded_at, r.id or 0))


def recorded_on(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Noon of `day`: when a fact taken from a dated document counts as recorded.

    A document (a lägesrapport, an imported plan) was the record on its own date, so what it
    states is known as of that day however much later it is typed into Styr.
    """
    return dt.datetime.combine(day, dt.time(12), tzinfo=tz)
