"""The public plan page and the lägesrapport agree about every day of the demo's history.

Both read through the one as-of rule (`styr.lib.asof`, `styr.plans.queries`); this walks
every day on which something in the demo's history changes — updates dated or recorded,
versions applying or recorded, deadlines passing — and compares what the page shows with
what the report says: the counts per status and the list of late actions.
"""

import datetime as dt
import re
from html import unescape

import pytest
from django.utils import timezone

from styr.lib.asof import recorded_on
from styr.plans.domain import change_action, record_status_update
from styr.plans.models import Action, ActionVersion, StatusUpdate
from styr.reports.domain import make_report
from tests import html

pytestmark = pytest.mark.django_db

STATUS_COUNT = re.compile(r'<li class="status status-(\w+)">.*?: (\d+)</li>', re.S)
ACTION_BLOCK = re.compile(r'<li class="action">(.*?)</li>\s*(?=<li class="action">|</ul>)', re.S)
TITLE = re.compile(r'class="action-title"><a [^>]*>(.*?)</a>', re.S)


def page_says(client, plan, day) -> tuple[dict[str, int], list[str]]:
    html = client.get(f"{plan.get_absolute_url()}?as_of={day.isoformat()}").content.decode()
    counts = {code: int(n) for code, n in STATUS_COUNT.findall(html)}
    late = [
        unescape(TITLE.search(block).group(1))
        for block in ACTION_BLOCK.findall(html)
        if 'class="overdue"' in block
    ]
    return counts, late


def report_says(plan, day) -> tuple[dict[str, int], list[str]]:
    report = make_report(plan, day)
    counts = {c.code: c.count for c in report.counts if c.count}  # the page omits zeros
    return counts, [item.title for item in report.overdue]


def history_days(plan) -> list[dt.date]:
    """Every day on which the plan's history can change what is shown."""
    tz = timezone.get_current_timezone()
    days = set()
    for update in StatusUpdate.objects.filter(action__plan=plan):
        days |= {update.date, timezone.localtime(update.recorded_at, tz).date()}
    for version in ActionVersion.objects.filter(action__plan=plan):
        days |= {version.applies_from, timezone.localtime(version.recorded_at, tz).date()}
        if version.deadline_date:  # late from the day after the deadline
            days.add(version.deadline_date + dt.timedelta(days=1))
    days.add(timezone.localdate())
    return sorted(day for day in days if day >= plan.decided_on)


def late_records(plan, staff):
    """History the two rules would disagree on if one ignored when things were recorded:
    an update dated 15 September but recorded on 1 October, and a deadline change recorded
    today that applies from 1 September 2015."""
    action = Action.objects.filter(plan=plan, origin="earlier").order_by("order").first()
    record_status_update(
        action,
        date=dt.date(2015, 9, 15),
        status="done",
        note="Rapporterad i efterhand.",
        recorded_at=recorded_on(dt.date(2015, 10, 1), timezone.get_current_timezone()),
    )
    other = Action.objects.filter(plan=plan, deadline_date__isnull=False).order_by("-order")[0]
    change_action(
        other,
        by=staff,
        reason="Ny tidplan.",
        applies_from=dt.date(2015, 9, 1),
        deadline_text="under våren 2015",
        deadline_date=dt.date(2015, 6, 30),
        deadline_precision="season",
    )


def test_page_and_report_agree_on_every_day_of_the_demos_history(client, plan, staff):
    late_records(plan, staff)
    days = history_days(plan)
    assert len(days) > 10
    for day in days:
        assert page_says(client, plan, day) == report_says(plan, day), day


def test_an_update_recorded_late_counts_only_from_the_day_it_was_recorded(client, plan, staff):
    late_records(plan, staff)
    action = Action.objects.filter(plan=plan, origin="earlier").order_by("order").first()
    for day, expected in ((dt.date(2015, 9, 20), False), (dt.date(2015, 10, 1), True)):
        report = make_report(plan, day)
        items = [a for block in report.appendix for a in block.actions] + report.remaining
        notes = {item.title: item.note for item in items}
        assert (notes[action.title] == "Rapporterad i efterhand.") is expected, day
        page = html.parse(client.get(f"{plan.get_absolute_url()}?as_of={day.isoformat()}"))
        notes = html.texts(page, "//li[@class='action']//dd[@class='note']")
        assert any(note.startswith("Rapporterad i efterhand.") for note in notes) is expected, day


def test_the_database_and_the_pure_rule_pick_the_same_update_for_any_day():
    """`styr.plans.queries.in_force` is `AsOf.pick` as SQL: same answer on random history,
    with ties of date and of recording time."""
    from random import Random

    from styr.demo.synthetic import build_plan
    from styr.plans.queries import as_of, updates_in_force

    plan = build_plan(actions=20, updates_per_action=0, slug="slump")
    actions = list(Action.objects.filter(plan=plan))
    rng = Random(20151202)
    tz = timezone.get_current_timezone()
    start = dt.datetime(2020, 1, 1, 8, tzinfo=tz)
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            action=action,
            date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(60)),
            status=rng.choice(["done", "in_progress", "not_started"]),
            recorded_at=start + dt.timedelta(hours=12 * rng.randrange(140)),
        )
        for action in actions
        for _ in range(12)
    )
    history = list(StatusUpdate.objects.filter(action__plan=plan))
    for offset in range(0, 75, 3):
        moment = as_of(dt.date(2020, 1, 1) + dt.timedelta(days=offset))
        in_db = updates_in_force(Action.objects.filter(plan=plan), moment)
        for action in actions:
            own = [u for u in history if u.action_id == action.id]
            expected = moment.pick(own, lambda u: u.date)
            assert (in_db[action.id].id if action.id in in_db else None) == (
                expected.id if expected else None
            ), (moment.day, action.id)
