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

No Django: it reads only the plain `Report`. `docx_document` makes the document's frame
(page, font, styles, header, footer, zip); `docx_blocks` writes its paragraphs, lists and
tables; this module decides what goes where.
"""

from __future__ import annotations

import io

from docx.shared import Mm

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction
from styr.reports.docx_blocks import Body, Run
from styr.reports.docx_document import (
    FONT,
    SMALL,
    STYLES,
    TEXT_WIDTH,
    fixed_zip,
    new_document,
)

__all__ = ["FONT", "STYLES", "render_docx"]

THEME_MIN = Mm(45)  # the per-theme table's first column
SIGNATURE_ROOM = 600  # above a signature, in twentieths of a point (30 pt)


def render_docx(report: Report) -> bytes:
    doc = new_document(report)
    body = Body(doc)
    _letterhead(body, report)
    _sections(body, report)
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip(out.getvalue())


def _paragraphs(body: Body, text: str) -> None:
    for part in w.paragraphs(text):
        body.text(part)


def _note(body: Body, action: ReportAction) -> None:
    body.text(w.note_line(action), italic=True)


def _bullets(body: Body, lines: list[str]) -> None:
    body.bullets(lines, none=w.NONE)


def _action_list(body: Body, actions: list[ReportAction], *, with_deadline=False) -> None:
    _bullets(body, [w.listed(action, with_deadline=with_deadline) for action in actions])


def _written(body: Body, text: str) -> None:
    """The strategy office's text (`wording.text_parts`): subheadings, paragraphs, lists."""
    for part in w.text_parts(text):
        if part.kind == "heading":
            body.heading(part.lines[0], 2)
        elif part.kind == "numbered":
            body.numbered(list(part.lines))
        elif part.kind == "bullets":
            _bullets(body, list(part.lines))
        else:
            body.text("\n".join(part.lines))


# -- Sections, in render_markdown's order -------------------------------------------------


def _letterhead(body: Body, report: Report) -> None:
    lines = [report.date_text, report.document_type.upper(), report.registration_number]
    body.paragraph(Run(report.municipality, bold=True), "\n" + "\n".join(lines))
    body.paragraph(w.addressee_line(report))
    body.paragraph(report.title, style="Title")
    if report.subtitle:
        body.paragraph(report.subtitle, style="Subtitle")


def _sections(body: Body, report: Report) -> None:
    texts = report.texts
    body.heading(w.PROPOSAL_HEADING, 1)
    _paragraphs(body, report.proposal)
    body.heading(w.SUMMARY_HEADING, 1)
    if w.text_parts(texts.summary):
        _written(body, texts.summary)
    else:
        body.text(w.summary_sentence(report))
    if texts.include_statistics:
        _statistics(body, report)
    if w.text_parts(texts.matter) or w.text_parts(texts.areas):
        body.heading(w.MATTER_HEADING, 1)
        _written(body, texts.matter)
        _written(body, texts.areas)
    _remaining(body, report)
    _upcoming(body, report)
    for heading, text in ((w.ECONOMY_HEADING, texts.economy), (w.OTHER_HEADING, texts.other)):
        if w.text_parts(text):
            body.heading(heading, 1)
            _written(body, text)
    if texts.attachments:
        body.heading(w.ATTACHMENTS_HEADING, 1)
        body.numbered(texts.attachments)
    _signatures(body, report)
    _appendix(body, report)


def _statistics(body: Body, report: Report) -> None:
    body.heading(w.STATISTICS_HEADING, 1)
    body.text(w.summary_sentence(report), keep_with_next=True)
    _status_table(body, report)
    body.heading(w.THEMES_HEADING, 2)
    _theme_table(body, report)
    body.heading(w.OVERDUE_HEADING, 2)
    _action_list(body, report.overdue, with_deadline=True)
    _changes(body, report)


def _status_table(body: Body, report: Report) -> None:
    rows = [[count.label, str(count.count)] for count in w.shown_counts(report)]
    rows.append([w.TOTAL, str(report.total)])
    body.table(
        list(w.STATUS_COLUMNS),
        rows,
        widths=[Mm(70), Mm(25)],
        caption=w.STATUS_TABLE_CAPTION,
        bold_last=True,
    )


def _theme_table(body: Body, report: Report) -> None:
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
    body.table(head, rows, widths=_theme_widths(head), caption=w.THEMES_HEADING, size=SMALL)


def _theme_widths(head: list[str]) -> list[int]:
    """Number columns as wide as their label's longest word (9 pt bold); the theme takes the
    rest, but never less than THEME_MIN: with every status shown the numbers give way."""
    numbers: list[int] = [
        Mm(max(14, round(1.7 * max(map(len, label.split())) + 4))) for label in head[1:]
    ]
    room, wanted = TEXT_WIDTH - THEME_MIN, sum(numbers)
    if wanted > room:
        numbers = [width * room // wanted for width in numbers]
    return [TEXT_WIDTH - sum(numbers), *numbers]


def _changes(body: Body, report: Report) -> None:
    body.heading(w.changes_heading(report), 2)
    changes = report.changes
    if not changes:
        body.text(w.NO_PREVIOUS)
        return
    body.text(w.NEW_ACTIONS, keep_with_next=True)
    _action_list(body, changes.new)
    body.text(w.CHANGED_STATUS, keep_with_next=True)
    _bullets(body, [f"{c.title}: {c.before} → {c.after}" for c in changes.status])
    body.text(w.NEWLY_OVERDUE, keep_with_next=True)
    _action_list(body, changes.newly_overdue, with_deadline=True)


def _remaining(body: Body, report: Report) -> None:
    body.heading(w.REMAINING_HEADING, 1)
    for action in report.remaining:
        _paragraphs(body, action.text)
        if w.action_lines(action):
            body.text(w.action_lines(action))
        _note(body, action)
    if not report.remaining:
        body.text(w.NO_REMAINING)


def _upcoming(body: Body, report: Report) -> None:
    body.heading(w.UPCOMING_HEADING, 1)
    _blocks(body, report.upcoming, appendix=False)
    if not report.upcoming:
        body.text(w.NO_UPCOMING)


def _signatures(body: Body, report: Report) -> None:
    """Name, title and unit of each signatory, with room above to sign."""
    for person in report.texts.signatories:
        lines = [line for line in (person.name, person.title, person.unit) if line]
        body.text("\n".join(lines), space_before=SIGNATURE_ROOM, keep_together=True)


def _appendix(body: Body, report: Report) -> None:
    # The memo's Bilaga 1 starts a page.
    body.paragraph(w.APPENDIX_HEADING, style="Heading 1", page_break_before=True)
    _blocks(body, report.appendix, appendix=True)
    if not report.appendix:
        body.text(w.NO_APPENDIX)


def _blocks(body: Body, blocks: list[Block], *, appendix: bool) -> None:
    for block in blocks:
        body.heading(block.heading, block.level + 1)
        _paragraphs(body, block.description)
        for action in block.actions:
            if action.title != block.heading and not appendix:
                body.heading(action.title, block.level + 2)
            _paragraphs(body, action.text)
            if not appendix and w.action_lines(action):
                body.text(w.action_lines(action))
            if appendix or action.note:
                _note(body, action)
