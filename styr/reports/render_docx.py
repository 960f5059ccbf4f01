"""Render a report's content as a Word document (.docx): the memo, ready to file.

What it guarantees:

- The sections, their order and their words are those of `render_markdown` (the reference);
  every fixed word comes from `styr.reports.wording`. The one change of order is the memo's:
  the header block (municipality, date, TJÄNSTESKRIVELSE, registration number, addressee)
  comes before the title, as on the memo's first page.
- Headings are Word's built-in styles, so they show in the navigation pane: Title for the
  title, Markdown's `##` is Heading 1, `###` Heading 2, and so on; a block of level L is
  Heading L+1, capped at Heading 6. An action's own title under a block heading (Markdown's
  bold line) is a real heading one level below the block; a subheading in the strategy
  office's texts is Heading 2.
- The texts' numbered lists are Word numbered lists (List Number), each starting at 1; their
  bullets and the generated lists are List Bullet. The status and per-theme tables are real
  tables ("Table Grid") whose header row repeats on every page; status notes are italic;
  lines inside a paragraph stay lines.
- Every page has a header (municipality, document type, date, registration number) and a
  footer (registration number, "Sida N av M" as PAGE and NUMPAGES fields).
- One standard font, Arial (Liberation Sans, bundled for the PDF, has the same metrics), set
  explicitly on the document defaults and every style used, for every script (ascii, hAnsi,
  east Asian, complex), with the template's theme fonts removed: Word shows neither Calibri
  nor Cambria. A4, Swedish: the defaults, the Normal style and the core properties say sv-SE.
- Reproducible: nothing depends on the clock. Core properties are dated the report's day
  (midnight UTC) and the zip is rewritten with fixed timestamps in a fixed order, so the
  same Report always gives the same bytes.

No Django: it reads only the plain `Report`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction

LANGUAGE = "sv-SE"
PRODUCER = "Styr"  # core property "last modified by": the same for every render
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest time; no clock involved

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_SIDE, MARGIN_TOP = Mm(25), Mm(20)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
THEME_MIN = Mm(45)  # the per-theme table's first column
MAX_HEADING = 6
FONT = "Arial"
SMALL = Pt(9)
HEADER_INK = RGBColor(0x40, 0x40, 0x40)  # header and footer: contrast 10:1 on white
# Every style the document uses: each gets FONT explicitly.
STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    *(f"Heading {n}" for n in range(1, MAX_HEADING + 1)),
    "List Bullet",
    "List Number",
    "Table Grid",
    "Header",
    "Footer",
)
INK = RGBColor(0x1A, 0x1A, 0x1A)  # headings in near-black, as on a printed memo
HEADER_FILL = "E7E6E6"
HEADER_SEPARATOR = " · "


# -- The document as a whole ------------------------------------------------------------


def render_docx(report: Report) -> bytes:
    doc = _new_document(report)
    _letterhead(doc, report)
    _sections(doc, report)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _new_document(report: Report) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin = section.bottom_margin = MARGIN_TOP
    _swedish(doc)
    _one_font(doc)
    _sober_styles(doc)
    _core_properties(doc, report)
    _header(doc, report)
    _footer(doc, report)
    _drop_thumbnail(doc)
    return doc


def _swedish(doc: DocxDocument) -> None:
    """Swedish for spelling and hyphenation: document defaults, Normal style, settings."""
    styles = doc.styles.element
    default_lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_lang(default_lang)
    _set_lang(doc.styles["Normal"].element.get_or_add_rPr())
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _one_font(doc: DocxDocument) -> None:
    """FONT for every script, in the defaults and every style used. The template names theme
    fonts (Calibri, Cambria), which win over a named font, so they are removed everywhere."""
    styles = doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for script in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(script), None)
    _set_font(styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    for name in STYLES:
        _set_font(doc.styles[name].element.get_or_add_rPr())


def _set_font(rpr) -> None:
    fonts = rpr.get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def _sober_styles(doc: DocxDocument) -> None:
    """The template's blue headings become near-black; the title loses its rule and shrinks."""
    for name in ["Title", "Subtitle", *(f"Heading {n}" for n in range(1, MAX_HEADING + 1))]:
        doc.styles[name].font.color.rgb = INK
    title, subtitle = doc.styles["Title"], doc.styles["Subtitle"]
    title.font.size = Pt(20)
    subtitle.font.size = Pt(13)
    # The template's title has a coloured rule; its subtitle a list level with no list.
    for style, tag in ((title, "w:pBdr"), (subtitle, "w:numPr")):
        element = style.element.pPr.find(qn(tag))
        if element is not None:
            style.element.pPr.remove(element)


def _core_properties(doc: DocxDocument, report: Report) -> None:
    day = dt.datetime.fromisoformat(report.date).replace(tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = report.title
    props.subject = report.subtitle
    props.author = report.municipality
    props.category = report.document_type
    props.identifier = report.registration_number
    props.language = LANGUAGE
    props.comments = ""
    props.keywords = ""
    props.created = day
    props.modified = day
    props.last_modified_by = PRODUCER
    props.revision = 1


def _header(doc: DocxDocument, report: Report) -> None:
    """On every page: the municipality to the left; the document type, date and
    registration number to the right, so that a loose page still says what it belongs to."""
    paragraph = _right_tab(doc.sections[0].header.paragraphs[0])
    paragraph.add_run(report.municipality).bold = True
    paragraph.add_run(
        "\t"
        + HEADER_SEPARATOR.join(
            [report.document_type.upper(), report.date_text, report.registration_number]
        )
    )
    _small(paragraph)


def _footer(doc: DocxDocument, report: Report) -> None:
    """Registration number to the left, 'Sida N av M' to the right, on every page."""
    paragraph = _right_tab(doc.sections[0].footer.paragraphs[0])
    before, after, _ = w.page_line("{}", "{}").split("{}")  # "Sida ", " av ", ""
    paragraph.add_run(f"{report.registration_number}\t{before}")
    _field(paragraph, "PAGE")
    paragraph.add_run(after)
    _field(paragraph, "NUMPAGES")
    _small(paragraph)


def _right_tab(paragraph: Paragraph) -> Paragraph:
    tabs = paragraph.paragraph_format.tab_stops
    for position in (4680, 9360):  # the template's stops, made for Letter paper
        tabs.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    return paragraph


def _small(paragraph: Paragraph) -> None:
    for run in paragraph.runs:
        run.font.size = SMALL
        run.font.color.rgb = HEADER_INK


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when laid out."""

    def run_with(tag: str, **attributes: str):
        element = OxmlElement(tag)
        for name, value in attributes.items():
            element.set(qn(name), value)
        paragraph.add_run()._r.append(element)
        return element

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    run_with("w:instrText", **{"xml:space": "preserve"}).text = f" {instruction} "
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1")  # shown until the field is updated
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def _drop_thumbnail(doc: DocxDocument) -> None:
    """The template's preview picture shows an empty page: leave it out."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


def _fixed_zip(data: bytes) -> bytes:
    """The same parts, in name order ([Content_Types].xml first), with fixed zip metadata."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


# -- Building blocks ----------------------------------------------------------------------


@functools.cache
def _style_ids() -> dict[str, str]:
    """The id of each style used, read once from python-docx's template."""
    styles = Document().styles
    return {name: styles[name].style_id for name in STYLES}


def _paragraph(doc: DocxDocument, text: str = "") -> Paragraph:
    """`doc.add_paragraph(text)`, in constant time. python-docx looks for the body's section
    properties among all its paragraphs each time (to insert before them), which made a
    long report quadratic; they are always the body's last element."""
    body = doc.element.body
    if body[-1].tag != qn("w:sectPr"):
        return doc.add_paragraph(text)
    paragraph = Paragraph(OxmlElement("w:p"), doc)
    body[-1].addprevious(paragraph._p)
    if text:
        paragraph.add_run(text)
    return paragraph


def _styled(doc: DocxDocument, text: str, style: str) -> Paragraph:
    """`doc.add_paragraph(text, style)` without python-docx's search of every style by name
    for every paragraph, which took most of the render's time."""
    paragraph = _paragraph(doc, text)
    paragraph._p.style = _style_ids()[style]
    return paragraph


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph | None:
    if not text:  # an empty heading would be an empty entry in the navigation pane
        return None
    return _styled(doc, text, f"Heading {min(level, MAX_HEADING)}")


def _text(doc: DocxDocument, text: str, *, italic: bool = False) -> Paragraph:
    """One paragraph; line breaks inside it (a list of councils, say) stay line breaks."""
    paragraph = _paragraph(doc)
    run = paragraph.add_run(text)
    if italic:
        run.italic = True
    return paragraph


def _paragraphs(doc: DocxDocument, text: str) -> None:
    for part in w.paragraphs(text):
        _text(doc, part)


def _note(doc: DocxDocument, action: ReportAction) -> None:
    _text(doc, w.note_line(action), italic=True)


def _lead_in(doc: DocxDocument, text: str) -> None:
    _text(doc, text).paragraph_format.keep_with_next = True


def _bullets(doc: DocxDocument, lines: list[str]) -> None:
    if not lines:
        _text(doc, w.NONE)
    for line in lines:
        _styled(doc, line, "List Bullet")


def _numbered(doc: DocxDocument, lines: list[str]) -> None:
    """A numbered list that starts at 1: the style's numbering, restarted for this list."""
    style = doc.styles["List Number"]
    numbering = doc.part.numbering_part.element
    style_num = style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    for line in lines:
        paragraph = _styled(doc, line, "List Number")
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId


def _written(doc: DocxDocument, text: str) -> None:
    """The strategy office's text (`wording.text_parts`): subheadings, paragraphs, lists."""
    for part in w.text_parts(text):
        if part.kind == "heading":
            _heading(doc, part.lines[0], 2)
        elif part.kind == "numbered":
            _numbered(doc, list(part.lines))
        elif part.kind == "bullets":
            _bullets(doc, list(part.lines))
        else:
            _text(doc, "\n".join(part.lines))


def _action_list(doc: DocxDocument, actions: list[ReportAction], *, with_deadline=False) -> None:
    _bullets(doc, [w.listed(action, with_deadline=with_deadline) for action in actions])


def _table(
    doc: DocxDocument,
    head: list[str],
    rows: list[list[str]],
    *,
    widths: list[int],
    caption: str,
    bold_last: bool = False,
    size: Length | None = None,
) -> Table:
    """A table with a repeating header row; every column but the first holds numbers."""
    table = doc.add_table(rows=1 + len(rows), cols=len(head), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for index, (row, cells) in enumerate(zip(table.rows, [head, *rows], strict=True)):
        is_head = index == 0
        bold = is_head or (bold_last and index == len(rows))
        _row_properties(row, is_head)
        for column, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = widths[column]
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            if bold:
                run.bold = True
            if size:
                run.font.size = size
            if column:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if is_head:
                _shade(cell, HEADER_FILL)
    caption_element = OxmlElement("w:tblCaption")  # the table's name for screen readers
    caption_element.set(qn("w:val"), caption)
    table._tbl.tblPr.append(caption_element)
    return table


def _row_properties(row, is_head: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if is_head:
        properties.append(OxmlElement("w:tblHeader"))  # repeat on every page


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


# -- Sections, in render_markdown's order -------------------------------------------------


def _letterhead(doc: DocxDocument, report: Report) -> None:
    block = _paragraph(doc)
    block.add_run(report.municipality).bold = True
    block.add_run(
        "\n"
        + "\n".join([report.date_text, report.document_type.upper(), report.registration_number])
    )
    _paragraph(doc, w.addressee_line(report))
    _styled(doc, report.title, "Title")
    if report.subtitle:
        _styled(doc, report.subtitle, "Subtitle")


def _sections(doc: DocxDocument, report: Report) -> None:
    texts = report.texts
    _heading(doc, w.PROPOSAL_HEADING, 1)
    _paragraphs(doc, report.proposal)
    _heading(doc, w.SUMMARY_HEADING, 1)
    if w.text_parts(texts.summary):
        _written(doc, texts.summary)
    else:
        _text(doc, w.summary_sentence(report))
    if texts.include_statistics:
        _statistics(doc, report)
    if w.text_parts(texts.matter) or w.text_parts(texts.areas):
        _heading(doc, w.MATTER_HEADING, 1)
        _written(doc, texts.matter)
        _written(doc, texts.areas)
    _remaining(doc, report)
    _upcoming(doc, report)
    for heading, text in ((w.ECONOMY_HEADING, texts.economy), (w.OTHER_HEADING, texts.other)):
        if w.text_parts(text):
            _heading(doc, heading, 1)
            _written(doc, text)
    if texts.attachments:
        _heading(doc, w.ATTACHMENTS_HEADING, 1)
        _numbered(doc, texts.attachments)
    _signatures(doc, report)
    _appendix(doc, report)


def _statistics(doc: DocxDocument, report: Report) -> None:
    _heading(doc, w.STATISTICS_HEADING, 1)
    _lead_in(doc, w.summary_sentence(report))
    _status_table(doc, report)
    _heading(doc, w.THEMES_HEADING, 2)
    _theme_table(doc, report)
    _heading(doc, w.OVERDUE_HEADING, 2)
    _action_list(doc, report.overdue, with_deadline=True)
    _changes(doc, report)


def _status_table(doc: DocxDocument, report: Report) -> None:
    rows = [[count.label, str(count.count)] for count in w.shown_counts(report)]
    rows.append([w.TOTAL, str(report.total)])
    _table(
        doc,
        list(w.STATUS_COLUMNS),
        rows,
        widths=[Mm(70), Mm(25)],
        caption=w.STATUS_TABLE_CAPTION,
        bold_last=True,
    )


def _theme_table(doc: DocxDocument, report: Report) -> None:
    codes = w.shown_counts(report)
    head = [*w.THEME_FIRST_COLUMNS, *[code.label for code in codes], w.THEME_LAST_COLUMN]
    rows = []
    for theme in report.themes:
        counts = {count.code: count.count for count in theme.counts}
        rows.append(
            [
                "– " * (theme.level - 1) + theme.heading,
                str(theme.total),
                *[str(counts.get(code.code, 0)) for code in codes],
                str(theme.overdue),
            ]
        )
    _table(doc, head, rows, widths=_theme_widths(head), caption=w.THEMES_HEADING, size=SMALL)


def _theme_widths(head: list[str]) -> list[int]:
    """Number columns as wide as their label's longest word (9 pt bold); the theme takes the
    rest, but never less than THEME_MIN: with every status shown the numbers give way."""
    numbers = [Mm(max(14, round(1.7 * max(map(len, label.split())) + 4))) for label in head[1:]]
    room, wanted = TEXT_WIDTH - THEME_MIN, sum(numbers)
    if wanted > room:
        numbers = [width * room // wanted for width in numbers]
    return [TEXT_WIDTH - sum(numbers), *numbers]


def _changes(doc: DocxDocument, report: Report) -> None:
    _heading(doc, w.changes_heading(report), 2)
    changes = report.changes
    if not changes:
        _text(doc, w.NO_PREVIOUS)
        return
    _lead_in(doc, w.NEW_ACTIONS)
    _action_list(doc, changes.new)
    _lead_in(doc, w.CHANGED_STATUS)
    _bullets(doc, [f"{c.title}: {c.before} → {c.after}" for c in changes.status])
    _lead_in(doc, w.NEWLY_OVERDUE)
    _action_list(doc, changes.newly_overdue, with_deadline=True)


def _remaining(doc: DocxDocument, report: Report) -> None:
    _heading(doc, w.REMAINING_HEADING, 1)
    for action in report.remaining:
        _paragraphs(doc, action.text)
        if w.action_lines(action):
            _text(doc, w.action_lines(action))
        _note(doc, action)
    if not report.remaining:
        _text(doc, w.NO_REMAINING)


def _upcoming(doc: DocxDocument, report: Report) -> None:
    _heading(doc, w.UPCOMING_HEADING, 1)
    _blocks(doc, report.upcoming, appendix=False)
    if not report.upcoming:
        _text(doc, w.NO_UPCOMING)


def _signatures(doc: DocxDocument, report: Report) -> None:
    """Name, title and unit of each signatory, with room above to sign."""
    for person in report.texts.signatories:
        lines = [line for line in (person.name, person.title, person.unit) if line]
        paragraph = _text(doc, "\n".join(lines))
        paragraph.paragraph_format.space_before = Pt(30)
        paragraph.paragraph_format.keep_together = True


def _appendix(doc: DocxDocument, report: Report) -> None:
    heading = _styled(doc, w.APPENDIX_HEADING, "Heading 1")
    heading.paragraph_format.page_break_before = True  # the memo's Bilaga 1 starts a page
    _blocks(doc, report.appendix, appendix=True)
    if not report.appendix:
        _text(doc, w.NO_APPENDIX)


def _blocks(doc: DocxDocument, blocks: list[Block], *, appendix: bool) -> None:
    for block in blocks:
        _heading(doc, block.heading, block.level + 1)
        _paragraphs(doc, block.description)
        for action in block.actions:
            if action.title != block.heading and not appendix:
                _heading(doc, action.title, block.level + 2)
            _paragraphs(doc, action.text)
            if not appendix and w.action_lines(action):
                _text(doc, w.action_lines(action))
            if appendix or action.note:
                _note(doc, action)
