"""The status rules, without a database."""

import datetime as dt

from styr.plans.status import NOT_REPORTED, count_statuses, is_overdue, status_label


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


def test_the_pure_status_words_are_the_models_translated_labels():
    from django.utils.translation import gettext

    from styr.plans.models import Status

    assert {code: status_label(code) for code in Status.values} == {
        code: str(Status(code).label) for code in Status.values
    }
    assert status_label(NOT_REPORTED) == gettext("Ingen status rapporterad")
