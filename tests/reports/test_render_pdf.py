"""The PDF report, read back with pypdf: tags (PDF/UA-1), text in reading order, outline,
metadata, footer, fonts, reproducibility."""

import dataclasses
import datetime as dt
import io
import json
import pickle
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from styr.demo.synthetic import build_plan
from styr.reports import wording as w
from styr.reports.build import build_report
from styr.reports.content import Block, Report, ReportAction, StatusCount, ThemeSummary
from styr.reports.queries import read_plan_rows
from styr.reports.render_markdown import render_markdown
from styr.reports.render_pdf import MISSING, as_json, body, drawable, render_pdf
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


def elements(reader: PdfReader) -> list[dict]:
    """The structure tree's elements, depth first (reading order)."""
    out: list[dict] = []

    def visit(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                visit(child)
        elif isinstance(node, dict) and "/S" in node:
            out.append(node)
            if "/K" in node:
                visit(node["/K"])

    visit(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return out


def tagged_headings(reader: PdfReader) -> list[tuple[int, str]]:
    return [
        (int(str(e["/S"])[2:]), str(e["/T"]))
        for e in elements(reader)
        if re.fullmatch(r"/H\d", str(e["/S"]))
    ]


def children(element: dict, tag: str) -> list[dict]:
    kids = element.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    return [k.get_object() for k in kids if str(k.get_object().get("/S")) == tag]


def markdown_outline(markdown: str) -> list[tuple[int, str]]:
    """The Markdown's headings below the title as PDF levels (`##` is H1); a bold-only line
    (an action's title under a block) is one level below the heading before it."""
    out, level = [], 0
    for line in markdown.splitlines():
        if match := re.fullmatch(r"(#+) (.*)", line):
            level = len(match.group(1)) - 1
            if level:
                out.append((level, match.group(2)))
        elif match := re.fullmatch(r"\*\*(.*)\*\*", line):
            out.append((level + 1, match.group(1)))
    return [(lvl, re.sub(r"\\(.)", r"\1", text)) for lvl, text in out]


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


def italic_text(reader: PdfReader) -> str:
    return " ".join(runs_by_font(page).get("LiberationSans-Italic", "") for page in reader.pages)


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
        "format_version": 2,
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


def with_statistics(report: Report) -> Report:
    return dataclasses.replace(
        report, texts=dataclasses.replace(report.texts, include_statistics=True)
    )


@pytest.fixture
def nacka_pdf(nacka_report) -> bytes:
    return render_pdf(nacka_report)


@pytest.fixture
def nacka(nacka_pdf) -> PdfReader:
    return read(nacka_pdf)


@pytest.fixture
def nacka_statistics(nacka_report) -> PdfReader:
    return read(render_pdf(with_statistics(nacka_report)))


# Tags and PDF/UA ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_catalog_marks_a_tagged_document_in_swedish_with_its_title(nacka, nacka_report):
    catalog = nacka.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert catalog["/Lang"] == "sv-SE"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    meta = nacka.metadata
    assert meta.title == nacka_report.title
    assert meta.subject == nacka_report.subtitle
    assert meta.author == "Nacka kommun"
    assert meta.creation_date.date() == dt.date(2015, 9, 2)


@pytest.mark.django_db
def test_xmp_metadata_identifies_pdf_ua_1(nacka, nacka_report):
    xmp = nacka.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert f'<rdf:li xml:lang="x-default">{nacka_report.title}</rdf:li>' in xmp
    assert "<rdf:li>sv-SE</rdf:li>" in xmp


@pytest.mark.django_db
def test_headings_are_tagged_at_the_markdowns_levels_in_its_order(nacka, nacka_report):
    headings = tagged_headings(nacka)
    assert headings == markdown_outline(render_markdown(nacka_report))
    assert [text for level, text in headings if level == 1] == [
        w.PROPOSAL_HEADING,
        w.SUMMARY_HEADING,
        w.MATTER_HEADING,
        w.REMAINING_HEADING,
        w.UPCOMING_HEADING,
        w.ECONOMY_HEADING,
        w.OTHER_HEADING,
        w.ATTACHMENTS_HEADING,
        w.APPENDIX_HEADING,
    ]
    assert (2, "Smart kommun") in headings
    assert (3, "Kommunfullmäktige") in headings
    # The title is tagged as the title, not as a heading.
    assert [str(e["/S"]) for e in elements(nacka)].count("/Title") == 1


@pytest.mark.django_db
def test_statistics_tables_have_tagged_header_cells(nacka_statistics, nacka_report):
    tables = [e for e in elements(nacka_statistics) if str(e["/S"]) == "/Table"]
    assert len(tables) == 2  # the status table and the per-theme table
    widths = [
        len(w.STATUS_COLUMNS),
        len(w.THEME_FIRST_COLUMNS) + len(w.shown_counts(nacka_report)) + 1,
    ]
    for table, width in zip(tables, widths, strict=True):
        (head,) = children(table, "/THead")
        (row,) = children(head, "/TR")
        header_cells = children(row, "/TH")
        assert len(header_cells) == width
        assert all(cell["/A"][0]["/Scope"] == "/Column" for cell in header_cells)
        (rows,) = children(table, "/TBody")
        assert all(len(children(r, "/TD")) == width for r in children(rows, "/TR"))
    (status_body,) = children(tables[0], "/TBody")
    assert len(children(status_body, "/TR")) == len(w.shown_counts(nacka_report)) + 1


@pytest.mark.django_db
def test_the_texts_numbered_lists_are_tagged_lists(nacka, nacka_report):
    lists = [e for e in elements(nacka) if str(e["/S"]) == "/L"]
    numbered = [
        len(children(e, "/LI")) for e in lists if e["/A"][0]["/ListNumbering"] == "/Decimal"
    ]
    # The summary's and the areas' five development areas, then the two attachments.
    assert numbered == [5, 5, len(nacka_report.texts.attachments)]
    for item in children(lists[0], "/LI"):
        assert [str(k["/S"]) for k in children(item, "/Lbl") + children(item, "/LBody")] == [
            "/Lbl",
            "/LBody",
        ]


def test_heading_levels_never_skip_one_on_the_way_down():
    deep = Block(heading="Djupt tema", level=4, actions=[action(1, title="Egen rubrik")])
    nodes = body(hand_report(upcoming=[deep]))
    levels = [(n["level"], n["text"]) for n in nodes if n["kind"] == "heading"]
    assert (1, w.UPCOMING_HEADING) in levels
    at = levels.index((1, w.UPCOMING_HEADING))
    assert levels[at + 1 : at + 3] == [(2, "Djupt tema"), (3, "Egen rubrik")]
    # PDF/UA-1 would refuse a skipped level: the file is written.
    assert (2, "Djupt tema") in tagged_headings(read(render_pdf(hand_report(upcoming=[deep]))))


# Text, in reading order --------------------------------------------------------------------


@pytest.mark.django_db
def test_text_starts_with_the_letterhead_then_the_proposal(nacka, nacka_report):
    first = flat(nacka.pages[0].extract_text())
    assert first.startswith(
        "Nacka kommun 2 september 2015 TJÄNSTESKRIVELSE KFKS 2012/577-001 "
        "Till: Kommunstyrelsen "
        f"{flat(nacka_report.title)} {flat(nacka_report.subtitle)} "
        f"Förslag till beslut {PROPOSAL} Sammanfattning"
    )


@pytest.mark.django_db
def test_every_sentence_of_the_remaining_actions_is_there_with_its_note_in_italics(
    nacka, nacka_report
):
    text = body_text(nacka, nacka_report.registration_number)
    italic = italic_text(nacka)
    assert len(nacka_report.remaining) == 5
    for item in nacka_report.remaining:
        assert flat(item.text) in text
        assert flat(w.note_line(item)) in italic
        assert flat(item.text) not in italic  # the action's own text is upright
    assert MEMO_NOTE in italic


@pytest.mark.django_db
def test_the_memos_sections_and_signatures_are_there(nacka, nacka_report):
    text = body_text(nacka, nacka_report.registration_number)
    texts = nacka_report.texts
    for written in (texts.summary, texts.matter, texts.areas, texts.economy, texts.other):
        for part in w.text_parts(written):
            for line in part.lines:
                assert flat(line) in text
    for attachment in texts.attachments:
        assert attachment in text
    assert "Lena Dahlstedt Stadsdirektör Stadsledningskontoret Helena Meier Stadsjurist" in text
    assert text.index("Helena Meier Stadsjurist") < text.index(w.APPENDIX_HEADING)
    assert w.STATISTICS_HEADING not in text  # the memo leaves the statistics out


@pytest.mark.django_db
def test_appendix_notes_are_in_italics(nacka, nacka_report):
    italic = italic_text(nacka)
    for block in nacka_report.appendix:
        for item in block.actions:
            assert flat(w.note_line(item)) in italic


@pytest.mark.django_db
def test_outline_holds_the_headings_nested(nacka, nacka_report):
    tree = dict(outline_tree(nacka.outline))
    assert list(tree)[:2] == [w.PROPOSAL_HEADING, w.SUMMARY_HEADING]
    assert list(tree)[-1] == w.APPENDIX_HEADING
    assert [title for title, _ in tree[w.UPCOMING_HEADING]] == [
        b.heading for b in nacka_report.upcoming
    ]
    appendix = dict(tree[w.APPENDIX_HEADING])
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
def test_headings_are_bold_and_larger_than_text(nacka):
    page = nacka.pages[0]
    fonts = runs_by_font(page)
    assert w.PROPOSAL_HEADING in fonts["LiberationSans-Bold"]
    assert PROPOSAL in fonts["LiberationSans"]
    sizes: dict[str, set] = {}

    def visit(text, cm, tm, font_dict, font_size):
        sizes.setdefault(text.strip(), set()).add(font_size * tm[0])

    page.extract_text(visitor_text=visit)
    assert min(sizes[w.PROPOSAL_HEADING]) > max(sizes[PROPOSAL])


@pytest.mark.django_db
def test_footer_numbers_pages_with_the_registration_number(nacka):
    count = len(nacka.pages)
    assert count > 2
    for number, text in enumerate(page_texts(nacka), start=1):
        assert flat(text).endswith(f"KFKS 2012/577-001 Sida {number} av {count}")


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
            tops[run.strip()] = cm[5] + tm[5]

    reader.pages[0].extract_text(visitor_text=visit)
    line_gap = abs(tops["Andra stycket, rad ett"] - tops["rad två"])
    paragraph_gap = abs(tops["Första stycket."] - tops["Andra stycket, rad ett"])
    assert line_gap > 0
    assert paragraph_gap > line_gap + 1


@pytest.mark.django_db
def test_status_table_rows(nacka_statistics, nacka_report):
    text = all_text(nacka_statistics)
    assert f"{w.STATISTICS_HEADING} {w.summary_sentence(nacka_report)} Status Antal" in text
    for count in w.shown_counts(nacka_report):
        assert f"{count.label} {count.count}" in text
    assert f"Totalt {nacka_report.total}" in text
    assert "Förändringar sedan 1 mars 2015" in text


def test_markup_characters_come_out_as_written():
    tricky = 'Plan \\ # * _ ` $ < > @ [ ] ~ / " -- ... = + - 1. // /* #let x = 1 #panic("nej")'
    report = hand_report(
        title=tricky,
        remaining=[action(1, text=tricky, note=f"{tricky} (not)")],
        appendix=[Block(heading=tricky, level=1, actions=[action(2)])],
    )
    reader = read(render_pdf(report))
    text = body_text(reader, report.registration_number)
    assert text.count(flat(tricky)) == 4  # title, action text, note, appendix heading
    assert reader.metadata.title == tricky
    assert (2, tricky) in tagged_headings(reader)


def test_characters_the_font_lacks_do_not_stop_the_file():
    report = hand_report(
        title="Plan 😀 中文", proposal="Beslut\u00ad med\u200b mjukt e\u0301 och\ttab."
    )
    text = all_text(read(render_pdf(report)))
    assert f"Plan {MISSING} {MISSING}{MISSING}" in text
    assert "Beslut med mjukt é och tab." in text


@pytest.mark.parametrize(
    "value",
    [
        "Åtgärd 1 – ”klar” → nästa",
        'quote " backslash \\ and \\t as written',
        "tab\there",
        "line\nbreak",
        "e\u0301 composed",
        "soft\u00adhyphen zero\u200bwidth",
        "emoji 😀",
        "control\x01",
    ],
)
def test_the_json_for_typst_is_drawable_whether_checked_at_once_or_string_by_string(value):
    document = {"body": [{"kind": "paragraph", "lines": [value, "Läget"]}], "n": 1}
    assert as_json(document) == json.dumps(drawable(document), ensure_ascii=False)


# Reproducibility ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_same_report_gives_the_same_bytes(nacka_report, nacka_pdf):
    again = render_pdf(nacka_report)
    assert page_texts(read(again)) == page_texts(read(nacka_pdf))
    assert again == nacka_pdf
    assert read(again).trailer["/ID"] == read(nacka_pdf).trailer["/ID"]


def test_other_content_gives_another_document_id():
    one, two = read(render_pdf(hand_report())), read(render_pdf(hand_report(proposal="Annat.")))
    assert one.trailer["/ID"] != two.trailer["/ID"]


# Edge cases --------------------------------------------------------------------------------


def test_empty_plan_by_hand():
    reader = read(render_pdf(hand_report()))
    text = all_text(reader)
    for sentence in (w.NO_REMAINING, w.NO_UPCOMING, w.NO_APPENDIX, w.NO_PREVIOUS, "Totalt 0"):
        assert sentence in text
    assert [e.title for e in reader.outline if not isinstance(e, list)][-1] == w.APPENDIX_HEADING
    assert flat(page_texts(reader)[-1]).startswith(w.APPENDIX_HEADING)


@pytest.mark.django_db
def test_empty_synthetic_plan():
    plan = build_plan(actions=0)
    day = dt.date(2021, 6, 1)
    report = build_report(read_plan_rows(plan, day, dt.date(2021, 1, 1)))
    reader = read(render_pdf(report))
    text = all_text(reader)
    assert w.NO_REMAINING in text
    assert w.NO_UPCOMING in text
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
        appendix=[Block(heading="Tidigare", level=1, actions=[long_action])],
    )
    reader = read(render_pdf(report))
    texts = [flat(t) for t in page_texts(reader)]
    assert len(texts) >= 6
    # The per-theme table spans pages and repeats its header row on each of them.
    table_pages = [t for t in texts if re.search(r"Tema \d+ med", t)]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Tema Åtgärder Pågår Försenade" in text
    whole = all_text(reader)
    assert all(f"Tema {i} med ett ganska långt namn" in whole for i in range(90))
    # Every paragraph arrives whole, and the note after it in italics.
    assert body_text(reader, report.registration_number).count(flat(paragraph)) == 50
    assert italic_text(reader).count("Klart – nästan.") == 2


def test_a_document_typst_refuses_is_an_error_with_typsts_words(monkeypatch, tmp_path):
    from styr.reports import render_pdf as module

    (tmp_path / "report.typ").write_text('#panic("mallen är trasig")\n')
    monkeypatch.setattr(module, "HERE", tmp_path)
    monkeypatch.setattr(module, "TEMPLATE", tmp_path / "report.typ")
    with pytest.raises(module.TypesetError, match="mallen är trasig"):
        render_pdf(hand_report())


def test_a_pdf_that_takes_too_long_is_stopped_with_an_error(monkeypatch):
    from styr.reports import render_pdf as module

    monkeypatch.setattr(module, "TYPESET_SECONDS", 0.01)
    with pytest.raises(module.TypesetError, match="did not finish"):
        render_pdf(hand_report())


def test_typst_runs_outside_the_rendering_process():
    """Typst's memo cache, hundreds of MB after a large report, must not stay in a worker."""
    code = (
        "import pickle, sys; from styr.reports.render_pdf import render_pdf; "
        "pdf = render_pdf(pickle.load(sys.stdin.buffer)); "
        "print(pdf[:5].decode(), 'typst' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(hand_report()), capture_output=True
    )
    assert done.stdout.decode().split() == ["%PDF-", "False"], done.stderr.decode()
