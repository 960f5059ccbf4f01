"""The strategy office's texts: how they are read, chosen as of a day, and written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from styr.plans.domain import record_status_update
from styr.plans.models import Action
from styr.reports import wording as w
from styr.reports.build import parse_signatories, remaining_rows, subtitle_on
from styr.reports.content import Signatory
from styr.reports.domain import make_report, record_report_texts
from styr.reports.models import ReportTexts
from styr.reports.render_markdown import render_markdown
from tests.conftest import MEMO_DAY, demo_once

demo = pytest.fixture(demo_once)


# ---------------------------------------------------------------------------------------
# Pure: reading the texts


def test_text_parts_reads_subheadings_lists_and_paragraphs():
    parts = w.text_parts(
        "## Utvecklingsområden\n\n1. Mål\n2. Förnyelse\n\nEtt stycke\nmed två rader.\n\n- a\n- b"
    )
    assert [(p.kind, p.lines) for p in parts] == [
        ("heading", ("Utvecklingsområden",)),
        ("numbered", ("Mål", "Förnyelse")),
        ("paragraph", ("Ett stycke", "med två rader.")),
        ("bullets", ("a", "b")),
    ]


def test_a_paragraph_that_only_starts_with_a_number_is_not_a_list():
    parts = w.text_parts("2015 blev ett bra år.\nMen inte 2016.")
    assert [p.kind for p in parts] == ["paragraph"]


def test_signatories_are_read_one_per_paragraph():
    assert parse_signatories(
        "Lena Dahlstedt\nStadsdirektör\nStadsledningskontoret\n\nHelena Meier\nStadsjurist\n"
    ) == [
        Signatory("Lena Dahlstedt", "Stadsdirektör", "Stadsledningskontoret"),
        Signatory("Helena Meier", "Stadsjurist", ""),
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 9, 2), "Handlingsplan och lägesrapport september 2015"),
        (dt.date(2016, 3, 15), "Handlingsplan och lägesrapport mars 2016"),
    ],
)
def test_the_subtitle_follows_the_reports_date(day, expected):
    assert subtitle_on("Handlingsplan och lägesrapport september 2015", day) == expected


def test_a_subtitle_without_a_report_month_is_left_as_written():
    assert (
        subtitle_on("Handlingsplan 2015 – 2016", dt.date(2016, 3, 1)) == "Handlingsplan 2015 – 2016"
    )


class _Row:
    def __init__(self, id, origin, status):
        self.action = type("A", (), {"id": id, "origin": origin})
        self.status = status


def test_remaining_by_default_is_every_earlier_action_not_done_and_otherwise_the_choice():
    rows = [_Row(1, "earlier", "done"), _Row(2, "earlier", "ongoing"), _Row(3, "new", "none")]
    rows.append(_Row(4, "earlier", "in_progress"))
    assert [r.action.id for r in remaining_rows(rows, None)] == [2, 4]
    assert [r.action.id for r in remaining_rows(rows, [4, 3, 99])] == [3, 4]


# ---------------------------------------------------------------------------------------
# With the demo: as of a day, written by the strateg


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_texts_written_today_leave_the_memos_report_as_it_was(demo, plan, cast):
    before = render_markdown(make_report(plan, MEMO_DAY))
    record_report_texts(
        plan,
        by=cast.strateg,
        proposal="Kommunstyrelsen godkänner lägesrapporten.",
        summary="En ny sammanfattning.",
        remaining=None,
    )
    assert render_markdown(make_report(plan, MEMO_DAY)) == before
    today = render_markdown(make_report(plan, timezone.localdate()))
    assert "Kommunstyrelsen godkänner lägesrapporten." in today
    assert "En ny sammanfattning." in today
    assert ReportTexts.objects.filter(plan=plan).count() == 2  # the memo's stay


@pytestmark_db
def test_an_action_of_another_plan_cannot_be_chosen_as_remaining(demo, plan, cast):
    stranger = Action.objects.exclude(plan=plan).first()
    with pytest.raises(ValidationError, match="hör inte till planen"):
        record_report_texts(plan, by=cast.strateg, proposal="x", remaining=[stranger.id])


@pytestmark_db
def test_a_note_from_before_the_previous_report_is_shown_with_its_date(demo, plan, cast):
    day = dt.date(2016, 3, 1)
    report = make_report(plan, day, since=MEMO_DAY)
    text = render_markdown(report)
    assert "Läget 2 september 2015: Arbetet pågår, beräknas bli klart hösten 2015." in text
    assert "lägesrapport mars 2016" in text
    action = Action.objects.get(plan=plan, title__startswith="Översyn av chefsnivåer")
    record_status_update(
        action,
        date=dt.date(2016, 2, 1),
        status="done",
        note="Översynen är klar.",
        author=cast.responsible,
        recorded_at=timezone.make_aware(dt.datetime(2016, 2, 1, 10)),
    )
    text = render_markdown(make_report(plan, day, since=MEMO_DAY))
    assert "Översynen är klar." in text
    assert "Läget 1 februari 2016" not in text


@pytestmark_db
def test_the_strateg_writes_the_texts_on_the_page_and_the_next_report_starts_from_them(
    demo, plan, cast, client
):
    client.force_login(cast.strateg)
    url = f"/planer/{plan.slug}/rapporttexter/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    assert "Stadsdirektörens arbete" in form.initial["summary"]  # carried forward
    assert len(form.initial["remaining"]) == 5
    data = {
        **{k: v for k, v in form.initial.items() if k not in ("remaining", "remaining_default")},
        "proposal": "Kommunstyrelsen noterar informationen till protokollet.",
        "other": "Stadsjurist Helena Meier tar fram beslutsunderlag.",
        "remaining": form.initial["remaining"][:2],
    }
    data["include_statistics"] = "on"
    answer = client.post(url, data)
    assert answer.status_code == 302
    saved = ReportTexts.objects.filter(plan=plan).order_by("-recorded_at").first()
    assert saved.recorded_by == cast.strateg
    assert saved.remaining == sorted(form.initial["remaining"][:2])
    report = make_report(plan, timezone.localdate())
    assert len(report.remaining) == 2
    text = render_markdown(report)
    assert "Stadsjurist Helena Meier tar fram beslutsunderlag." in text
    assert w.STATISTICS_HEADING in text


@pytestmark_db
def test_an_empty_proposal_is_answered_at_the_field_and_nothing_is_saved(demo, plan, cast, client):
    client.force_login(cast.strateg)
    answer = client.post(
        f"/planer/{plan.slug}/rapporttexter/", {"proposal": "", "remaining_default": "on"}
    )
    assert answer.status_code == 400
    assert "proposal" in answer.context["form"].errors
    assert ReportTexts.objects.filter(plan=plan).count() == 1
