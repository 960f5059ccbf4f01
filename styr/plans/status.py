"""Status rules: which update counts on a day, and when an action is late.

Pure functions over plain values; the plan page, the person page and reports share them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

DONE = "done"
ONGOING = "ongoing"
# The pseudo-status of an action that has no update on or before the day asked about.
NOT_REPORTED = "none"

# The order in which statuses are counted and shown.
STATUS_ORDER = ["done", "in_progress", "ongoing", "not_started", "unknown", NOT_REPORTED]


def latest_update(updates: Iterable[Any], day: dt.date) -> Any | None:
    """The update in force on `day`: the latest dated on or before it.

    Two updates with the same date: the one recorded last wins, so a correction made the
    same day replaces the earlier word without erasing it.
    """
    candidates = [update for update in updates if update.date <= day]
    if not candidates:
        return None
    return max(candidates, key=lambda update: (update.date, update.recorded_at, update.id or 0))


def is_overdue(deadline: dt.date | None, status: str, day: dt.date) -> bool:
    """Late: the deadline has passed and the action is neither done nor continuous work."""
    return deadline is not None and deadline < day and status not in (DONE, ONGOING)


def count_statuses(statuses: Iterable[str]) -> dict[str, int]:
    """Counts per status in STATUS_ORDER, zeros included."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for status in statuses:
        counts[status] += 1
    return counts
