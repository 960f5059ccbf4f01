"""When each kind of mail is due, and the keys that say what a mail is about (pure).

A key names the subject of a mail in the sent log; with the kind and the recipient it is
unique, so a key decides how often something can be sent: once per round (invitation),
once per round and reminder day (reminder), once per action (late notice), once per plan
and ISO week (digest).
"""

from __future__ import annotations

import datetime as dt

# A late notice is about an action that became late lately: a run that missed a few days
# still tells, but turning reminders on does not mail about every action late for years.
LATE_WINDOW_DAYS = 7
DIGEST_DAYS = 7


def invitation_key(round_id: int) -> str:
    return f"round:{round_id}"


def reminder_key(round_id: int, today: dt.date) -> str:
    return f"round:{round_id}:{today.isoformat()}"


def late_key(action_id: int) -> str:
    return f"action:{action_id}"


def digest_key(plan_id: int, today: dt.date) -> str:
    year, week, _weekday = today.isocalendar()
    return f"plan:{plan_id}:{year}-W{week:02d}"


def reminder_due(due: dt.date, today: dt.date, days: list[int]) -> bool:
    """A reminder day: `days` before the due date (0 is the due date itself)."""
    return today <= due and (due - today).days in days


def became_late_lately(deadline: dt.date | None, today: dt.date) -> bool:
    """The action's deadline passed within the window (it is late from the day after)."""
    return deadline is not None and today - dt.timedelta(days=LATE_WINDOW_DAYS) <= deadline < today


def digest_since(today: dt.date) -> dt.date:
    """The digest compares the plan as it stood this many days ago with today."""
    return today - dt.timedelta(days=DIGEST_DAYS)


def late_scope() -> str:
    return ""


def digest_scope(plan_id: int) -> str:
    return f"plan:{plan_id}"
