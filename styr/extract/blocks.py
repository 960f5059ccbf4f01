"""Text -> blocks with character offsets: the first step of reading a plan document.

A block is a heading, a list item, a table row, a "label – person" line or a paragraph, with
the [start, end) offsets of its source in the text, so every action found in it can point
back to where it was read. The rules are about how documents reach us, not one file:

- the archive's first line ``# source: URL`` is not part of the document;
- blocks are separated by blank lines or page breaks (form feeds); inside a block, a line
  with a list marker (``•``, ``-``, ``1.``, ``3)``) starts a list item, and the lines after
  it continue the item until one ends a sentence and is clearly shorter than the others
  (hard-wrapped text copied out of a PDF keeps one line per printed line);
- a hard-wrapped block without blank lines (a PDF or a web page flattened to text) is split
  into paragraphs the same way, and a short line of its own between them is a heading;
- a word hyphenated across a line break by the transcription ("regiondi-\\nrektören", or
  "regiondi- rektören" once the line breaks became spaces) is mended; "mål- och resultat"
  keeps its hyphen;
- a paragraph broken by a page break (it ends mid-sentence and the next block starts in
  lower case) is joined again, unless it introduces a list ("Utredaren ska bland annat");
- page numbers and running heads such as ``2 (12)`` or ``Sida 1 (1)`` are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from styr.extract import records, tables
from styr.extract import status as status_notes
from styr.extract.inline_lists import inline_items

_SOURCE_LINE = re.compile(r"#\s*source:[^\n]*\n?", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.DOTALL)
LIST_MARKER = re.compile(
    r"^\s*(?:[-•*–·▪◦●]\s*(?=\S)|(?:\d{1,3}|[a-z])[.)]\s+(?=\S)|"
    # "Uppdrag 1.2", "Åtgärd 4:", "1.2", "1:1" (a flattened table's row numbers)
    r"(?:uppdrag|åtgärd|aktivitet|insats)\s+\d{1,3}(?:[.:]\d{1,3})*:?\s+(?=\S)|"
    r"\d{1,2}[.:]\d{1,2}\.?\s+(?=[A-ZÅÄÖa-zåäö]))",
    re.IGNORECASE,
)
_TABLE_ROW = re.compile(r"^\|.*\|$")
_LABEL_LINE = re.compile(
    r"^[A-ZÅÄÖ][^.–]{1,80}\s[–-]\s[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\s[A-ZÅÄÖ]"
)
_WORD_CHAR = re.compile(r"\w")  # compiled once: tested on every line and block
# A line's words without the spaces around them (space, tab, \r, no-break and zero-width
# space), or a form feed (a page break): one match per line that has words.
_LINE_WORDS = re.compile(r"[^\n\f \t\r\u00a0\u200b](?:[^\n\f]*[^\n\f \t\r\u00a0\u200b])?|\f")
# How a line or block ends (compiled once: re.search with a string looks its pattern up per call)
_STOP_END = re.compile(r"[.!?:;,]\**$")
_OPEN_LINE_END = re.compile(r"[.!?:;,]$")
_CLOSED = re.compile(r"[.!?:]\**$")
_SENTENCE_END = re.compile(r"[.!?]$")
# "2 (12)", "Sida 1 (1)", "3(12)", "1 of 16": page numbers, never part of the text.
_PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d{1,3}\s*\(\d{1,3}\)$|^\d{1,3} of \d{1,3}$", re.I)
# Words that follow a hyphen in "mål- och resultatstyrning": the hyphen is the writer's.
_KEEP_HYPHEN = r"(?:och|eller|samt|respektive|resp|till|som|men)\b"
# Each starts with its hyphen and looks behind it after: a pattern that starts with a literal is
# searched for that literal alone, not tried at every character (the same matches).
_LINE_HYPHEN = re.compile(r"-(?<=[a-zåäöéü]-)[ \t]*\n[ \t]*(?=[a-zåäöéü])(?!" + _KEEP_HYPHEN + ")")
_INLINE_HYPHEN = re.compile(r"- (?<=[a-zåäöéü]{2}- )(?=[a-zåäöéü]{2})(?!" + _KEEP_HYPHEN + ")")
# A lead-in that the following lower-case paragraphs complete as list items.
LIST_LEAD = re.compile(r"(?:\bbland annat|\bbl\.\s?a\.?|\bföljande|:|;)\s*$", re.IGNORECASE)


def ends_as_lead(text: str) -> bool:
    """`LIST_LEAD.search(text)`, searched from where a match can start: a lead-in word of at
    most 11 characters ends where the text's trailing white space begins (searching from a
    position, the pattern still sees the character before it for its word boundary)."""
    end = len(text.rstrip())
    if not end or text[end - 1] not in ".:;aAeEtT":  # how "bl.a", "följande" … end
        return False
    return LIST_LEAD.search(text, max(0, end - 14)) is not None


@dataclass
class Block:
    text: str  # the block's words, lines joined and hyphenation mended
    start: int  # [start, end) of its source in the text
    end: int
    kind: str = "paragraph"  # paragraph | heading | item | label | table
    level: int = 0
    marker: str | None = None  # a list item's marker as written: "•", "1.", "3."


def normalise(raw: str) -> str:
    """The words of a piece of source text: line breaks and hyphenation mended, spaces single."""
    if "-" not in raw:  # nothing to mend: the common case, kept cheap
        return " ".join(raw.split())
    if "\n" in raw:  # a hyphen at a line's end ("2024-2026" has none)
        raw = _LINE_HYPHEN.sub("", raw.replace("\f", " ").replace("\u00a0", " "))
    text = " ".join(raw.split())
    return _INLINE_HYPHEN.sub("", text) if "- " in text else text


def body_start(text: str) -> int:
    """Where the document proper starts: after an archive's ``# source:`` line."""
    match = _SOURCE_LINE.match(text)
    return match.end() if match else 0


def blocks(text: str) -> list[Block]:
    """The blocks of a document in order, page breaks mended, each with its source offsets."""
    result: list[Block] = []
    for group in _line_groups(text):
        if len(group) == 1:
            # A line of its own (most blocks): one piece, no slide, no att-clauses (two needed).
            for start, end in inline_items(text, *group[0]):
                block = _classify(text, start, end)
                if block is not None:
                    result.append(block)
            continue
        lines = [text[s:e] for s, e in group]
        slide = _slide(lines)
        pieces = [
            inline for piece in _pieces(text, group, slide) for inline in inline_items(text, *piece)
        ]
        for start, end in pieces:
            block = _classify(text, start, end)
            if block is None:
                continue
            if (
                block.text.startswith("att")
                and ATT_CLAUSE.match(block.text)
                and _att_clauses(lines)
            ):
                block.kind, block.marker = "item", "att"
                block.text = ATT_CLAUSE.sub("", block.text)
            elif slide and start != group[0][0]:
                block.kind, block.marker = "item", ""
            result.append(block)
    return _label_values(_mend_page_breaks(text, result))


def _label_values(found: list[Block]) -> list[Block]:
    """A label on a line of its own ("Åtgärdsstatus") and its value below: one field."""
    joined: list[Block] = []
    for block in found:
        previous = joined[-1] if joined else None
        # Only a heading above a heading or a paragraph can be a label: no match needed else.
        label = (
            records.LABEL_ONLY.match(previous.text)
            if previous is not None
            and previous.kind == "heading"
            and block.kind in ("heading", "paragraph")
            else None
        )
        in_record = len(joined) >= 2 and joined[-2].kind == "field"
        if (
            label
            and previous is not None
            and previous.kind == "heading"
            and block.kind in ("heading", "paragraph")
            # a section headed "Uppdrag" or "Beskrivning" holds prose, not a field's value,
            # unless it comes among a record's fields ("Tidsplan" / "2023–2025" above it)
            and (
                not (label.group("text") or label.group("description"))
                or len(block.text) < 90
                or in_record
            )
        ):
            name = previous.text.rstrip(" :")
            joined[-1] = Block(f"{name}: {block.text}", previous.start, block.end, "field")
            continue
        joined.append(block)
    return joined


def _line_groups(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, as (start, end) offsets of each line's words."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _LINE_WORDS.finditer(text, body_start(text)):
        start, end = match.span()
        if text[start] == "\f":
            if current:
                groups.append(current)
                current = []
            continue
        # A blank line (empty or of spaces) between two lines: two line breaks at least.
        if current and text.count("\n", current[-1][1], start) > 1:
            groups.append(current)
            current = []
        current.append((start, end))
    if current:
        groups.append(current)
    return groups


def _starts_piece(line: str) -> bool:
    starts = LIST_MARKER.match(line) or _TABLE_ROW.match(line) or _HEADING.match(line)
    return bool(starts or tables.tabbed(line))


# "att ge socialnämnden i uppdrag att …" on a line of its own: a decision's att-clause.
ATT_CLAUSE = re.compile(r"^att\s+(?=[a-zåäö])")
# "Åtgärder 2025" over short lines without stops: a slide's items, one per line.
_SLIDE_LEAD = re.compile(
    r"^(?:åtgärder|aktiviteter|uppdrag|insatser|löften|planerade\s+åtgärder|"
    r"prioriterade\s+åtgärder|det\s+här\s+gör\s+vi|så\s+här\s+gör\s+vi|nästa\s+steg|"
    r"fortsatt\s+arbete|kommande\s+arbete|vad\s+händer\s+nu)\b[^.!?;,\n]*\??$",
    re.IGNORECASE,
)


def _att_clauses(lines: list[str]) -> bool:
    return sum(1 for line in lines if ATT_CLAUSE.match(line)) >= 2


def _slide(lines: list[str]) -> bool:
    """A lead line such as "Aktiviteter 2025" over two or more short lines without stops."""
    return (
        len(lines) >= 3
        and bool(_SLIDE_LEAD.match(lines[0]))
        and not LIST_MARKER.match(lines[0])
        and not any(records.field(line) for line in lines)
        and all(len(line.split()) <= 12 for line in lines)
        and not any(_OPEN_LINE_END.search(line) for line in lines[1:])  # the lead may end in ":"
    )


def _headline(line: str, width: int) -> bool:
    """A short line of its own that reads as a heading inside hard-wrapped text."""
    words = line.split()
    line = " ".join(words)
    return (
        0 < len(words) <= 10
        and len(line) < 0.85 * width
        and (line[0].isupper() or line[0].isdigit())
        and not _STOP_END.search(line)
    )


def _one_entry_per_line(lines: list[str]) -> bool:
    """Lines that each start an entry (a record, a table row, a follow-up line), not prose.

    Wrapped prose continues its sentences on the next line, so most of its lines start in
    lower case or end without a stop; entries start in upper case, or carry a label.
    """
    if len(lines) < 2:
        return False
    capitals = sum(1 for line in lines if line[:1].isupper() or line[:1].isdigit())
    if capitals < 0.8 * len(lines):
        return False  # decided by the cheap count: the entries are not read
    entries = 0
    for line in lines:
        if records.field(line) or records.dot_cells(line) or records.status_label(line):
            entries += 1
            if entries >= min(2, len(lines) - 1):  # of two lines, one entry will do
                return True
    return False


def _pieces(text: str, group: list[tuple[int, int]], slide: bool) -> list[tuple[int, int]]:
    """Split a run of lines into its paragraphs, list items, table rows and headings;
    `slide` = _slide(its lines)."""
    if len(group) == 1:
        return [group[0]]  # a line of its own is one piece, whatever the tests below say
    lines = [text[s:e] for s, e in group]
    if _one_entry_per_line(lines) or slide:
        return list(group)  # entries, or a slide's items
    # The printed line width: most lines of wrapped text reach it, titles may pass it.
    # Measured on lines of several words: a column of dates and names says nothing of it.
    lengths = []
    for line in lines:
        words = line.split()
        if len(words) >= 4:
            lengths.append(len(" ".join(words)))
    lengths = sorted(lengths) or sorted(len(line) for line in lines)
    width = lengths[int(0.75 * (len(lengths) - 1))] if len(lengths) >= 6 else lengths[-1]
    wrapped = len(lines) >= 6 or len(lines) >= 3 and width >= 45
    if (
        len(lines) == 2
        and _headline(lines[0], width)
        and (len(lines[1]) >= 50 or lines[1][:1].isupper() and _SENTENCE_END.search(lines[1]))
    ):
        return list(group)  # "Beskrivning av ärendet" on the line above its paragraph
    att_clauses = _att_clauses(lines)
    labels = [bool(records.LABEL_ONLY.match(line)) for line in lines]  # "Åtgärdsstatus"
    if len(lines) == 1 or not (
        wrapped or att_clauses or any(labels) or any(map(_starts_piece, lines))
    ):
        return [(group[0][0], group[-1][1])]
    pieces: list[list[int]] = []
    closed = True
    previous = ""
    for index, ((start, end), line) in enumerate(zip(group, lines, strict=True)):
        # A short line after a line that did not fill the width (or overran it, as titles
        # do) is a heading of its own, not the last line of a wrapped paragraph; so is a
        # short sentence of its own just before a list ("Utredaren ska bl.a.").
        after_short = not 0.85 * width <= len(previous) <= 1.1 * width
        lead_in = (
            index + 1 < len(lines)
            and LIST_MARKER.match(lines[index + 1])
            and _CLOSED.search(previous)
            and len(line) < 0.8 * width
        )
        starts = (
            _starts_piece(line)
            or labels[index]
            or (index and labels[index - 1])
            or (att_clauses and ATT_CLAUSE.match(line))
            or (wrapped and ((closed or after_short) and _headline(line, width) or lead_in))
        )
        previous = line
        if not pieces or starts or closed or _TABLE_ROW.match(text[pieces[-1][0] : pieces[-1][1]]):
            pieces.append([start, end])
        else:
            pieces[-1][1] = end
        closed = bool(
            _TABLE_ROW.match(line)
            or tables.tabbed(line)
            or _HEADING.match(line)
            or not _WORD_CHAR.search(line)
            or labels[index]
            or (wrapped and _CLOSED.search(line) and len(line) < 0.8 * width)
            or (wrapped and _headline(line, width) and pieces[-1][0] == start)
            and not LIST_MARKER.match(line)
        )
    return [(s, e) for s, e in pieces]


def _classify(text: str, start: int, end: int) -> Block | None:
    raw = text[start:end]
    flat = normalise(raw)
    if not _WORD_CHAR.search(flat) or _PAGE_NUMBER.match(flat):
        return None
    first = raw.lstrip()[:1]  # a heading starts with "#", a table row with "|"
    heading = _HEADING.match(raw.strip()) if first == "#" else None
    if heading:
        return Block(normalise(heading.group(2)), start, end, "heading", len(heading.group(1)))
    row = tables.piped(raw) if first == "|" or "\t" in raw else None  # "| a | b |", "a\tb\tc"
    if row:
        return Block(row, start, end, "table")
    marker = LIST_MARKER.match(flat)
    if marker:
        item = flat[marker.end() :].strip()
        if item:
            return Block(item, start, end, "item", marker=marker.group(0).strip())
    # The cheap tests before each call are what the call needs: " . " between cells, a colon
    # after a label, " – " between a label and a name.
    if " . " in flat and records.dot_cells(flat):
        return Block(flat, start, end)
    if ":" in flat and records.field(flat):
        return Block(flat, start, end, "field")
    if (
        (" – " in flat or " - " in flat)
        and _LABEL_LINE.match(flat)
        and len(flat) < 160
        and not flat.endswith(".")
    ):
        return Block(flat, start, end, "label")
    if records.status_label(flat):
        return Block(flat, start, end)
    if (
        flat.count(" ") <= 13  # at most 14 words: `flat` has single spaces only
        and not _STOP_END.search(flat)
        and (flat[0].isupper() or flat[0].isdigit())
        and not status_notes.is_status_only(flat)
    ):
        return Block(flat, start, end, "heading", 1)
    return Block(flat, start, end)


def _mend_page_breaks(text: str, found: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page break; lower-case paragraphs after a lead-in are items."""
    mended: list[Block] = []
    lead: Block | None = None  # "Utredaren ska bland annat": the paragraphs after it are items
    for block in found:
        previous = mended[-1] if mended else None
        if lead is not None and block.kind == "paragraph" and block.text[:1].islower():
            block.kind = "item"
            mended.append(block)
            continue
        lead = None
        if (
            previous is not None
            and previous.kind in ("paragraph", "heading")
            and block.kind in ("paragraph", "heading")
            and block.text[:1].islower()  # cheap, and rarely true: tested before the search
            and ends_as_lead(previous.text)
        ):
            lead = previous
            block.kind = "item"
            mended.append(block)
            continue
        if (
            previous is not None
            and previous.kind in ("paragraph", "heading")
            and block.kind == "paragraph"
            and block.text[:1].islower()
            and not _CLOSED.search(previous.text)
        ):
            # Joined by their words, not the source between them: a page number or running
            # head dropped there stays out.
            previous.text = normalise(f"{previous.text}\n{block.text}")
            previous.end = block.end
            previous.kind = "paragraph" if previous.kind == "heading" else previous.kind
            continue
        mended.append(block)
    return mended
