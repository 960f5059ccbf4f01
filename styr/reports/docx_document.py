"""A Word document's frame for the lägesrapport: page, language, font, styles, properties,
header and footer, and the reproducible zip it is saved as (see `render_docx` for what the
document guarantees). No Django.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from styr.reports import wording as w
from styr.reports.content import Report

LANGUAGE = "sv-SE"
PRODUCER = "Styr"  # core property "last modified by": the same for every render
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest time; no clock involved

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_SIDE, MARGIN_TOP = Mm(25), Mm(20)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
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
HEADER_SEPARATOR = " · "


def new_document(report: Report) -> DocxDocument:
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


def fixed_zip(data: bytes) -> bytes:
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
