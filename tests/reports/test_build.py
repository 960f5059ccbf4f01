"""The report's content: the memo's shape, as of a day, from the data as it stood then."""

import datetime as dt

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.demo.loader import DEMO_FILE
from styr.demo.synthetic import build_plan
from styr.plans.domain import record_status_update
from styr.plans.models import Action
from styr.reports.build import build_report
from styr.reports.content import from_json
from styr.reports.queries import read_plan_rows
from styr.reports.render_html import render_html
from styr.reports.render_markdown import render_markdown
from tests.conftest import MEMO_DAY, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db


def memo_actions(section: str) -> list[dict]:
    """(title, note) of every action under a top-level heading of the demo file."""
    data = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    theme = next(t for t in data["plans"][0]["themes"] if t["title"] == section)

    def walk(node):
        yield from node.get("actions") or []
        for child in node.get("themes") or []:
            yield from walk(child)

    return [(a["title"], a["status"][0]["note"]) for a in walk(theme)]


BILAGA_1 = memo_actions("Uppföljning av tidigare beslutade åtgärder")
REMAINING = memo_actions("Återstående åtgärder")


def report_on(plan, day=MEMO_DAY, since=None, **kwargs):
    return build_report(read_plan_rows(plan, day, since), **kwargs)


def test_the_demo_sections_hold_what_the_memo_lists():
    assert len(BILAGA_1) == 21
    assert len(REMAINING) == 5


@pytest.mark.parametrize(("title", "note"), BILAGA_1, ids=[t for t, _ in BILAGA_1])
def test_appendix_holds_every_bilaga_1_action_with_the_memos_note(plan, title, note):
    report = report_on(plan)
    found = [a for block in report.appendix for a in block.actions if a.title == title]
    assert [a.note for a in found] == [note]
    assert note in render_markdown(report)


@pytest.mark.parametrize(("title", "note"), REMAINING, ids=[t for t, _ in REMAINING])
def test_remaining_holds_every_aterstaende_action_with_the_memos_note(plan, title, note):
    report = report_on(plan)
    assert [a.note for a in report.remaining if a.title == title] == [note]


def test_header_follows_the_memo(plan):
    report = report_on(plan)
    assert (report.municipality, report.date_text, report.document_type) == (
        "Nacka kommun",
        "2 september 2015",
        "Tjänsteskrivelse",
    )
    assert report.registration_number == "KFKS 2012/577-001"
    assert report.addressee == "Kommunstyrelsen"
    assert report.proposal == "Kommunstyrelsen noterar informationen till protokollet."


def test_upcoming_lists_the_new_actions_by_theme_with_people_and_deadlines(plan):
    report = report_on(plan)
    headings = [block.heading for block in report.upcoming]
    assert headings[:2] == ["Kommunikation", "Smart kommun"]
    contracts = next(b for b in report.upcoming if b.heading == "Resultatkontrakt för alla chefer")
    (action,) = contracts.actions
    assert action.deadline_text == "senast den 31 december 2015"
    assert action.responsible == ["stadsdirektör Lena Dahlstedt", "respektive direktör"]
    assert action.supporting == ["personaldirektör Elisabeth Carle"]


def test_summary_counts_per_status_and_theme_and_lists_the_overdue(plan):
    report = report_on(plan)
    counts = {c.code: c.count for c in report.counts}
    # The memo's 33 actions: Smart kommun was started (pågår), the service work "pågår
    # kontinuerligt"; Övrigt's standing roles are the report's prose, not actions.
    assert (report.total, counts["done"], counts["in_progress"], counts["ongoing"]) == (
        33,
        16,
        8,
        4,
    )
    appendix = next(t for t in report.themes if t.heading.startswith("Bilaga 1"))
    assert (appendix.total, appendix.done) == (21, 16)
    assert {a.title for a in report.overdue} == {
        "Förslag på nya övergripande mål och strategiska mål",
        "Förslag på tydligare strategiska mål för stadsbyggnadsområdet",
        "Ny socialnämnd och ny äldrenämnd inrättas",
    }


def test_changes_since_a_previous_report(plan):
    report = report_on(plan, since=dt.date(2015, 3, 1))
    assert report.changes.since_text == "1 mars 2015"
    assert len(report.changes.new) == 7  # the 7 upcoming
    change = next(
        c
        for c in report.changes.status
        if c.title == "Styrande dokument behöver fortsatt utvecklas"
    )
    assert (change.before, change.after) == ("Ingen status rapporterad", "Pågår kontinuerligt")
    assert {a.title for a in report.changes.newly_overdue} == {
        "Förslag på nya övergripande mål och strategiska mål",
        "Förslag på tydligare strategiska mål för stadsbyggnadsområdet",
    }
    assert report_on(plan).changes is None


def test_updates_dated_or_recorded_after_the_day_do_not_count(plan, staff):
    action = Action.objects.get(plan=plan, title="Resultatkontrakt för alla chefer")
    # Dated after the report day:
    record_status_update(action, date=dt.date(2015, 12, 1), status="done", author=staff)
    # Dated on the report day, but recorded only now (long after it):
    late = Action.objects.get(plan=plan, title="Kvalitetsutveckling")
    record_status_update(late, date=MEMO_DAY, status="in_progress", author=staff)
    report = report_on(plan)
    statuses = {a.title: a.status for b in report.upcoming for a in b.actions}
    assert statuses["Resultatkontrakt för alla chefer"] == "none"
    assert statuses["Kvalitetsutveckling"] == "none"
    today = report_on(plan, timezone.localdate())
    statuses = {a.title: a.status for b in today.upcoming for a in b.actions}
    assert statuses["Resultatkontrakt för alla chefer"] == "done"
    assert statuses["Kvalitetsutveckling"] == "in_progress"


def test_same_data_and_day_give_byte_identical_markdown_and_html(plan, staff):
    first = report_on(plan, since=dt.date(2015, 3, 1))
    # Later edits to the plan do not change a report about the past.
    action = Action.objects.get(plan=plan, title="Resultatkontrakt för alla chefer")
    record_status_update(action, date=timezone.localdate(), status="done", author=staff)
    second = report_on(plan, since=dt.date(2015, 3, 1))
    assert render_markdown(first) == render_markdown(second)
    assert render_html(first) == render_html(second)


def test_content_survives_json_unchanged(plan):
    report = report_on(plan, since=dt.date(2015, 3, 1))
    again = from_json(report.to_json())
    assert again == report
    assert render_markdown(again) == render_markdown(report)


def test_markdown_escapes_what_would_be_markup(plan):
    report = report_on(plan)
    report.remaining[0].note = "*Klart* 2016 # inte rubrik"
    assert "\\*Klart\\* 2016 \\# inte rubrik" in render_markdown(report)


def test_html_escapes_text(plan):
    report = report_on(plan)
    report.remaining[0].text = "<script>alert(1)</script>"
    assert "<script>alert" not in render_html(report)


def count_queries(plan, day) -> int:
    with CaptureQueriesContext(connection) as captured:
        read_plan_rows(plan, day)
    return len(captured)


def test_report_is_read_with_the_same_queries_for_10_and_500_actions():
    small = build_plan(actions=10, updates_per_action=3, slug="liten")
    large = build_plan(actions=500, updates_per_action=3, slug="stor")
    day = dt.date(2021, 6, 1)
    assert count_queries(small, day) == count_queries(large, day), (
        "read_plan_rows ran more queries for the larger plan: an N+1 crept in."
    )
