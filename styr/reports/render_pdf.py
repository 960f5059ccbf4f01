"""Render a report's content as a tagged PDF (PDF/UA-1) that a municipality can file.

Sections, their order and their words are those of `render_markdown` (the reference) and
`styr.reports.wording`; nothing here reads the database. `document` lays the report out as
plain data (headings, paragraphs, lists, tables, in reading order); Typst, through its
Python package, typesets that data with the template `report.typ`, in a child process
(`typeset.py`).

What the PDF is:

- A4 pages with the memo's letterhead on page 1 (municipality; date, document type in
  capitals and registration number; addressee), then the title and subtitle, and on every
  page a footer with the registration number and "Sida N av M". Bilaga 1 starts a page.
- Tagged, and identified as PDF/UA-1 (Typst checks the rules it can and refuses to write a
  file that breaks them): a structure tree in reading order, headings as H1…H6 (never
  skipping a level, which PDF/UA forbids: `Outline` keeps them consecutive), paragraphs,
  lists (L/LI/Lbl/LBody), tables with header cells (TH, scope column) repeated on every
  page they span; the footers are artifacts. Document language sv-SE, the title in the
  metadata and shown in the viewer's title bar, every heading a bookmark.
- Real text: Liberation Sans (bundled in `fonts/`; system fonts are ignored so that every
  machine sets the same lines), embedded as subsets with a ToUnicode map, so all text,
  å ä ö – → included, can be searched, copied and extracted. Status notes are italic. A
  character the font lacks (an emoji, say) is drawn as `MISSING` (□): PDF/UA forbids a
  missing glyph, and one odd character must not stop the file.
- Safe: every word from the content reaches Typst as JSON data and is placed as a string,
  so no title, note or name is ever read as Typst markup or code.
- Reproducible: the document date is the report's day (midnight UTC), not the time of
  rendering; the same Report gives identical bytes (with the same Typst version).

What it is not: checked by veraPDF here (no Java in the toolchain); Typst's own PDF/UA-1
checks run on every render. Tables have no summary (Typst 0.15 has no way to give one);
each follows its heading or the sentence that introduces it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from fontTools.ttLib import TTFont

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction

HERE = Path(__file__).resolve().parent
FONT_DIR = HERE / "fonts"
TEMPLATE = HERE / "report.typ"
TYPESET = HERE / "typeset.py"
# A report of 2,000 actions takes about 0.6 s; a minute means something is wrong.
TYPESET_SECONDS = 60
FONT = "Liberation Sans"
LANGUAGE, REGION = "sv", "SE"
PDF_STANDARD = "ua-1"
MAX_HEADING = 6
# Drawn for a character the bundled font lacks (an emoji, say): PDF/UA forbids a missing
# glyph, so Typst would refuse the whole file, and one odd character must not do that.
MISSING = "□"

Node = dict[str, object]


class TypesetError(RuntimeError):
    """Typst refused the document, or did not finish in time."""


def render_pdf(report: Report) -> bytes:
    """The report as PDF, typeset by Typst in a child process (`typeset.py` says why)."""
    job = {
        "template": str(TEMPLATE),
        "root": str(HERE),
        "fonts": str(FONT_DIR),
        "standard": PDF_STANDARD,
        "timestamp": document_date(report).isoformat(),
        "report": as_json(document(report)),
    }
    try:
        done = subprocess.run(
            [sys.executable, str(TYPESET)],
            input=json.dumps(job, ensure_ascii=False).encode(),
            capture_output=True,
            timeout=TYPESET_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise TypesetError(f"Typst did not finish the PDF in {TYPESET_SECONDS} s") from error
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise TypesetError(f"Typst could not typeset the PDF: {message}")
    return done.stdout


def document_date(report: Report) -> dt.datetime:
    """The report's day, not the time of rendering: the same content gives the same file.
    Midnight UTC, as in the Word file: PDF readers show the day as it is written."""
    return dt.datetime.combine(dt.date.fromisoformat(report.date), dt.time(0), dt.UTC)


@functools.cache
def font_characters() -> frozenset[int]:
    """The code points every bundled face can draw, less the invisible format characters."""
    faces = [TTFont(path)["cmap"].getBestCmap() for path in sorted(FONT_DIR.glob("*.ttf"))]
    common = frozenset.intersection(*(frozenset(face) for face in faces))
    return frozenset(c for c in common if unicodedata.category(chr(c)) != "Cf")


PRINTABLE_ASCII_DRAWN = frozenset(range(0x20, 0x7F)) <= font_characters()


# A backslash in the JSON text that escapes something other than a quote, a backslash or a
# line break: a tab, a control character (both for `drawable` to look at).
OTHER_ESCAPE = re.compile(r'\\[^"\\n]')


def as_json(value) -> str:
    """`value` as JSON for the template, every string `drawable`. A report rarely holds a
    character to replace: the whole text is checked at once, and only if it does hold one is
    each string looked at (a report of 2,000 actions has some 20,000 strings)."""
    text = json.dumps(value, ensure_ascii=False)
    if (
        not OTHER_ESCAPE.search(text)
        and unicodedata.is_normalized("NFC", text)
        and font_characters().issuperset(map(ord, set(text)))
    ):
        return text
    return json.dumps(drawable(value), ensure_ascii=False)


def drawable(value):
    """`value` (strings, lists and dicts of them) with every character the font cannot draw
    replaced by `MISSING`. Letters with combining accents are composed first (e + ´ → é), a
    tab is a space, line breaks stay, and invisible format characters (zero-width space,
    soft hyphen) go: the font has no glyph for them, and Typst's stand-in would spoil the
    text extracted from the PDF."""
    if isinstance(value, dict):
        return {key: drawable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [drawable(item) for item in value]
    if not isinstance(value, str):
        return value
    if value.isascii() and value.isprintable() and PRINTABLE_ASCII_DRAWN:
        return value  # most of a report: nothing to compose, replace or leave out
    known = font_characters()
    text = unicodedata.normalize("NFC", value)
    if known.issuperset(map(ord, text)):
        return text
    return "".join(_drawn(c, known) for c in text)


def _drawn(character: str, known: frozenset[int]) -> str:
    if ord(character) in known or character == "\n":
        return character
    if character == "\t":
        return " "
    return "" if unicodedata.category(character) == "Cf" else MISSING


def document(report: Report) -> dict[str, object]:
    """The whole PDF as data: the metadata and letterhead, then the body in reading order."""
    return {"meta": meta(report), "body": body(report)}


def meta(report: Report) -> dict[str, object]:
    document_type = report.document_type.upper()
    return {
        "title": report.title,
        "subject": report.subtitle or report.title,
        "author": [report.municipality],
        "keywords": [document_type, report.registration_number, report.date_text],
        "lang": LANGUAGE,
        "region": REGION,
        "font": FONT,
        "municipality": report.municipality,
        "date_text": report.date_text,
        "document_type": document_type,
        "registration_number": report.registration_number,
        "addressee": w.addressee_line(report),
        "subtitle": report.subtitle,
        "page_line": w.page_line("{page}", "{pages}"),
    }


class Outline:
    """The body's nodes, with heading levels that never skip one on the way down."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self._level = 0

    def heading(self, text: str, level: int) -> None:
        if not text:  # an empty heading would be an empty bookmark
            return
        self._level = max(1, min(level, self._level + 1, MAX_HEADING))
        self.nodes.append({"kind": "heading", "level": self._level, "text": text})

    def paragraph(self, text: str, *, italic: bool = False, lead: bool = False) -> None:
        """One paragraph; line breaks inside it stay line breaks."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            self.nodes.append({"kind": "paragraph", "lines": lines, "italic": italic, "lead": lead})

    def paragraphs(self, text: str) -> None:
        for paragraph in w.paragraphs(text):
            self.paragraph(paragraph)

    def items(self, items: list[str], *, numbered: bool = False) -> None:
        """A list; an empty one says "Inga."."""
        if items:
            self.nodes.append({"kind": "list", "numbered": numbered, "items": items})
        else:
            self.paragraph(w.NONE)

    def written(self, text: str, *, level: int = 2) -> None:
        """The strategy office's text: subheadings, paragraphs and lists."""
        for part in w.text_parts(text):
            if part.kind == "heading":
                self.heading(part.lines[0], level)
            elif part.kind in ("numbered", "bullets"):
                self.items(list(part.lines), numbered=part.kind == "numbered")
            else:
                self.paragraph("\n".join(part.lines))

    def table(
        self,
        head: list[str],
        rows: list[list[str]],
        *,
        columns: Sequence[Mapping[str, float]],
        small: bool = False,
        bold_last: bool = False,
    ) -> None:
        self.nodes.append(
            {
                "kind": "table",
                "head": head,
                "rows": rows,
                "columns": columns,
                "small": small,
                "bold_last": bold_last,
            }
        )

    def signature(self, lines: list[str]) -> None:
        self.nodes.append({"kind": "signature", "lines": lines})

    def page_break(self) -> None:
        self.nodes.append({"kind": "pagebreak"})


# Sections, in render_markdown's order ------------------------------------------------------


def body(report: Report) -> list[Node]:
    out = Outline()
    texts = report.texts
    out.heading(w.PROPOSAL_HEADING, 1)
    out.paragraphs(report.proposal)
    out.heading(w.SUMMARY_HEADING, 1)
    if w.text_parts(texts.summary):
        out.written(texts.summary)
    else:
        out.paragraph(w.summary_sentence(report))
    if texts.include_statistics:
        out.heading(w.STATISTICS_HEADING, 1)
        statistics(out, report)
    if w.text_parts(texts.matter) or w.text_parts(texts.areas):
        out.heading(w.MATTER_HEADING, 1)
        out.written(texts.matter)
        out.written(texts.areas)
    out.heading(w.REMAINING_HEADING, 1)
    remaining(out, report)
    out.heading(w.UPCOMING_HEADING, 1)
    blocks(out, report.upcoming, appendix=False)
    if not report.upcoming:
        out.paragraph(w.NO_UPCOMING)
    for heading, text in ((w.ECONOMY_HEADING, texts.economy), (w.OTHER_HEADING, texts.other)):
        if w.text_parts(text):
            out.heading(heading, 1)
            out.written(text)
    if texts.attachments:
        out.heading(w.ATTACHMENTS_HEADING, 1)
        out.items(texts.attachments, numbered=True)
    for person in texts.signatories:
        out.signature([line for line in (person.name, person.title, person.unit) if line])
    out.page_break()  # Bilaga 1 starts a page of its own, as in the memo
    out.heading(w.APPENDIX_HEADING, 1)
    blocks(out, report.appendix, appendix=True)
    if not report.appendix:
        out.paragraph(w.NO_APPENDIX)
    return out.nodes


def statistics(out: Outline, report: Report) -> None:
    out.paragraph(w.summary_sentence(report), lead=True)
    status_table(out, report)
    out.heading(w.THEMES_HEADING, 2)
    theme_table(out, report)
    out.heading(w.OVERDUE_HEADING, 2)
    action_list(out, report.overdue, with_deadline=True)
    out.heading(w.changes_heading(report), 2)
    changes = report.changes
    if not changes:
        out.paragraph(w.NO_PREVIOUS)
        return
    out.paragraph(w.NEW_ACTIONS, lead=True)
    action_list(out, changes.new)
    out.paragraph(w.CHANGED_STATUS, lead=True)
    out.items([f"{c.title}: {c.before} → {c.after}" for c in changes.status])
    out.paragraph(w.NEWLY_OVERDUE, lead=True)
    action_list(out, changes.newly_overdue, with_deadline=True)


def status_table(out: Outline, report: Report) -> None:
    rows = [[c.label, str(c.count)] for c in w.shown_counts(report)]
    rows.append([w.TOTAL, str(report.total)])
    out.table(list(w.STATUS_COLUMNS), rows, columns=[{"mm": 75}, {"mm": 25}], bold_last=True)


def theme_table(out: Outline, report: Report) -> None:
    """The theme takes the room the number columns leave."""
    codes = w.shown_counts(report)
    head = [*w.THEME_FIRST_COLUMNS, *[c.label for c in codes], w.THEME_LAST_COLUMN]
    rows = []
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
    out.table(head, rows, columns=[{"fr": 1}] + [{"word": True}] * (len(head) - 1), small=True)


def action_list(out: Outline, actions: list[ReportAction], *, with_deadline: bool = False) -> None:
    out.items([w.listed(a, with_deadline=with_deadline) for a in actions])


def note(out: Outline, action: ReportAction) -> None:
    """The status note in italics, as the memo writes it."""
    out.paragraph(w.note_line(action), italic=True)


def remaining(out: Outline, report: Report) -> None:
    for action in report.remaining:
        out.paragraphs(action.text)
        out.paragraph(w.action_lines(action))
        note(out, action)
    if not report.remaining:
        out.paragraph(w.NO_REMAINING)


def blocks(out: Outline, items: list[Block], *, appendix: bool) -> None:
    for block in items:
        out.heading(block.heading, block.level + 1)
        out.paragraphs(block.description)
        for action in block.actions:
            if action.title != block.heading and not appendix:
                out.heading(action.title, block.level + 2)
            out.paragraphs(action.text)
            if not appendix:
                out.paragraph(w.action_lines(action))
            if appendix or action.note:
                note(out, action)
