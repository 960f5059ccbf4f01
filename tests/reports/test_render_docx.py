"""The Word report: read back with python-docx and checked against the content and the memo."""

import dataclasses
import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from styr.demo.synthetic import build_plan
from styr.reports import wording as w
from styr.reports.build import build_report
from styr.reports.queries import read_plan_rows
from styr.reports.render_docx import FONT, STYLES, render_docx
from styr.reports.render_markdown import render_markdown
from tests.conftest import demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

MEMO_NOTE = "Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218."
COUNCILS_LEAD = "Råden inom kommunstyrelsens ansvarsområde – brottsförebyggande rådet"
COUNCILS = [
    "Brottsförebyggande rådet – Mats Bohman administrativ direktör",
    "Näringslivsrådet – Anders Börjesson näringslivsdirektör",
    "Rådet för frågor kring funktionsnedsättning – Anders Fredriksson social- och äldredirektör",
    "Seniorrådet – Anders Fredriksson social- och äldredirektör",
]


def read(data: bytes):
    return Document(io.BytesIO(data))


def texts(doc) -> list[str]:
    """Every paragraph and table cell of the body, in order, then the footers."""
    out = []
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            out += [cell.text for row in item.rows for cell in row.cells]
        else:
            out.append(item.text)
    out += [p.text for section in doc.sections for p in section.footer.paragraphs]
    return out


def heading_level(paragraph: Paragraph) -> int | None:
    name = paragraph.style.name
    if name == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", name)
    return int(match.group(1)) if match else None


def headings(doc) -> list[tuple[int, str]]:
    return [(level, p.text) for p in doc.paragraphs if (level := heading_level(p)) is not None]


def markdown_outline(markdown: str) -> list[tuple[int, str]]:
    """The Markdown's headings as Word levels (`#` is the title); a bold-only line (an
    action's title under a block) is one level below the heading before it."""
    out, level = [], 0
    for line in markdown.splitlines():
        if match := re.fullmatch(r"(#+) (.*)", line):
            level = len(match.group(1)) - 1
            out.append((level, match.group(2)))
        elif match := re.fullmatch(r"\*\*(.*)\*\*", line):
            out.append((min(level + 1, 6), match.group(1)))
    return [(lvl, re.sub(r"\\(.)", r"\1", text)) for lvl, text in out]


def is_italic(paragraph: Paragraph) -> bool:
    return bool(paragraph.runs) and all(run.italic for run in paragraph.runs)


def with_statistics(report):
    return dataclasses.replace(
        report, texts=dataclasses.replace(report.texts, include_statistics=True)
    )


@pytest.fixture
def nacka_docx(nacka_report):
    return read(render_docx(nacka_report))


@pytest.fixture
def statistics_docx(nacka_report):
    return read(render_docx(with_statistics(nacka_report)))


def test_headings_are_word_heading_styles_in_the_markdowns_order(nacka_report, nacka_docx):
    outline = headings(nacka_docx)
    assert outline == markdown_outline(render_markdown(nacka_report))
    assert outline[0] == (
        0,
        "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016",
    )
    # The memo's sections, in the memo's order.
    assert [text for level, text in outline if level == 1] == [
        "Förslag till beslut",
        "Sammanfattning",
        "Ärendet",
        "Återstående åtgärder",
        "Kommande åtgärder",
        "Ekonomiska konsekvenser",
        "Övrigt",
        "Bilagor",
        "Bilaga 1 – Uppföljning av tidigare beslutade åtgärder",
    ]
    assert (2, "Handlingsplan för det fortsatta utvecklingsarbetet") in outline
    assert (2, "Smart kommun") in outline
    assert (3, "Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation") in outline
    # The remaining actions are the memo's paragraphs, without headings of their own.
    assert not {a.title for a in nacka_report.remaining} & {text for _, text in outline}


def test_statistics_are_a_section_of_their_own_when_included(nacka_report, statistics_docx):
    outline = headings(statistics_docx)
    assert outline == markdown_outline(render_markdown(with_statistics(nacka_report)))
    at = outline.index((1, w.STATISTICS_HEADING))
    assert outline[at - 1] == (1, w.SUMMARY_HEADING)
    assert outline[at + 1 : at + 4] == [
        (2, w.THEMES_HEADING),
        (2, w.OVERDUE_HEADING),
        (2, "Förändringar sedan 1 mars 2015"),
    ]
    assert outline[at + 4] == (1, w.MATTER_HEADING)


def test_no_bold_paragraph_pretends_to_be_a_heading(nacka_docx):
    for paragraph in nacka_docx.paragraphs:
        if heading_level(paragraph) is None and paragraph.runs:
            assert not all(run.bold for run in paragraph.runs), paragraph.text


def test_the_appendix_starts_a_page(nacka_docx):
    appendix = next(p for p in nacka_docx.paragraphs if p.text == w.APPENDIX_HEADING)
    assert appendix.style.name == "Heading 1"
    assert appendix.paragraph_format.page_break_before


def test_header_block_comes_first_as_on_the_memo(nacka_docx):
    first, second, third, fourth = nacka_docx.paragraphs[:4]
    assert first.text == "Nacka kommun\n2 september 2015\nTJÄNSTESKRIVELSE\nKFKS 2012/577-001"
    assert second.text == "Till: Kommunstyrelsen"
    assert third.style.name == "Title"
    assert fourth.style.name == "Subtitle"
    assert fourth.text == (
        "Handlingsplan enligt beslutad inriktning 2015 – 2016 och lägesrapport september 2015"
    )


def test_status_table_holds_the_reports_counts(nacka_report, statistics_docx):
    table = statistics_docx.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Status", "Antal"],
        *[[c.label, str(c.count)] for c in w.shown_counts(nacka_report)],
        ["Totalt", str(nacka_report.total)],
    ]
    assert ["Genomfört", "16"] in rows
    assert rows[-1] == ["Totalt", "33"]
    assert table.style.name == "Table Grid"


def test_theme_table_has_a_row_per_theme(nacka_report, statistics_docx):
    table = statistics_docx.tables[1]
    head = [cell.text for cell in table.rows[0].cells]
    assert head == [
        "Tema",
        "Åtgärder",
        *[c.label for c in w.shown_counts(nacka_report)],
        "Försenade",
    ]
    assert len(table.rows) == 1 + len(nacka_report.themes)
    first = [cell.text for cell in table.rows[1].cells]
    assert first[:2] == ["Återstående åtgärder", "5"]
    assert "– – Kommunfullmäktige" in [row.cells[0].text for row in table.rows]


def test_table_header_rows_repeat_on_every_page(statistics_docx):
    assert len(statistics_docx.tables) == 2
    for table in statistics_docx.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


def test_the_memos_note_is_italic(nacka_docx):
    notes = [p for p in nacka_docx.paragraphs if p.text == MEMO_NOTE]
    assert len(notes) == 1  # under Återstående åtgärder; the appendix does not repeat it
    assert all(is_italic(p) for p in notes)


def test_every_appendix_action_is_followed_by_its_note_in_italics(nacka_report, nacka_docx):
    paragraphs = nacka_docx.paragraphs
    cursor = next(i for i, p in enumerate(paragraphs) if p.text == w.APPENDIX_HEADING)
    actions = [action for block in nacka_report.appendix for action in block.actions]
    assert len(actions) == 21
    for action in actions:
        parts = w.paragraphs(action.text)
        start = next(i for i in range(cursor, len(paragraphs)) if paragraphs[i].text == parts[0])
        assert [p.text for p in paragraphs[start : start + len(parts)]] == parts
        note = paragraphs[start + len(parts)]
        assert note.text == w.note_line(action)
        assert is_italic(note), action.title
        cursor = start + len(parts) + 1


def test_every_remaining_action_has_its_note_in_italics(nacka_report, nacka_docx):
    paragraphs = nacka_docx.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == w.REMAINING_HEADING)
    expected = []
    for action in nacka_report.remaining:
        expected += w.paragraphs(action.text)
        expected += [w.action_lines(action)] if w.action_lines(action) else []
        expected.append(w.note_line(action))
    shown = paragraphs[start + 1 : start + 1 + len(expected)]
    assert [p.text for p in shown] == expected
    assert paragraphs[start + 1 + len(expected)].text == w.UPCOMING_HEADING
    notes = {w.note_line(action) for action in nacka_report.remaining}
    assert [is_italic(p) for p in shown] == [p.text in notes for p in shown]
    assert "Klart: fram till årsskiftet 2015/16." in expected  # its text does not say when


def test_lines_stay_lines_and_paragraphs_stay_paragraphs(nacka_docx):
    texts_ = [p.text for p in nacka_docx.paragraphs]
    councils = next(p for p in nacka_docx.paragraphs if p.text.startswith(COUNCILS_LEAD))
    assert councils.text.split("\n")[1:] == COUNCILS
    assert len(councils._p.xpath(".//w:br")) == len(COUNCILS)
    service = texts_.index(
        "Utveckling av service till medborgare, förtroendevalda och medarbetare pågår "
        "kontinuerligt inom serviceenheten och kontaktcenter. Målsättningen är att de ska "
        "hantera 90 % av ärenden från medborgare respektive medarbetare, samt att 90 % av "
        "ärenden ska lösas i första kontakt. Utmaningen är att de numer inte bara hanterar "
        "enklare informations- och serviceärende utan även ärenden som kräver utredning och "
        "vissa fall beslut."
    )
    assert texts_[service + 1].startswith("Kontaktcenter blir från 1 september 2015")
    assert texts_[service + 2].startswith("Inom miljöområdet kan medborgare")


def test_lists_are_word_lists(statistics_docx):
    overdue = [p for p in statistics_docx.paragraphs if p.style.name == "List Bullet"]
    assert "Ny socialnämnd och ny äldrenämnd inrättas – under november-december 2014 (Pågår)" in [
        p.text for p in overdue
    ]


def test_every_page_has_a_header_saying_what_the_document_is(nacka_docx):
    assert len(nacka_docx.sections) == 1  # one section: its header is on every page
    header = nacka_docx.sections[0].header
    assert not header.is_linked_to_previous
    assert [p.text for p in header.paragraphs] == [
        "Nacka kommun\tTJÄNSTESKRIVELSE · 2 september 2015 · KFKS 2012/577-001"
    ]
    settings = nacka_docx.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is None  # the same on every page
    assert nacka_docx.sections[0].different_first_page_header_footer is False


def test_footer_has_registration_number_and_page_fields(nacka_docx):
    footer = nacka_docx.sections[0].footer
    assert not footer.is_linked_to_previous
    paragraph = footer.paragraphs[0]
    assert paragraph.text.startswith("KFKS 2012/577-001\tSida ")
    instructions = [el.text.strip() for el in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [el.get(qn("w:fldCharType")) for el in footer._element.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    runs = [run.text for run in paragraph.runs]
    assert runs[0] == "KFKS 2012/577-001\tSida "
    assert " av " in runs


def test_every_style_uses_the_one_named_font_for_every_script(nacka_docx):
    scripts = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
    styles = nacka_docx.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = [defaults.find(qn("w:rFonts"))]
    fonts += [nacka_docx.styles[name].element.rPr.find(qn("w:rFonts")) for name in STYLES]
    for element in fonts:
        assert [element.get(qn(script)) for script in scripts] == [FONT] * 4
    # No theme font (Calibri, Cambria) anywhere: a theme font would win over the named one.
    themed = [
        element
        for part in (styles, nacka_docx.element)
        for element in part.iter(qn("w:rFonts"))
        if any(name.endswith("Theme") or name.endswith("theme") for name in element.attrib)
    ]
    assert themed == []
    used = {p.style.name for p in nacka_docx.paragraphs}
    used |= {t.style.name for t in nacka_docx.tables}
    assert used <= set(STYLES)


def test_the_texts_numbered_lists_are_word_numbered_lists_from_one(nacka_report, nacka_docx):
    numbering = nacka_docx.part.numbering_part.element
    items = [p for p in nacka_docx.paragraphs if p.style.name == "List Number"]
    lists: dict[int, list[str]] = {}
    for item in items:
        lists.setdefault(item._p.pPr.numPr.numId.val, []).append(item.text)
    assert list(lists.values()) == [
        list(w.text_parts(nacka_report.texts.summary)[2].lines),
        list(w.text_parts(nacka_report.texts.areas)[1].lines),
        nacka_report.texts.attachments,
    ]
    for num_id in lists:
        num = numbering.num_having_numId(num_id)
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start.get(qn("w:val")) == "1"  # each list counts from 1
        abstract = num.abstractNumId.val
        (level,) = [
            a.find(qn("w:lvl"))
            for a in numbering.findall(qn("w:abstractNum"))
            if a.get(qn("w:abstractNumId")) == str(abstract)
        ]
        assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"


def test_signatures_follow_the_attachments_before_the_appendix(nacka_docx):
    texts_ = [p.text for p in nacka_docx.paragraphs]
    signatures = [
        "Lena Dahlstedt\nStadsdirektör\nStadsledningskontoret",
        "Helena Meier\nStadsjurist",
    ]
    at = texts_.index(signatures[0])
    assert texts_[at : at + 3] == [*signatures, w.APPENDIX_HEADING]
    assert texts_[at - 1] == "Kortversion översyn av kommunikationsområdet (eget dokument)"


def test_a4_and_swedish(nacka_docx):
    section = nacka_docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    defaults = nacka_docx.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "sv-SE"
    normal = nacka_docx.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"


def test_core_properties_are_the_reports_not_the_clocks(nacka_report, nacka_docx):
    props = nacka_docx.core_properties
    day = dt.datetime(2015, 9, 2, tzinfo=dt.UTC)
    assert props.created == day
    assert props.modified == day
    assert props.language == "sv-SE"
    assert props.title == nacka_report.title
    assert props.subject == nacka_report.subtitle
    assert props.author == "Nacka kommun"
    assert props.last_modified_by == "Styr"
    assert props.revision == 1
    assert props.identifier == "KFKS 2012/577-001"


def test_two_renders_are_identical(nacka_report):
    first, second = render_docx(nacka_report), render_docx(nacka_report)
    assert texts(read(first)) == texts(read(second))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml"
        assert names[1:] == sorted(names[1:])
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in names


def test_text_follows_the_content(nacka_report, statistics_docx):
    body = texts(statistics_docx)
    assert w.summary_sentence(nacka_report) in body
    assert "Läget den 2 september 2015: 33 åtgärder, varav 16 genomförda och 3 försenade." in body
    assert w.NEW_ACTIONS in body and w.CHANGED_STATUS in body and w.NEWLY_OVERDUE in body
    assert (
        "Förslag på nya övergripande mål och strategiska mål: Ingen status rapporterad → Pågår"
        in body
    )


@pytest.mark.django_db
def test_an_empty_plan_renders():
    plan = build_plan(actions=0, slug="tom")
    day = dt.date(2021, 1, 1)
    report = build_report(read_plan_rows(plan, day))
    doc = read(render_docx(report))
    body = texts(doc)
    assert w.NO_REMAINING in body
    assert w.NO_UPCOMING in body
    assert w.NO_APPENDIX in body
    assert w.NO_PREVIOUS in body
    assert w.NONE in body  # no overdue actions
    assert [[c.text for c in row.cells] for row in doc.tables[0].rows] == [
        ["Status", "Antal"],
        ["Totalt", "0"],
    ]
    assert len(doc.tables[1].rows) == 1  # the header row only
    assert doc.core_properties.created == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
