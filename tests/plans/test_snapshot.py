"""A plan as it stood on a day, read from the database."""

import datetime as dt

import pytest
from django.utils import timezone

from styr.plans.domain import record_status_update
from styr.plans.models import Action
from styr.plans.queries import plan_snapshot
from tests.conftest import MEMO_DAY, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db


def theme_row(snapshot, title):
    return next(row for row in snapshot.themes if row.theme.title == title)


def test_on_the_memo_day_the_plan_holds_every_action_with_the_memos_status(plan):
    snapshot = plan_snapshot(plan, MEMO_DAY)
    assert snapshot.total == 33
    assert snapshot.counts["done"] == 16
    assert snapshot.counts["ongoing"] == 4
    assert snapshot.counts["in_progress"] == 8
    # Every action but the 28 the memo says something about stands without a status.
    assert snapshot.counts["none"] == snapshot.total - 28


def test_before_the_report_the_earlier_actions_had_no_status_and_new_ones_did_not_exist(plan):
    snapshot = plan_snapshot(plan, dt.date(2015, 3, 1))
    assert snapshot.total == 26  # 5 remaining + 21 in Bilaga 1; the 10 new came in September
    assert snapshot.counts["none"] == 26


def test_before_the_plan_was_decided_it_holds_nothing(plan):
    assert plan_snapshot(plan, dt.date(2014, 11, 30)).total == 0


def test_theme_progress_rolls_up_from_every_heading_below(plan):
    snapshot = plan_snapshot(plan, MEMO_DAY)
    appendix = theme_row(snapshot, "Uppföljning av tidigare beslutade åtgärder")
    assert appendix.total == 21
    assert appendix.done == 16
    assert appendix.depth == 0
    training = theme_row(snapshot, "Kommunfullmäktige")
    assert (training.total, training.done, training.depth) == (1, 1, 2)


def test_actions_past_their_deadline_and_not_done_are_flagged_overdue(plan):
    snapshot = plan_snapshot(plan, MEMO_DAY)
    overdue = sorted(row.action.title for row in snapshot.overdue)
    # "under våren 2015" passed on 2015-06-30 while the work still went on.
    assert "Förslag på nya övergripande mål och strategiska mål" in overdue
    assert all(row.status != "done" for row in snapshot.overdue)
    later = plan_snapshot(plan, dt.date(2016, 1, 1))
    titles = {row.action.title for row in later.overdue}
    assert "Resultatkontrakt för alla chefer" in titles  # senast den 31 december 2015


def test_a_new_update_changes_today_but_not_the_past(plan, staff):
    action = Action.objects.get(plan=plan, title="Resultatkontrakt för alla chefer")
    record_status_update(
        action, date=dt.date(2015, 12, 20), status="done", note="Alla kontrakt klara.", author=staff
    )
    before = plan_snapshot(plan, MEMO_DAY)
    after = plan_snapshot(plan, timezone.localdate())
    row_before = next(r for r in before.actions if r.action.id == action.id)
    row_after = next(r for r in after.actions if r.action.id == action.id)
    assert row_before.status == "none"
    assert row_after.status == "done"
    assert row_after.update.note == "Alla kontrakt klara."
    assert not row_after.overdue


def test_responsibility_by_post_names_whoever_held_it_that_day(plan):
    snapshot = plan_snapshot(plan, MEMO_DAY)
    row = next(r for r in snapshot.actions if r.action.title == "Resultatkontrakt för alla chefer")
    assert [who.label for who in row.responsible] == [
        "stadsdirektör Lena Dahlstedt",
        "respektive direktör",
    ]
    assert [who.label for who in row.supporting] == ["personaldirektör Elisabeth Carle"]
