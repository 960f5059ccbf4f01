"""Status rules: when an action is late, and how statuses are counted.

Pure functions over plain values; the plan page, the person page and reports share them.
Which update counts on a day is the one as-of rule of `styr.lib.asof`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

DONE = "done"
ONGOING = "ongoing"
# The pseudo-status of an action that has no update on or before the day asked about.
NOT_REPORTED = "none"

# The order in which statuses are counted and shown.
STATUS_ORDER = ["done", "in_progress", "ongoing", "not_started", "unknown", NOT_REPORTED]

# The words for each status. Plain Swedish here, so that snapshots and reports stay pure:
# Swedish is Styr's source language and its catalogue translates none of Styr's own words,
# so these are what Django's gettext gives for `styr.plans.models.Status` (a test holds the
# two equal).
STATUS_LABELS = {
    "done": "Genomfört",
    "in_progress": "Pågår",
    "ongoing": "Pågår kontinuerligt",
    "not_started": "Ej påbörjad",
    "unknown": "Oklar",
    NOT_REPORTED: "Ingen status rapporterad",
}


def status_label(code: str) -> str:
    """The words for a status code (or NOT_REPORTED)."""
    return STATUS_LABELS[code]


def is_overdue(deadline: dt.date | None, status: str, day: dt.date) -> bool:
    """Late: the deadline has passed and the action is neither done nor continuous work."""
    return deadline is not None and deadline < day and status not in (DONE, ONGOING)


def count_statuses(statuses: Iterable[str]) -> dict[str, int]:
    """Counts per status in STATUS_ORDER, zeros included."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for status in statuses:
        counts[status] += 1
    return counts
