"""A constant number of queries per mail batch, whatever the number of people, actions and
mails; measured on a small world and asserted on one ten times its size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.reminders.delivery import deliver
from styr.reminders.domain import subscribe
from styr.reminders.mails import digest_mails, late_mails, round_mails, subscriptions
from styr.reminders.send import send_today
from styr.reminders.synthetic import build_round

TODAY = timezone.localdate()
FIX = (
    "{what} ran more queries for more people and actions: an N+1 crept in. Read the round "
    "through round_progress, the actions through read_action_rows, addresses, opt-outs and "
    "the sent log in one query each, and log what was sent in one bulk insert."
)


def world(size: int, slug: str):
    round = build_round(people=size * 3 // 2, actions=size, today=TODAY, slug=slug)
    for k in range(size // 5):
        subscribe(round.plan, f"politiker{k}@{slug}.example")
    return round


def queries(function, *args) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = function(*args)
    return len(captured), result


def retire(round) -> None:
    """Take a world out of the next run: its plan unpublished, so nothing of it is sent."""
    round.plan.published_at = None
    round.plan.save()


def test_each_batch_costs_the_same_queries_at_any_size(db, smtp_server, django_assert_num_queries):
    small, big = world(10, "liten"), world(100, "stor")
    for function, args in [
        (round_mails, lambda r: (r, TODAY)),
        (late_mails, lambda r: (r.plan, TODAY)),
        (digest_mails, lambda r: (r.plan, subscriptions(TODAY)[r.plan], TODAY)),
    ]:
        expected, few = queries(function, *args(small))
        big_args = args(big)
        with django_assert_num_queries(expected, info=FIX.format(what=function.__name__)):
            many = function(*big_args)
        assert len(many.outgoing) > 5 * len(few.outgoing) > 0

    expected, _ = queries(deliver, round_mails(small, TODAY).outgoing)
    outgoing = round_mails(big, TODAY).outgoing
    with django_assert_num_queries(expected, info=FIX.format(what="deliver")):
        deliver(outgoing)


def test_a_whole_run_costs_the_same_queries_at_any_size(db, smtp_server, django_assert_num_queries):
    small = world(10, "liten")
    expected, day = queries(send_today, TODAY)
    assert len(day.delivery.sent) > 10
    retire(small)

    big = world(100, "stor")
    with django_assert_num_queries(expected, info=FIX.format(what="send_today")):
        day = send_today(TODAY)
    assert len(day.delivery.sent) > 150
    assert {mail.kind for mail in day.delivery.sent} == {"invitation", "late", "digest"}
    assert big.plan.title in day.delivery.sent[0].subject
