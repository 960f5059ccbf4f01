"""The building blocks of the Word report's body: paragraphs, lists and tables.

Paragraphs are written as WordprocessingML elements directly, in the schema's order, just
before the body's section properties. python-docx builds the same XML through its object
model, where every run, property and piece of text is placed by searching its siblings
and the text is split character by character: most of five seconds for a plan of 2,000
actions. The XML is the same either way (the report's bytes did not change); text that
is not allowed in XML (a control character) is refused by lxml as python-docx did.

No Django.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from lxml import etree

from styr.reports.docx_document import MAX_HEADING, STYLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
HEADER_FILL = "E7E6E6"


@dataclass(frozen=True)
class Run:
    """Text with one look; a line break in it is a line break (w:br), a tab a tab."""

    text: str
    bold: bool = False
    italic: bool = False


@functools.cache
def style_ids() -> dict[str, str]:
    """The id of each style used, read once from python-docx's template."""
    styles = Document().styles
    return {name: styles[name].style_id for name in STYLES}


class Body:
    """Writes the body of `doc`, in order, before its section properties."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self._end = doc.element.body[-1]  # the body ends with its section properties

    def paragraph(
        self,
        *runs: str | Run,
        style: str = "",
        keep_with_next: bool = False,
        keep_together: bool = False,
        page_break_before: bool = False,
        space_before: int = 0,
        num_id: int | None = None,
    ) -> etree._Element:
        """Append a paragraph of `runs` (none: an empty paragraph) to the body. `style` is a
        style's name (one of STYLES); `space_before` is in twentieths of a point."""
        p = etree.Element(W + "p")
        properties = [
            (W + "keepNext", keep_with_next),
            (W + "keepLines", keep_together),
            (W + "pageBreakBefore", page_break_before),
        ]
        if style or space_before or num_id is not None or any(on for _, on in properties):
            ppr = etree.SubElement(p, W + "pPr")
            if style:
                etree.SubElement(ppr, W + "pStyle").set(W + "val", style_ids()[style])
            for tag, on in properties:
                if on:
                    etree.SubElement(ppr, tag)
            if num_id is not None:
                numbering = etree.SubElement(ppr, W + "numPr")
                etree.SubElement(numbering, W + "numId").set(W + "val", str(num_id))
            if space_before:
                etree.SubElement(ppr, W + "spacing").set(W + "before", str(space_before))
        for run in runs:
            _run(p, run if isinstance(run, Run) else Run(run))
        self._end.addprevious(p)
        return p

    def heading(self, text: str, level: int) -> etree._Element | None:
        if not text:  # an empty heading would be an empty entry in the navigation pane
            return None
        return self.paragraph(text, style=f"Heading {min(level, MAX_HEADING)}")

    def text(self, text: str, *, italic: bool = False, **layout) -> etree._Element:
        """One paragraph; line breaks inside it (a list of councils, say) stay line breaks."""
        return self.paragraph(Run(text, italic=italic), **layout)

    def bullets(self, lines: list[str], *, none: str) -> None:
        """A bulleted list; an empty one is the paragraph `none`."""
        if not lines:
            self.text(none)
        for line in lines:
            self.paragraph(*([line] if line else []), style="List Bullet")

    def numbered(self, lines: list[str]) -> None:
        """A numbered list that starts at 1: the style's numbering, restarted for this list."""
        style = self.doc.styles["List Number"]
        numbering = self.doc.part.numbering_part.element
        style_num = style.element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        for line in lines:
            self.paragraph(*([line] if line else []), style="List Number", num_id=num.numId)

    def table(
        self,
        head: list[str],
        rows: list[list[str]],
        *,
        widths: list[int],
        caption: str,
        bold_last: bool = False,
        size: Length | None = None,
    ) -> Table:
        """A table with a repeating header row; every column but the first holds numbers."""
        grid = self.doc.add_table(rows=1 + len(rows), cols=len(head), style="Table Grid")
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid.autofit = False
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        for index, (row, cells) in enumerate(zip(grid.rows, [head, *rows], strict=True)):
            is_head = index == 0
            bold = is_head or (bold_last and index == len(rows))
            _row_properties(row, is_head)
            for column, (cell, value) in enumerate(zip(row.cells, cells, strict=True)):
                cell.width = widths[column]
                inside = cell.paragraphs[0]
                run = inside.add_run(value)
                if bold:
                    run.bold = True
                if size:
                    run.font.size = size
                if column:
                    inside.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if is_head:
                    _shade(cell, HEADER_FILL)
        caption_element = OxmlElement("w:tblCaption")  # the table's name for screen readers
        caption_element.set(qn("w:val"), caption)
        grid._tbl.tblPr.append(caption_element)
        return grid


def _run(p: etree._Element, run: Run) -> None:
    r = etree.SubElement(p, W + "r")
    if run.bold or run.italic:
        rpr = etree.SubElement(r, W + "rPr")
        if run.bold:
            etree.SubElement(rpr, W + "b")
        if run.italic:
            etree.SubElement(rpr, W + "i")
    for index, line in enumerate(run.text.replace("\r", "\n").split("\n")):
        if index:
            etree.SubElement(r, W + "br")
        for position, part in enumerate(line.split("\t")):
            if position:
                etree.SubElement(r, W + "tab")
            if part:
                t = etree.SubElement(r, W + "t")
                t.text = part
                if part.strip() != part:
                    t.set(XML_SPACE, "preserve")


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
