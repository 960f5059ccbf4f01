"""When mail is due, and the keys of the sent log (pure, no database)."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured

from styr.reminders.schedule import (
    became_late_lately,
    digest_key,
    reminder_due,
    reminder_key,
)
from styr.settings import env_days

DUE = dt.date(2026, 12, 10)


def test_reminders_fall_on_the_configured_days_before_the_due_date_and_on_it():
    days = [3, 0]
    due_days = [DUE - dt.timedelta(days=n) for n in range(6)] + [DUE + dt.timedelta(days=1)]
    assert [d for d in due_days if reminder_due(DUE, d, days)] == [DUE, DUE - dt.timedelta(3)]


def test_a_reminder_key_is_per_round_and_day():
    assert reminder_key(7, DUE) != reminder_key(7, DUE - dt.timedelta(days=3))
    assert reminder_key(7, DUE) != reminder_key(8, DUE)


def test_an_action_became_late_the_day_after_its_deadline_and_is_news_for_a_week():
    assert not became_late_lately(DUE, DUE)
    assert became_late_lately(DUE, DUE + dt.timedelta(days=1))
    assert became_late_lately(DUE, DUE + dt.timedelta(days=7))
    assert not became_late_lately(DUE, DUE + dt.timedelta(days=8))
    assert not became_late_lately(None, DUE)


def test_the_digest_is_once_per_plan_and_iso_week():
    monday, sunday = dt.date(2026, 11, 30), dt.date(2026, 12, 6)
    assert digest_key(1, monday) == digest_key(1, sunday) == "plan:1:2026-W49"
    assert digest_key(1, sunday + dt.timedelta(days=1)) == "plan:1:2026-W50"


def test_the_reminder_days_come_from_the_environment_and_a_bad_value_names_it(monkeypatch):
    monkeypatch.setenv("STYR_REMINDER_DAYS", "0, 7,3")
    assert env_days("STYR_REMINDER_DAYS", [3, 0]) == [7, 3, 0]
    for bad in ("tre", "-1", "3;0"):
        monkeypatch.setenv("STYR_REMINDER_DAYS", bad)
        with pytest.raises(ImproperlyConfigured, match="STYR_REMINDER_DAYS must be days"):
            env_days("STYR_REMINDER_DAYS", [3, 0])
