"""Opening and closing a round: validation in Swedish, one open round a plan, the audit."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import timezone

from styr.lib.dates import swedish_day
from styr.rounds.domain import close_round, default_title, open_round
from styr.rounds.models import Round


def today():
    return timezone.localdate()


def messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


def test_opening_a_round_records_it_with_who_opened_it_and_the_audit(cast):
    due = today() + dt.timedelta(days=14)
    opened = open_round(
        cast.plan, title=" Uppföljning hösten ", due=due, message="Senast fredag.", by=cast.strateg
    )

    opened.refresh_from_db()
    assert (opened.title, opened.due, opened.message) == (
        "Uppföljning hösten",
        due,
        "Senast fredag.",
    )
    assert (opened.plan, opened.opened_by, opened.closed_at) == (cast.plan, cast.strateg, None)
    entry = LogEntry.objects.get_for_object(opened).get()
    assert entry.additional_data["event"] == "round_open"
    assert entry.actor == cast.strateg


def test_without_a_title_the_round_is_named_for_its_due_month_in_swedish(plan):
    assert default_title(dt.date(2015, 9, 30)) == "Uppföljning september 2015"
    due = today() + dt.timedelta(days=3)
    assert open_round(plan, due=due).title == default_title(due)
    Round.objects.all().delete()
    assert open_round(plan, title="   ", due=due).title == default_title(due)


def test_a_due_date_in_the_past_is_refused(plan):
    with pytest.raises(ValidationError) as refused:
        open_round(plan, title="Sen", due=today() - dt.timedelta(days=1))

    assert "har redan passerat" in messages(refused.value)["due"][0]
    assert not Round.objects.exists()


def test_a_round_may_be_due_today(plan):
    assert open_round(plan, title="I dag", due=today()).due == today()


def test_a_draft_plan_gets_no_round(plan):
    plan.published_at = None
    plan.save()

    with pytest.raises(ValidationError) as refused:
        open_round(plan, title="Utkast", due=today())

    assert "Planen är ett utkast" in messages(refused.value)["plan"][0]
    assert not Round.objects.exists()


def test_too_long_a_title_or_message_is_refused_naming_the_field(plan):
    with pytest.raises(ValidationError) as refused:
        open_round(plan, title="x" * 201, due=today(), message="y" * 4001)

    assert set(messages(refused.value)) == {"title", "message"}


def test_a_second_open_round_on_the_same_plan_is_refused(plan):
    first = open_round(plan, title="Första", due=today() + dt.timedelta(days=7))

    with pytest.raises(ValidationError) as refused:
        open_round(plan, title="Andra", due=today() + dt.timedelta(days=7))

    assert "redan ett öppet uppföljningstillfälle, ”Första”" in refused.value.messages[0]
    close_round(first)
    assert open_round(plan, title="Andra", due=today()).title == "Andra"


def test_closing_records_when_and_by_whom_and_is_audited(cast):
    the_round = open_round(cast.plan, title="Höst", due=today() + dt.timedelta(days=7))

    close_round(the_round, by=cast.strateg)

    the_round.refresh_from_db()
    assert the_round.closed_by == cast.strateg
    assert the_round.closed_on(today()) == today()
    assert not the_round.is_open(today())
    events = [e.additional_data["event"] for e in LogEntry.objects.get_for_object(the_round)]
    assert sorted(events) == ["round_close", "round_open"]


def test_closing_a_closed_round_is_refused_with_a_message(plan):
    the_round = open_round(plan, title="Höst", due=today())
    close_round(the_round)

    with pytest.raises(ValidationError) as refused:
        close_round(Round.objects.get(pk=the_round.pk))

    assert refused.value.messages == [
        f"Uppföljningstillfället stängdes redan {swedish_day(today())}."
    ]


def test_a_round_past_its_due_date_is_already_closed(plan):
    the_round = Round.objects.create(plan=plan, title="Vår", due=today() - dt.timedelta(days=1))

    with pytest.raises(ValidationError) as refused:
        close_round(the_round)

    assert "när sista dagen" in refused.value.messages[0]
    the_round.refresh_from_db()
    assert the_round.closed_at is None
