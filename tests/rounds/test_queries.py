"""A round's progress read from the database: what counts as reported, at a fixed cost."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.demo.synthetic import build_plan
from styr.plans.approval import review_update
from styr.plans.domain import record_status_update
from styr.plans.models import Action, Decision
from styr.plans.queries import read_action_rows
from styr.rounds.models import Round
from styr.rounds.queries import round_progress

FIX = (
    "round_progress ran more queries for a bigger plan: an N+1 crept in. Read the actions "
    "through read_action_rows and the round's updates in the one query of round_reports, "
    "and keep per-action work in Python on the rows already read."
)


def today():
    return timezone.localdate()


def open_round(plan, **fields):
    return Round.objects.create(plan=plan, title="Uppföljning", due=today(), **fields)


def report(action, author=None, status="in_progress", **more):
    return record_status_update(action, date=today(), status=status, author=author, **more)


def group_of(progress, slug):
    return next(p for p in progress.people if p.person.slug == slug)


def test_an_update_recorded_since_the_round_opened_counts_as_reported(cast):
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    report(cast.action, recorded_at=an_hour_ago)  # before the round: not an answer to it
    the_round = open_round(cast.plan, opened_at=an_hour_ago + dt.timedelta(minutes=1))
    carle = group_of(round_progress(the_round, today()), "elisabeth-carle")
    assert carle.reported == []

    update = report(cast.action, status="done")
    carle = group_of(round_progress(the_round, today()), "elisabeth-carle")

    (reported,) = carle.reported
    assert reported.action == cast.action
    assert (reported.report.update, reported.report.status) == (update, "done")
    assert len(carle.unreported) == len(carle.actions) - 1


def test_an_update_after_the_strateg_closed_the_round_does_not_count(cast):
    the_round = open_round(cast.plan, closed_at=timezone.now())
    report(cast.action)

    carle = group_of(round_progress(the_round, today()), "elisabeth-carle")

    assert carle.reported == []
    assert carle.late


def test_an_update_after_the_due_date_still_counts_as_reported(cast):
    the_round = open_round(cast.plan, opened_at=timezone.now() - dt.timedelta(days=10))
    the_round.due = today() - dt.timedelta(days=1)
    report(cast.action)

    progress = round_progress(the_round, today())

    assert progress.closed
    assert [a.action for a in group_of(progress, "elisabeth-carle").reported] == [cast.action]


def test_an_update_waiting_for_approval_counts_and_one_sent_back_does_not(cast):
    cast.plan.requires_approval = True
    cast.plan.save()
    the_round = open_round(cast.plan)
    submitted = report(cast.action, author=cast.responsible)
    assert submitted.needs_approval

    (waiting,) = group_of(round_progress(the_round, today()), "elisabeth-carle").reported
    assert waiting.waiting

    review_update(submitted, decision=Decision.RETURNED, comment="Mer om tidplanen.")
    carle = group_of(round_progress(the_round, today()), "elisabeth-carle")
    assert carle.reported == []
    assert [a.returned for a in carle.actions if a.action == cast.action] == [True]


def test_people_are_those_responsible_today_with_actions_naming_nobody_apart(plan):
    progress = round_progress(open_round(plan), today())

    assert progress.total == Action.objects.filter(plan=plan).count()
    assert "lena-dahlstedt" in [p.person.slug for p in progress.people]
    # "respektive stödprocessdirektör" and the like: nobody to ask by name.
    assert progress.unnamed.actions
    assert all(
        all(who.person is None for who in a.row.responsible) for a in progress.unnamed.actions
    )


def test_the_round_reads_a_fixed_number_of_queries_whatever_the_plans_size(
    plan, django_assert_num_queries
):
    # The demo: 33 actions, 14 people; the synthetic plan: 660 actions, 20 people. The
    # round costs one query (its updates) over reading the plan's rows as they stand.
    big = build_plan(actions=660, slug="stor")
    with CaptureQueriesContext(connection) as reading:
        read_action_rows(Action.objects.filter(plan=plan), today(), plan.municipality_id)
    for the_plan in (plan, big):
        the_round = Round.objects.select_related("plan").get(pk=open_round(the_plan).pk)
        for action in Action.objects.filter(plan=the_plan)[:5]:
            report(action)
        with django_assert_num_queries(len(reading) + 1, info=FIX):
            progress = round_progress(the_round, today())
            # What the page and the reminders use of it: no query more.
            for person in progress.groups:
                _ = [(a.action.title, a.report and a.report.status) for a in person.actions]
        assert progress.reported_count == 5
