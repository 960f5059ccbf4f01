"""The status rules, without a database."""

import datetime as dt
from types import SimpleNamespace

from styr.plans.status import NOT_REPORTED, count_statuses, is_overdue, latest_update

AT = dt.datetime(2015, 9, 2, 12, tzinfo=dt.UTC)


def update(id_, day, status, recorded=AT):
    return SimpleNamespace(id=id_, date=day, status=status, recorded_at=recorded)


HISTORY = [
    update(1, dt.date(2015, 1, 10), "not_started"),
    update(2, dt.date(2015, 4, 1), "in_progress"),
    update(3, dt.date(2015, 9, 2), "done"),
]


def test_status_on_a_day_is_the_latest_update_dated_on_or_before_it():
    assert latest_update(HISTORY, dt.date(2015, 3, 31)).status == "not_started"
    assert latest_update(HISTORY, dt.date(2015, 4, 1)).status == "in_progress"
    assert latest_update(HISTORY, dt.date(2015, 9, 1)).status == "in_progress"
    assert latest_update(HISTORY, dt.date(2016, 1, 1)).status == "done"


def test_before_the_first_update_there_is_no_status():
    assert latest_update(HISTORY, dt.date(2015, 1, 9)) is None


def test_order_of_the_history_does_not_matter():
    assert latest_update(reversed(HISTORY), dt.date(2015, 9, 1)).id == 2


def test_a_later_recorded_update_for_the_same_day_wins():
    first = update(1, dt.date(2015, 9, 2), "in_progress", recorded=AT)
    correction = update(2, dt.date(2015, 9, 2), "done", recorded=AT + dt.timedelta(hours=1))
    assert latest_update([correction, first], dt.date(2015, 9, 2)) is correction


def test_overdue_when_deadline_passed_and_not_done():
    deadline = dt.date(2015, 6, 30)
    assert is_overdue(deadline, "in_progress", dt.date(2015, 7, 1))
    assert is_overdue(deadline, NOT_REPORTED, dt.date(2015, 7, 1))


def test_not_overdue_on_the_deadline_itself_or_when_done_or_continuous():
    deadline = dt.date(2015, 6, 30)
    assert not is_overdue(deadline, "in_progress", deadline)
    assert not is_overdue(deadline, "done", dt.date(2016, 1, 1))
    assert not is_overdue(deadline, "ongoing", dt.date(2016, 1, 1))
    assert not is_overdue(None, "in_progress", dt.date(2016, 1, 1))


def test_counts_keep_every_status_in_order_with_zeros():
    counts = count_statuses(["done", "done", "in_progress", NOT_REPORTED])
    assert list(counts) == ["done", "in_progress", "ongoing", "not_started", "unknown", "none"]
    assert counts == {
        "done": 2,
        "in_progress": 1,
        "ongoing": 0,
        "not_started": 0,
        "unknown": 0,
        "none": 1,
    }
