"""The report as of the memo's day is the memo: its sections, in its order, with its words.

Compared section by section with the memo's own text (`shared/seed/`, bundled with the demo
as `styr/demo/nacka2015-memo.txt`), whitespace normalised: not one sentence of the memo may
be missing from the section it belongs to.
"""

import re

import pytest

from styr.demo.loader import DEMO_FILE
from styr.reports import wording as w
from styr.reports.domain import make_report
from styr.reports.render_markdown import render_markdown
from tests.conftest import MEMO_DAY, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

MEMO = (DEMO_FILE.parent / "nacka2015-memo.txt").read_text(encoding="utf-8")

# The memo's section headings in its order, and the report's heading for each.
SECTIONS = [
    ("Förslag till beslut", w.PROPOSAL_HEADING),
    ("Sammanfattning", w.SUMMARY_HEADING),
    ("Ärendet", w.MATTER_HEADING),
    ("Återstående åtgärder", w.REMAINING_HEADING),
    ("Kommande åtgärder", w.UPCOMING_HEADING),
    ("Ekonomiska konsekvenser", w.ECONOMY_HEADING),
    ("Övrigt", w.OTHER_HEADING),
    ("Bilagor", w.ATTACHMENTS_HEADING),  # the memo's signatures follow its Bilagor list
    ("Bilaga I: Uppföljning av tidigare beslutade åtgärder", w.APPENDIX_HEADING),
]


def flat(text: str) -> str:
    """Markdown's marks and escapes away, all whitespace one space."""
    text = re.sub(r"^#+ ", "", text, flags=re.MULTILINE)
    return " ".join(text.replace("\\", "").replace("*", "").split())


def memo_sections() -> dict[str, str]:
    lines = MEMO.splitlines()
    starts = [lines.index(heading) for heading, _ in SECTIONS]
    ends = [*starts[1:], len(lines)]
    return {
        heading: "\n".join(lines[start + 1 : end])
        for (heading, _), start, end in zip(SECTIONS, starts, ends, strict=True)
    }


def report_sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def sentences(text: str) -> list[str]:
    """The text's sentences; a heading line joins the sentence after it, so order counts."""
    return re.split(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ0-9])", flat(text))


@pytest.fixture
def memo_report(demo, plan):
    return render_markdown(make_report(plan, MEMO_DAY))


def test_the_report_has_the_memos_sections_in_the_memos_order(memo_report):
    assert list(report_sections(memo_report)) == [ours for _, ours in SECTIONS]


@pytest.mark.parametrize(("memo_heading", "heading"), SECTIONS, ids=[h for h, _ in SECTIONS])
def test_every_sentence_of_the_memo_section_is_in_the_report_section(
    memo_report, memo_heading, heading
):
    section = flat(report_sections(memo_report)[heading])
    missing = [s for s in sentences(memo_sections()[memo_heading]) if s not in section]
    assert missing == []


def test_the_header_is_the_memos(memo_report):
    head = flat(memo_report.split("## ")[0])
    for line in (
        "2 september 2015",
        "TJÄNSTESKRIVELSE",
        "KFKS 2012/577-001",
        "Kommunstyrelsen",
        "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016",
        "Handlingsplan enligt beslutad inriktning 2015 – 2016 och lägesrapport september 2015",
    ):
        assert line in head


def test_remaining_lists_exactly_the_memos_five_and_the_appendix_does_not_repeat_them(demo, plan):
    report = make_report(plan, MEMO_DAY)
    assert [a.text.split(".")[0] for a in report.remaining] == [
        "Förslag på nya övergripande mål och strategiska mål utvecklas under våren 2015 av "
        "kommunstyrelsen",
        "Förslag på tydligare strategiska mål för stadsbyggnadsområdet, "
        "exploateringsverksamheten och fastighetsfrågorna - med fokus på tid, ekonomi och "
        "effektivitet - utvecklas under våren 2015 i berörda nämnder och utskott",
        "En extern utredning av om kommunen ska bilda ett VA-bolag ska göras under våren 2015 "
        "för genomförande senast 2016",
        "Alla enheter och verksamheter inom myndighets- och huvudmannaorganisationen ska "
        "normalt organisera sina stödverksamheter inom ordinarie stödenheter",
        "En översyn av chefsnivåer i Nacka ska ske under 2015 med fokus framförallt på "
        "gruppchefsnivån",
    ]
    listed = [a.id for a in report.remaining]
    listed += [a.id for b in report.upcoming + report.appendix for a in b.actions]
    assert len(listed) == len(set(listed)) == report.total
    assert w.REMAINING_HEADING not in [b.heading for b in report.appendix]


def test_the_memo_report_leaves_out_the_generated_statistics(memo_report):
    assert w.STATISTICS_HEADING not in memo_report
    assert "åtgärder, varav" not in memo_report
