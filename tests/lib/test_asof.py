"""The one as-of rule, without a database: applies on the day and recorded by its end."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from styr.lib.asof import AsOf, recorded_on

STOCKHOLM = ZoneInfo("Europe/Stockholm")
AT = dt.datetime(2015, 9, 2, 12, tzinfo=STOCKHOLM)


def update(id_, day, status, recorded=None):
    recorded = recorded or recorded_on(day, STOCKHOLM)
    return SimpleNamespace(id=id_, date=day, status=status, recorded_at=recorded)


HISTORY = [
    update(1, dt.date(2015, 1, 10), "not_started"),
    update(2, dt.date(2015, 4, 1), "in_progress"),
    update(3, dt.date(2015, 9, 2), "done"),
]


def status_on(day, history=HISTORY):
    found = AsOf(day, STOCKHOLM).pick(history, lambda u: u.date)
    return found.status if found else None


def test_status_on_a_day_is_the_latest_update_dated_on_or_before_it():
    assert status_on(dt.date(2015, 3, 31)) == "not_started"
    assert status_on(dt.date(2015, 4, 1)) == "in_progress"
    assert status_on(dt.date(2015, 9, 1)) == "in_progress"
    assert status_on(dt.date(2016, 1, 1)) == "done"


def test_before_the_first_update_there_is_no_status():
    assert status_on(dt.date(2015, 1, 9)) is None


def test_order_of_the_history_does_not_matter():
    assert status_on(dt.date(2015, 9, 1), list(reversed(HISTORY))) == "in_progress"


def test_a_later_recorded_update_for_the_same_day_wins():
    first = update(1, dt.date(2015, 9, 2), "in_progress", recorded=AT)
    correction = update(2, dt.date(2015, 9, 2), "done", recorded=AT + dt.timedelta(hours=1))
    assert status_on(dt.date(2015, 9, 2), [correction, first]) == "done"


def test_an_update_recorded_after_the_day_does_not_count_on_that_day():
    late = update(
        4, dt.date(2015, 4, 1), "done", recorded=dt.datetime(2015, 10, 1, tzinfo=STOCKHOLM)
    )
    assert status_on(dt.date(2015, 9, 2), [*HISTORY, late]) == "done"  # id 3, dated 2 Sept
    assert status_on(dt.date(2015, 9, 1), [*HISTORY, late]) == "in_progress"
    assert status_on(dt.date(2015, 10, 1), [*HISTORY[:2], late]) == "done"


def test_the_day_ends_at_midnight_in_the_municipalitys_time_zone():
    moment = AsOf(dt.date(2015, 9, 2), STOCKHOLM)
    assert moment.admits(dt.date(2015, 9, 2), dt.datetime(2015, 9, 2, 23, 59, tzinfo=STOCKHOLM))
    assert not moment.admits(dt.date(2015, 9, 2), dt.datetime(2015, 9, 3, 0, 0, tzinfo=STOCKHOLM))
    # 23:30 in UTC on 2 September is already 3 September in Stockholm.
    assert not moment.admits(dt.date(2015, 9, 2), dt.datetime(2015, 9, 2, 23, 30, tzinfo=dt.UTC))


def test_a_dated_document_counts_as_recorded_on_its_own_day():
    moment = AsOf(dt.date(2015, 9, 2), STOCKHOLM)
    assert moment.admits(dt.date(2015, 9, 2), recorded_on(dt.date(2015, 9, 2), STOCKHOLM))
    assert not AsOf(dt.date(2015, 9, 1), STOCKHOLM).admits(
        dt.date(2015, 9, 1), recorded_on(dt.date(2015, 9, 2), STOCKHOLM)
    )


def test_a_record_not_yet_known_is_never_in_force():
    """A status update awaiting approval is known from its approval (here: never yet)."""
    moment = AsOf(dt.date(2015, 9, 2), STOCKHOLM)
    approved = update(1, dt.date(2015, 9, 1), "in_progress")
    waiting = update(2, dt.date(2015, 9, 2), "done")
    approvals = {1: approved.recorded_at, 2: None}
    found = moment.pick([approved, waiting], lambda u: u.date, lambda u: approvals[u.id])
    assert found is approved
    approvals[2] = dt.datetime(2015, 9, 3, 8, tzinfo=STOCKHOLM)  # approved the next morning
    assert moment.pick([approved, waiting], lambda u: u.date, lambda u: approvals[u.id]) is approved
    assert (
        AsOf(dt.date(2015, 9, 3), STOCKHOLM).pick(
            [approved, waiting], lambda u: u.date, lambda u: approvals[u.id]
        )
        is waiting
    )
