"""Render a report's content as a PDF (A4) that a municipality can file: the memo's shape.

Sections, their order and their words are those of `render_markdown` (the reference) and
`styr.reports.wording`; nothing here reads the database.

What the PDF is:

- A4 pages with the memo's header block on page 1 (municipality; date, document type in
  capitals and registration number; addressee), then the title and subtitle, and on every
  page a footer with the registration number and "Sida N av M".
- Navigable: every heading (`##` and deeper in the Markdown) is a bookmark in the document
  outline at its level (`##` -> 0, `###` -> 1, a block of level L -> L, never jumping more
  than one level deeper than the heading before it, at most `MAX_OUTLINE_LEVEL`). The
  title is the document title (metadata, shown in the viewer's title bar), not a bookmark.
  The viewer opens with the outline panel.
- Real text: Liberation Sans (bundled in `fonts/`, embedded as subsets with a ToUnicode
  map), so all text, å ä ö – → included, can be searched, copied and extracted. Status notes
  are set in the italic face, headings in the bold face and larger.
- Metadata: /Lang sv-SE in the catalog, title, subject, author, keywords and creator in
  the document information, DisplayDocTitle in the viewer preferences.
- Reproducible: the creation date is the report's date (midnight, Europe/Stockholm), no
  modification date or XMP packet is written, fpdf2's document ID is an MD5 of the
  serialised file (hence of the content) plus that date, and font subsets get a fixed
  prefix: rendering the same Report twice gives identical bytes (with the same fpdf2 and
  fontTools versions).

What it is not: a tagged PDF, let alone PDF/UA. fpdf2 2.8 has no API for tagging text: its
structure tree (`fpdf/structure_tree.py`, internal) only holds /Figure elements for images
given alt text or title and for section titles drawn through `set_section_title_styles`,
and /Link elements, all flat under one /Document element; paragraphs, headings (as H1-H6),
lists and tables (Table/TR/TH/TD) are never tagged, and `DocumentCompliance` only knows
PDF/A. Using `set_section_title_styles` would therefore tag each heading as a *Figure* and
set /MarkInfo /Marked true while all other text stays untagged, which misleads assistive
technology; so headings are drawn here and only registered with `start_section`, and the
PDF has no structure tree at all. Screen readers get the text in content order (which is
reading order: one column, top to bottom; in the letterhead the municipality comes before
the date column), the language and the outline, but no semantic roles: table cells are
read row by row, with no header association.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from fpdf import FPDF, FPDF_VERSION
from fpdf.enums import PageMode, XPos, YPos
from fpdf.fonts import FontFace
from fpdf.prefs import ViewerPreferences

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "LiberationSans"
FONT_FILES = {
    "": "LiberationSans-Regular.ttf",
    "B": "LiberationSans-Bold.ttf",
    "I": "LiberationSans-Italic.ttf",
    "BI": "LiberationSans-BoldItalic.ttf",
}
TIME_ZONE = ZoneInfo("Europe/Stockholm")
LANGUAGE = "sv-SE"
CREATOR = "Styr"

# Sizes in points; lengths in millimetres.
BODY_SIZE = 11
SMALL_SIZE = 9
TITLE_SIZE = 18
SUBTITLE_SIZE = 13
HEADING_SIZES = (15, 13, 12, 11.5)  # outline level 0, 1, 2, 3 and deeper
MAX_OUTLINE_LEVEL = 4  # the Markdown stops at ######, i.e. block level 4
LINE = 1.35  # line height as a multiple of the font size
PARAGRAPH_GAP = 2.5
LIST_INDENT = 6
CELL_PADDING = 1.5
MARGINS = {"left": 25, "top": 20, "right": 20}
BOTTOM_MARGIN = 22
TEXT_COLOR = (0, 0, 0)
FOOTER_COLOR = (64, 64, 64)  # dark grey: contrast 10:1 on white
RULE_COLOR = (128, 128, 128)
HEADER_FILL = (230, 230, 230)

PAGES_ALIAS = "{nb}"


def page_line(page: int) -> str:
    return w.page_line(page, PAGES_ALIAS)


class MemoPDF(FPDF):
    """An A4 FPDF that knows the report's footer and keeps its outline coherent."""

    def __init__(self, report: Report):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self._last_level = -1

    def footer(self) -> None:
        self.set_y(-BOTTOM_MARGIN + 8)
        self.set_font(FAMILY, "", SMALL_SIZE)
        self.set_text_color(*FOOTER_COLOR)
        self.set_draw_color(*RULE_COLOR)
        # The page's own margins: a list may have indented l_margin when the page broke.
        left, right = MARGINS["left"], self.w - MARGINS["right"]
        self.line(left, self.get_y() - 1.5, right, self.get_y() - 1.5)
        width = (right - left) / 2
        self.set_x(left)
        self.cell(width, 5, self.report.registration_number, align="L")
        self.cell(width, 5, page_line(self.page_no()), align="R")
        self.set_text_color(*TEXT_COLOR)

    def outline_level(self, wanted: int) -> int:
        """`wanted`, but never more than one level below the previous bookmark."""
        level = max(0, min(wanted, self._last_level + 1, MAX_OUTLINE_LEVEL))
        self._last_level = level
        return level


# Setup -------------------------------------------------------------------------------------


def new_document(report: Report) -> MemoPDF:
    pdf = MemoPDF(report)
    for style, name in FONT_FILES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / name))
    pdf.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
    pdf.set_auto_page_break(True, BOTTOM_MARGIN)
    pdf.alias_nb_pages(PAGES_ALIAS)
    set_metadata(pdf, report)
    pdf.add_page()
    return pdf


def set_metadata(pdf: MemoPDF, report: Report) -> None:
    pdf.set_lang(LANGUAGE)
    pdf.set_title(report.title)
    pdf.set_subject(report.subtitle or report.title)
    pdf.set_author(report.municipality)
    pdf.set_keywords(
        f"{report.document_type.upper()} {report.registration_number} {report.date_text}"
    )
    pdf.set_creator(CREATOR)
    pdf.set_producer(f"fpdf2 {FPDF_VERSION}")
    pdf.set_creation_date(creation_date(report))
    pdf.set_display_mode("fullwidth", "continuous")
    pdf.page_mode = PageMode.USE_OUTLINES
    pdf.viewer_preferences = ViewerPreferences(
        display_doc_title=True, non_full_screen_page_mode=PageMode.USE_OUTLINES
    )


def creation_date(report: Report) -> dt.datetime:
    """The report's day, not the time of rendering: the same content gives the same file."""
    return dt.datetime.combine(dt.date.fromisoformat(report.date), dt.time(0), TIME_ZONE)


# Text primitives ---------------------------------------------------------------------------


def line_height(pdf: FPDF) -> float:
    return pdf.font_size * LINE


@contextmanager
def font(pdf: FPDF, style: str = "", size: float = BODY_SIZE) -> Iterator[None]:
    pdf.set_font(FAMILY, style, size)
    try:
        yield
    finally:
        pdf.set_font(FAMILY, "", BODY_SIZE)


def text_block(pdf: FPDF, text: str, *, style: str = "", size: float = BODY_SIZE) -> None:
    """One paragraph; line breaks inside it stay line breaks, long lines wrap."""
    with font(pdf, style, size):
        pdf.multi_cell(0, line_height(pdf), text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(PARAGRAPH_GAP)


def paragraphs(pdf: FPDF, text: str) -> None:
    for paragraph in w.paragraphs(text):
        text_block(pdf, paragraph)


def note(pdf: FPDF, action: ReportAction) -> None:
    """The status note in italics, as the memo writes it."""
    text_block(pdf, w.note_line(action), style="I")


def lead_in(pdf: FPDF, text: str) -> None:
    """A line that introduces a list ("Nya åtgärder:"): never alone at the foot of a page."""
    keep_with_next(pdf, 3 * BODY_SIZE / pdf.k * LINE + PARAGRAPH_GAP)
    text_block(pdf, text)


def keep_with_next(pdf: FPDF, height: float) -> None:
    """Start a new page unless `height` (a heading plus the lines after it) fits here."""
    if pdf.will_page_break(height):
        pdf.add_page()


def heading(pdf: MemoPDF, text: str, level: int) -> None:
    """A visible heading that is also a bookmark at `level` in the outline."""
    if not text:
        return
    level = pdf.outline_level(level)
    size = HEADING_SIZES[min(level, len(HEADING_SIZES) - 1)]
    space_before = 6 if level == 0 else 4
    with font(pdf, "B", size):
        height = line_height(pdf)
    keep_with_next(pdf, space_before + height + 3 * BODY_SIZE / pdf.k * LINE)
    if pdf.get_y() > pdf.t_margin:
        pdf.ln(space_before)
    pdf.start_section(text, level)
    with font(pdf, "B", size):
        pdf.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def bullets(pdf: FPDF, items: list[str]) -> None:
    """A list with hanging bullets; an empty list says "Inga."."""
    if not items:
        text_block(pdf, w.NONE)
        return
    left = pdf.l_margin
    for item in items:
        pdf.set_x(left)
        pdf.cell(LIST_INDENT, line_height(pdf), "•", new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_left_margin(left + LIST_INDENT)
        try:
            pdf.multi_cell(
                0, line_height(pdf), item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        finally:
            pdf.set_left_margin(left)
        pdf.ln(1)
    pdf.set_x(left)
    pdf.ln(PARAGRAPH_GAP - 1)


def action_list(pdf: FPDF, actions: list[ReportAction], *, with_deadline: bool = False) -> None:
    bullets(pdf, [w.listed(a, with_deadline=with_deadline) for a in actions])


# Tables ------------------------------------------------------------------------------------


def table(
    pdf: FPDF,
    rows: list[list[str]],
    *,
    col_widths: tuple[float, ...],
    width: float,
    size: float,
    bold_last: bool = False,
) -> None:
    """A real fpdf2 table: bordered, the first row a header repeated on every page it spans."""
    with (
        font(pdf, "", size),
        pdf.table(
            width=width,
            col_widths=col_widths,
            align="LEFT",
            text_align=("LEFT", *["RIGHT"] * (len(rows[0]) - 1)),
            v_align="MIDDLE",
            line_height=line_height(pdf),
            padding=(1, CELL_PADDING),
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
            repeat_headings=1,
            first_row_as_headings=True,
        ) as grid,
    ):
        for number, cells in enumerate(rows):
            total_row = bold_last and number == len(rows) - 1
            grid.row(cells, style=FontFace(emphasis="BOLD") if total_row else None)
    pdf.ln(PARAGRAPH_GAP + 1)


def status_table(pdf: FPDF, report: Report) -> None:
    rows = [list(w.STATUS_COLUMNS)]
    rows += [[c.label, str(c.count)] for c in w.shown_counts(report)]
    rows.append([w.TOTAL, str(report.total)])
    table(pdf, rows, col_widths=(3, 1), width=100, size=BODY_SIZE, bold_last=True)


def theme_table(pdf: FPDF, report: Report) -> None:
    codes = w.shown_counts(report)
    rows = [[*w.THEME_FIRST_COLUMNS, *[c.label for c in codes], w.THEME_LAST_COLUMN]]
    for theme in report.themes:
        counts = {c.code: c.count for c in theme.counts}
        rows.append(
            [
                "– " * (theme.level - 1) + theme.heading,
                str(theme.total),
                *[str(counts.get(c.code, 0)) for c in codes],
                str(theme.overdue),
            ]
        )
    table(pdf, rows, col_widths=theme_widths(pdf, rows[0]), width=pdf.epw, size=SMALL_SIZE)


def theme_widths(pdf: FPDF, head: list[str]) -> tuple[float, ...]:
    """Number columns just wide enough for their longest header word; the theme gets the rest."""
    with font(pdf, "B", SMALL_SIZE):
        numbers = [
            max(pdf.get_string_width(word) for word in label.split()) + 2 * CELL_PADDING + 1
            for label in head[1:]
        ]
    return (pdf.epw - sum(numbers), *numbers)


# Sections, in render_markdown's order ------------------------------------------------------


def header_block(pdf: MemoPDF, report: Report) -> None:
    """The memo's letterhead: municipality left; date, document type and number right."""
    top = pdf.get_y()
    with font(pdf, "B", SUBTITLE_SIZE):
        pdf.cell(pdf.epw / 2, line_height(pdf), report.municipality)
    right = pdf.l_margin + pdf.epw * 0.55
    pdf.set_xy(right, top)
    column = pdf.w - pdf.r_margin - right
    for text, style in (
        (report.date_text, ""),
        (report.document_type.upper(), "B"),
        (report.registration_number, ""),
    ):
        with font(pdf, style, BODY_SIZE):
            pdf.set_x(right)
            pdf.cell(column, line_height(pdf), text, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_x(pdf.l_margin)
    pdf.ln(10)
    text_block(pdf, w.addressee_line(report))
    pdf.ln(4)
    text_block(pdf, report.title, style="B", size=TITLE_SIZE)
    if report.subtitle:
        text_block(pdf, report.subtitle, size=SUBTITLE_SIZE)


def proposal(pdf: MemoPDF, report: Report) -> None:
    heading(pdf, w.PROPOSAL_HEADING, 0)
    text_block(pdf, report.proposal)


def summary(pdf: MemoPDF, report: Report) -> None:
    heading(pdf, w.SUMMARY_HEADING, 0)
    text_block(pdf, w.summary_sentence(report))
    status_table(pdf, report)
    heading(pdf, w.THEMES_HEADING, 1)
    theme_table(pdf, report)
    heading(pdf, w.OVERDUE_HEADING, 1)
    action_list(pdf, report.overdue, with_deadline=True)
    changes(pdf, report)


def changes(pdf: MemoPDF, report: Report) -> None:
    heading(pdf, w.changes_heading(report), 1)
    if not report.changes:
        text_block(pdf, w.NO_PREVIOUS)
        return
    found = report.changes
    lead_in(pdf, w.NEW_ACTIONS)
    action_list(pdf, found.new)
    lead_in(pdf, w.CHANGED_STATUS)
    bullets(pdf, [f"{c.title}: {c.before} → {c.after}" for c in found.status])
    lead_in(pdf, w.NEWLY_OVERDUE)
    action_list(pdf, found.newly_overdue, with_deadline=True)


def remaining(pdf: MemoPDF, report: Report) -> None:
    heading(pdf, w.REMAINING_HEADING, 0)
    for action in report.remaining:
        heading(pdf, action.title, 1)
        paragraphs(pdf, action.text)
        text_block(pdf, w.people_line(action))
        note(pdf, action)
    if not report.remaining:
        text_block(pdf, w.NO_REMAINING)


def blocks(pdf: MemoPDF, items: list[Block], *, appendix: bool) -> None:
    for block in items:
        heading(pdf, block.heading, block.level)
        for action in block.actions:
            if action.title != block.heading and not appendix:
                keep_with_next(pdf, 4 * line_height(pdf))
                text_block(pdf, action.title, style="B")
            paragraphs(pdf, action.text)
            if appendix:
                note(pdf, action)
            else:
                line = " ".join(filter(None, [w.people_line(action), w.deadline_line(action)]))
                text_block(pdf, line)


def upcoming(pdf: MemoPDF, report: Report) -> None:
    heading(pdf, w.UPCOMING_HEADING, 0)
    blocks(pdf, report.upcoming, appendix=False)
    if not report.upcoming:
        text_block(pdf, w.NO_UPCOMING)


def appendix(pdf: MemoPDF, report: Report) -> None:
    """Bilaga 1 starts on a page of its own, as an appendix does in the memo."""
    pdf.add_page()
    heading(pdf, w.APPENDIX_HEADING, 0)
    blocks(pdf, report.appendix, appendix=True)
    if not report.appendix:
        text_block(pdf, w.NO_APPENDIX)


def render_pdf(report: Report) -> bytes:
    pdf = new_document(report)
    header_block(pdf, report)
    proposal(pdf, report)
    summary(pdf, report)
    remaining(pdf, report)
    upcoming(pdf, report)
    appendix(pdf, report)
    return bytes(pdf.output())
