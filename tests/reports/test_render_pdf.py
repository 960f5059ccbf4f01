"""The PDF report, read back with pypdf: text, outline, metadata, footer, fonts, reproducibility."""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from styr.demo.synthetic import build_plan
from styr.reports import wording as w
from styr.reports.build import build_report
from styr.reports.content import Block, Report, ReportAction, StatusCount, ThemeSummary
from styr.reports.queries import read_plan_rows
from styr.reports.render_pdf import render_pdf
from tests.conftest import demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

MEMO_NOTE = "Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218."
PROPOSAL = "Kommunstyrelsen noterar informationen till protokollet."


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace normalised: lines wrap wherever the page width says."""
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def all_text(reader: PdfReader) -> str:
    return flat(" ".join(page_texts(reader)))


def body_text(reader: PdfReader, registration_number: str) -> str:
    """The text without the page footers, so that a paragraph broken across pages is whole."""
    footer = re.compile(re.escape(registration_number) + r" Sida \d+ av \d+\s*$")
    return flat(" ".join(footer.sub("", text) for text in page_texts(reader)))


def outline_tree(entries) -> list:
    """pypdf's outline as [(title, [children...]), ...]."""
    tree: list = []
    for entry in entries:
        if isinstance(entry, list):
            title, _ = tree[-1]
            tree[-1] = (title, outline_tree(entry))
        else:
            tree.append((entry.title, []))
    return tree


def runs_by_font(page) -> dict[str, str]:
    """The page's text, per font (its base name without the subset prefix)."""
    runs: dict[str, list[str]] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if font_dict and text.strip():
            name = str(font_dict["/BaseFont"]).split("+")[-1]
            runs.setdefault(name, []).append(text)

    page.extract_text(visitor_text=visit)
    return {name: flat(" ".join(parts)) for name, parts in runs.items()}


def font_sizes(page, wanted: str) -> set[float]:
    sizes = set()

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() == wanted:
            sizes.add(font_size)

    page.extract_text(visitor_text=visit)
    return sizes


def action(number: int, **changes) -> ReportAction:
    fields = {
        "id": number,
        "title": f"Åtgärd {number}",
        "text": f"Åtgärd {number} ska genomföras.",
        "theme": "Tema",
        "origin": "earlier",
        "responsible": ["stadsdirektör Lena Dahlstedt"],
        "supporting": [],
        "deadline_text": "under våren 2015",
        "deadline_date": "2015-06-30",
        "status": "in_progress",
        "status_label": "Pågår",
        "note": "Arbetet pågår.",
        "note_date": "2015-09-02",
        "overdue": False,
    }
    return ReportAction(**{**fields, **changes})


def hand_report(**changes) -> Report:
    """A small report built from the dataclasses, without the database."""
    fields = {
        "format_version": 1,
        "municipality": "Provkommun",
        "date": "2015-09-02",
        "date_text": "2 september 2015",
        "document_type": "Tjänsteskrivelse",
        "registration_number": "KS 2015/1-001",
        "addressee": "Kommunstyrelsen",
        "title": "Provplan",
        "subtitle": "",
        "proposal": PROPOSAL,
        "total": 0,
        "done": 0,
        "counts": [StatusCount("done", "Genomfört", 0), StatusCount("none", "Ingen status", 0)],
        "themes": [],
        "overdue": [],
        "changes": None,
        "remaining": [],
        "upcoming": [],
        "appendix": [],
    }
    return Report(**{**fields, **changes})


@pytest.fixture
def nacka_pdf(nacka_report) -> bytes:
    return render_pdf(nacka_report)


@pytest.fixture
def nacka(nacka_pdf) -> PdfReader:
    return read(nacka_pdf)


@pytest.mark.django_db
def test_text_holds_the_memo_header_proposal_and_appendix(nacka, nacka_report):
    first = flat(nacka.pages[0].extract_text())
    for expected in ("Nacka kommun", "2 september 2015", "TJÄNSTESKRIVELSE", "KFKS 2012/577-001"):
        assert expected in first
    assert "Till: Kommunstyrelsen" in first
    assert flat(nacka_report.title) in first
    # The header block comes before the title, the proposal after it.
    assert first.index("TJÄNSTESKRIVELSE") < first.index(flat(nacka_report.title))
    assert first.index(flat(nacka_report.title)) < first.index("Förslag till beslut")
    assert f"Förslag till beslut {PROPOSAL}" in first

    text = all_text(nacka)
    assert "Bilaga 1 – Uppföljning av tidigare beslutade åtgärder" in text
    assert MEMO_NOTE in text
    assert w.summary_sentence(nacka_report) in text


@pytest.mark.django_db
def test_sections_come_in_the_markdown_order(nacka):
    lines = [line.strip() for text in page_texts(nacka) for line in text.splitlines()]
    headings = [
        w.PROPOSAL_HEADING,
        w.SUMMARY_HEADING,
        w.THEMES_HEADING,
        w.OVERDUE_HEADING,
        "Förändringar sedan 1 mars 2015",
        w.REMAINING_HEADING,
        w.UPCOMING_HEADING,
        w.APPENDIX_HEADING,
    ]
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_outline_holds_the_headings_nested(nacka, nacka_report):
    tree = outline_tree(nacka.outline)
    assert [title for title, _ in tree] == [
        w.PROPOSAL_HEADING,
        w.SUMMARY_HEADING,
        w.REMAINING_HEADING,
        w.UPCOMING_HEADING,
        w.APPENDIX_HEADING,
    ]
    children = dict(tree)
    assert [title for title, _ in children[w.SUMMARY_HEADING]] == [
        w.THEMES_HEADING,
        w.OVERDUE_HEADING,
        "Förändringar sedan 1 mars 2015",
    ]
    assert [title for title, _ in children[w.REMAINING_HEADING]] == [
        a.title for a in nacka_report.remaining
    ]
    assert [title for title, _ in children[w.UPCOMING_HEADING]] == [
        b.heading for b in nacka_report.upcoming
    ]
    appendix = dict(children[w.APPENDIX_HEADING])
    assert [
        title
        for title, _ in appendix[
            "Förslag till kommande politiska beslut för fortsatt utvecklad styrning"
        ]
    ] == ["Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation"]
    assert [title for title, _ in appendix["Utbildningsstöd för den politiska organisationen"]] == [
        "Kommunfullmäktige",
        "Kommunstyrelsen och närliggande tjänstemannaorganisation",
    ]


@pytest.mark.django_db
def test_bookmarks_point_at_the_page_with_their_heading(nacka):
    texts = [flat(t) for t in page_texts(nacka)]

    def check(entries):
        for entry in entries:
            if isinstance(entry, list):
                check(entry)
            else:
                page = nacka.get_destination_page_number(entry)
                assert flat(entry.title) in texts[page], entry.title

    check(nacka.outline)
    appendix = next(e for e in nacka.outline if getattr(e, "title", "") == w.APPENDIX_HEADING)
    page = nacka.get_destination_page_number(appendix)
    assert texts[page].startswith(w.APPENDIX_HEADING)  # the appendix starts a page


@pytest.mark.django_db
def test_language_title_and_viewer_preferences(nacka, nacka_report):
    catalog = nacka.trailer["/Root"]
    assert catalog["/Lang"] == "sv-SE"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert catalog["/PageMode"] == "/UseOutlines"
    meta = nacka.metadata
    assert meta.title == nacka_report.title
    assert meta.subject == nacka_report.subtitle
    assert meta.author == "Nacka kommun"
    assert meta.creation_date.date() == dt.date(2015, 9, 2)
    # No structure tree: fpdf2 cannot tag text, and a partial tree would mislead.
    assert "/StructTreeRoot" not in catalog
    assert "/MarkInfo" not in catalog


@pytest.mark.django_db
def test_headings_are_bold_and_larger_than_text(nacka):
    page = nacka.pages[0]
    fonts = runs_by_font(page)
    assert w.PROPOSAL_HEADING in fonts["LiberationSansBold"]
    assert PROPOSAL in fonts["LiberationSans"]
    assert min(font_sizes(page, w.PROPOSAL_HEADING)) > max(font_sizes(page, PROPOSAL))


@pytest.mark.django_db
def test_footer_numbers_pages_with_the_registration_number(nacka):
    count = len(nacka.pages)
    assert count > 2
    for number, text in enumerate(page_texts(nacka), start=1):
        assert f"Sida {number} av {count}" in flat(text)
        assert "KFKS 2012/577-001" in text
    assert "{nb}" not in all_text(nacka)


@pytest.mark.django_db
def test_notes_are_in_italics(nacka, nacka_report):
    italic = " ".join(runs_by_font(page).get("LiberationSansItalic", "") for page in nacka.pages)
    assert MEMO_NOTE in italic  # the remaining action's note, and the appendix's
    assert italic.count(MEMO_NOTE) == 2
    for block in nacka_report.appendix:
        for item in block.actions:
            assert flat(w.note_line(item)) in italic
    appendix_page = nacka.pages[-1]
    fonts = [
        str(f.get_object()["/BaseFont"]) for f in appendix_page["/Resources"]["/Font"].values()
    ]
    assert any(name.endswith("LiberationSansItalic") for name in fonts)
    # The action texts themselves are upright.
    assert flat(nacka_report.remaining[0].text) not in italic


@pytest.mark.django_db
def test_line_breaks_and_paragraphs_survive(nacka):
    lines = [line.strip() for text in page_texts(nacka) for line in text.splitlines()]
    # The councils, one per line, as in the memo.
    assert "Näringslivsrådet – Anders Börjesson näringslivsdirektör" in lines
    assert "Seniorrådet – Anders Fredriksson social- och äldredirektör" in lines
    # The second paragraph of an action starts a line of its own.
    assert any(line.startswith("Kontaktcenter blir från 1 september 2015") for line in lines)


def test_paragraphs_are_set_apart_and_lines_kept():
    text = "Första stycket.\n\nAndra stycket, rad ett\nrad två"
    reader = read(render_pdf(hand_report(remaining=[action(1, text=text)])))
    tops = {}

    def visit(run, cm, tm, font_dict, font_size):
        if run.strip():
            tops[run.strip()] = tm[5]

    reader.pages[0].extract_text(visitor_text=visit)
    line_gap = tops["Andra stycket, rad ett"] - tops["rad två"]
    paragraph_gap = tops["Första stycket."] - tops["Andra stycket, rad ett"]
    assert line_gap > 0
    assert paragraph_gap > line_gap + 1


@pytest.mark.django_db
def test_status_table_rows(nacka, nacka_report):
    first = flat(nacka.pages[0].extract_text())
    assert "Status Antal" in first
    for count in w.shown_counts(nacka_report):
        assert f"{count.label} {count.count}" in first
    assert f"Totalt {nacka_report.total}" in first


@pytest.mark.django_db
def test_same_report_gives_the_same_bytes(nacka_report, nacka_pdf):
    again = render_pdf(nacka_report)
    assert page_texts(read(again)) == page_texts(read(nacka_pdf))
    assert again == nacka_pdf
    assert read(again).trailer["/ID"] == read(nacka_pdf).trailer["/ID"]


def test_other_content_gives_another_document_id():
    one, two = read(render_pdf(hand_report())), read(render_pdf(hand_report(title="Annan plan")))
    assert one.trailer["/ID"] != two.trailer["/ID"]


def test_empty_plan_by_hand():
    reader = read(render_pdf(hand_report()))
    text = all_text(reader)
    for sentence in (w.NO_REMAINING, w.NO_UPCOMING, w.NO_APPENDIX, w.NO_PREVIOUS, "Totalt 0"):
        assert sentence in text
    assert [e.title for e in reader.outline if not isinstance(e, list)][-1] == w.APPENDIX_HEADING


@pytest.mark.django_db
def test_empty_synthetic_plan():
    plan = build_plan(actions=0)
    day = dt.date(2021, 6, 1)
    report = build_report(read_plan_rows(plan, day, dt.date(2021, 1, 1)))
    reader = read(render_pdf(report))
    text = all_text(reader)
    assert w.NO_REMAINING in text
    assert w.NO_UPCOMING in text
    assert w.NONE in text
    assert f"Sida 1 av {len(reader.pages)}" in text


def test_long_text_and_long_table_break_across_pages():
    paragraph = "Ett långt stycke om åtgärden som måste brytas över flera rader. " * 12
    long_action = action(1, text="\n\n".join([paragraph.strip()] * 25), note="Klart – nästan.")
    pending = [StatusCount("in_progress", "Pågår", 1)]
    themes = [
        ThemeSummary(f"Tema {i} med ett ganska långt namn", 1, 1, 0, 0, pending) for i in range(90)
    ]
    report = hand_report(
        total=1,
        counts=pending,
        themes=themes,
        remaining=[long_action],
        appendix=[Block(heading="Återstående åtgärder", level=1, actions=[long_action])],
    )
    reader = read(render_pdf(report))
    texts = [flat(t) for t in page_texts(reader)]
    assert len(texts) >= 6
    # The per-theme table spans pages and repeats its header row on each of them.
    table_pages = [t for t in texts if re.search(r"Tema \d+ med", t)]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Tema Åtgärder Pågår Försenade" in text
    assert all(f"Tema {i} med ett ganska långt namn" in all_text(reader) for i in range(90))
    # Every paragraph arrives whole, and the note after it in italics.
    assert body_text(reader, report.registration_number).count(flat(paragraph)) == 50
    italic = " ".join(runs_by_font(page).get("LiberationSansItalic", "") for page in reader.pages)
    assert italic.count("Klart – nästan.") == 2
