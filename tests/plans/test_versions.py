"""What an action says is kept as dated versions: no later edit rewrites a past day."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from styr.lib.asof import recorded_on
from styr.org.models import Person
from styr.plans.domain import change_action
from styr.plans.models import Action, ActionVersion
from styr.plans.queries import plan_snapshot
from styr.reports.domain import make_report
from tests import html
from tests.conftest import MEMO_DAY, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

MARCH_2016 = dt.date(2016, 3, 1)
# As if the change had been entered in Styr on the day it took effect.
RECORDED_MARCH_2016 = recorded_on(MARCH_2016, ZoneInfo("Europe/Stockholm"))

# The action page's history of changes, one paragraph per change, its reason and when.
TIMELINE = "//ol[@class='timeline']/li/p"
# The actions a person's page lists them as responsible for, by title.
RESPONSIBLE_FOR = "//section[@aria-labelledby='ansvar']//tbody//a"


def overdue_titles(plan, day) -> list[str]:
    return [item.title for item in make_report(plan, day).overdue]


def late_action(plan) -> Action:
    """An action the memo's report lists as late (deadline passed, not done)."""
    title = overdue_titles(plan, MEMO_DAY)[0]
    return Action.objects.get(plan=plan, title=title)


def test_a_deadline_change_today_leaves_the_memos_report_as_it_was(plan, staff):
    before = overdue_titles(plan, MEMO_DAY)
    action = late_action(plan)
    change_action(
        action,
        by=staff,
        reason="Nämnden beslutade om ny tidplan.",
        deadline_text="hösten 2030",
        deadline_date=dt.date(2030, 12, 31),
        deadline_precision="season",
    )
    assert overdue_titles(plan, MEMO_DAY) == before
    assert action.title not in overdue_titles(plan, timezone.localdate())


def test_a_change_applies_from_its_day_and_is_listed_on_the_action_page(client, plan, staff):
    action = late_action(plan)
    old_deadline = action.deadline_text
    change_action(
        action,
        by=staff,
        reason="Omprioritering i ledningsgruppen.",
        applies_from=MARCH_2016,
        recorded_at=RECORDED_MARCH_2016,
        deadline_text="hösten 2016",
        deadline_date=dt.date(2016, 12, 31),
        deadline_precision="season",
    )
    # The day before the change still shows the old deadline, the day it applies the new.
    before = plan_snapshot(plan, MARCH_2016 - dt.timedelta(days=1))
    after = plan_snapshot(plan, MARCH_2016)
    shown = {row.action.id: row.action.deadline_text for row in before.actions}
    assert shown[action.id] == old_deadline
    assert {row.action.id: row.action.deadline_text for row in after.actions}[action.id] == (
        "hösten 2016"
    )
    timeline = html.texts(html.parse(client.get(action.get_absolute_url())), TIMELINE)
    assert f"Tidplan ändrad 1 mars 2016: {old_deadline} → hösten 2016" in timeline
    assert "Skäl: Omprioritering i ledningsgruppen." in timeline


def test_a_correction_applies_from_the_start_but_only_from_when_it_was_recorded(
    client, plan, staff
):
    action = late_action(plan)
    original = action.title
    change_action(
        action, by=staff, reason="Stavfel i titeln.", correction=True, title="Rättad titel"
    )
    version = ActionVersion.objects.filter(action=action).latest("recorded_at")
    assert version.applies_from == action.introduced_on
    assert version.correction
    # Known only from today: the memo's day keeps the title it had.
    titles_then = {row.action.id: row.action.title for row in plan_snapshot(plan, MEMO_DAY).actions}
    assert titles_then[action.id] == original
    titles_now = {
        row.action.id: row.action.title for row in plan_snapshot(plan, timezone.localdate()).actions
    }
    assert titles_now[action.id] == "Rättad titel"
    timeline = html.texts(html.parse(client.get(action.get_absolute_url())), TIMELINE)
    (correction,) = [said for said in timeline if said.startswith("Rättelse")]
    assert correction.startswith("Rättelse (gäller från början):")
    assert correction.endswith(f": {original} → Rättad titel")


def test_a_change_of_responsibility_keeps_who_answered_before(client, plan, staff):
    action = late_action(plan)
    dag = Person.objects.get(slug="dag-bjorklund")
    before = {
        who.person.slug
        for row in plan_snapshot(plan, MEMO_DAY).actions
        if row.action.id == action.id
        for who in row.responsible
        if who.person
    }
    change_action(
        action,
        by=staff,
        reason="Ny ansvarig efter omorganisation.",
        applies_from=MARCH_2016,
        recorded_at=RECORDED_MARCH_2016,
        responsibilities=[{"kind": "responsible", "person": dag.id, "post": None, "role_text": ""}],
    )
    then = plan_snapshot(plan, MEMO_DAY)
    now = plan_snapshot(plan, MARCH_2016)
    names_then = {
        who.person.slug
        for row in then.actions
        if row.action.id == action.id
        for who in row.responsible
        if who.person
    }
    names_now = {
        who.person.slug
        for row in now.actions
        if row.action.id == action.id
        for who in row.responsible
        if who.person
    }
    assert names_then == before and "dag-bjorklund" not in before
    assert names_now == {"dag-bjorklund"}
    # The person page follows the same versions.
    municipality = plan.municipality.slug
    page_then = client.get(f"/{municipality}/personer/dag-bjorklund/?as_of=2015-09-02")
    page_now = client.get(f"/{municipality}/personer/dag-bjorklund/?as_of=2016-03-01")
    assert action.title not in page_then.content.decode()
    assert action.title in html.texts(html.parse(page_now), RESPONSIBLE_FOR)


def test_a_change_needs_a_reason_and_a_day_that_is_not_in_the_future(plan, staff):
    action = late_action(plan)
    with pytest.raises(ValidationError, match="varför"):
        change_action(action, by=staff, reason="", title="Ny titel")
    with pytest.raises(ValidationError, match="framtiden"):
        change_action(
            action,
            by=staff,
            reason="Skäl",
            applies_from=timezone.localdate() + dt.timedelta(days=1),
            title="Ny titel",
        )
    with pytest.raises(ValidationError, match="första dag"):
        change_action(
            action,
            by=staff,
            reason="Skäl",
            applies_from=action.introduced_on - dt.timedelta(days=1),
            title="Ny titel",
        )
    assert ActionVersion.objects.filter(action=action).count() == 1


def test_saving_without_a_change_records_no_version(plan, staff):
    action = late_action(plan)
    assert change_action(action, by=staff, reason="Inget ändrat", title=action.title) is None
    assert ActionVersion.objects.filter(action=action).count() == 1


def test_every_demo_action_has_its_first_version_known_on_the_day_it_was_introduced(plan):
    for action in Action.objects.filter(plan=plan).prefetch_related("versions"):
        (first,) = action.versions.all()
        assert first.applies_from == action.introduced_on
        assert timezone.localtime(first.recorded_at).date() == action.introduced_on
        assert first.title == action.title


def test_a_change_recorded_today_shows_from_today_whatever_day_it_applies_from(plan, staff):
    """Applied from 1 March 2016 but only recorded now: earlier days stay as they were shown."""
    action = late_action(plan)
    old_deadline = action.deadline_text
    change_action(
        action,
        by=staff,
        reason="Beslutet registrerades i efterhand.",
        applies_from=MARCH_2016,
        deadline_text="hösten 2016",
        deadline_date=dt.date(2016, 12, 31),
        deadline_precision="season",
    )
    for day, expected in ((MARCH_2016, old_deadline), (timezone.localdate(), "hösten 2016")):
        shown = {
            row.action.id: row.action.deadline_text for row in plan_snapshot(plan, day).actions
        }
        assert shown[action.id] == expected, day
