"""The plan page's summary counts what its filter shows, and says that it is filtered."""

import pytest

from styr.plans.queries import plan_snapshot
from tests import html
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

PLAN_URL = f"/planer/{PLAN_SLUG}/"


def summary(response) -> str:
    """The visible text of the page's summary section ("Läget …")."""
    return html.text(html.parse(response), "//section[@aria-labelledby='lage']")


def test_a_status_filter_counts_only_the_actions_it_shows(client, plan):
    whole = plan_snapshot(plan, MEMO_DAY)
    ongoing = sum(row.status == "ongoing" for row in whole.actions)
    assert 0 < ongoing < whole.total
    shown = summary(client.get(PLAN_URL, {"as_of": "2015-09-02", "status": "ongoing"}))
    assert f"{ongoing} av {whole.total} åtgärder visas." in shown
    assert f"0 av {ongoing} åtgärder genomförda." in shown
    assert f"Pågår kontinuerligt: {ongoing}" in shown
    assert "Genomfört:" not in shown  # statuses with no action are not listed
    assert f"{whole.done} av {whole.total} åtgärder genomförda" not in shown


def test_a_person_filter_counts_their_actions_and_their_lateness(client, plan):
    whole = plan_snapshot(plan, MEMO_DAY)
    theirs = [
        row
        for row in whole.actions
        if any(who.person and who.person.slug == "eva-olin" for who in row.responsible)
    ]
    late = sum(row.overdue for row in theirs)
    assert theirs and late
    shown = summary(client.get(PLAN_URL, {"as_of": "2015-09-02", "ansvarig": "eva-olin"}))
    assert f"{len(theirs)} av {whole.total} åtgärder visas." in shown
    done = sum(row.status == "done" for row in theirs)
    assert f"{done} av {len(theirs)} åtgärder genomförda." in shown
    assert f"{late} åtgärder är försenade." in shown or f"{late} åtgärd är försenad." in shown


def test_the_unfiltered_summary_says_nothing_of_filters(client, plan):
    whole = plan_snapshot(plan, MEMO_DAY)
    shown = summary(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    assert "visas" not in shown
    assert f"{whole.done} av {whole.total} åtgärder genomförda." in shown


def test_theme_progress_under_a_filter_counts_the_filtered_actions(client, plan):
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "status": "done"}))
    # Every shown theme is fully done when only done actions are shown.
    bars = page.xpath("//div[@class='theme-head']//progress")
    assert bars and all(bar.get("value") == bar.get("max") for bar in bars)
    lines = html.texts(page, "//div[@class='theme-head']/p[@class='progress-line']")
    assert len(lines) == len(bars)
    assert all(line.split()[1] == line.split()[3] for line in lines), lines  # "3/3 3 av 3 …"
