"""A PDF page's text from its fixed-width layout: columns read one after the other, tables
as "| a | b |" rows, the rest joined into paragraphs.

pypdf's layout mode writes each line of the page where it stands, on a grid of characters.
On that grid a table or a second column shows as a gutter: a run of character positions
that no text crosses on consecutive lines. Such a region is a table when its columns hold
short cells (or its first line names table columns: Åtgärd, Ansvarig, Status …), and
columns of prose when they hold long lines; prose columns are read left to right, each from
top to bottom, and a table's lines that fill only some cells continue the row above.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

# Cells and columns are at least two spaces apart on the grid; words are one apart.
_SEGMENT = re.compile(r"\S+(?: \S+)*")
_TABLE_HEADER = re.compile(
    r"^(?:nr|åtgärd(?:er)?|aktivitet(?:er)?|insats(?:er)?|uppdrag|ansvar\w*|status|"
    r"klart?(?: senast)?|tidplan|tidpunkt|kommentar|uppföljning|beskrivning)$",
    re.IGNORECASE,
)
# Blank lines per line of text that pypdf's layout mode is asked for (its font height weight):
# some twelve between lines of ordinary spacing, more between paragraphs and table rows.
LINE_SPACING_STEPS = 0.1
WIDEST_LINE_GAP = 18  # with LINE_SPACING_STEPS: single spacing 11-12, one and a half 17-18
PROSE_CELL = 25  # a column whose lines are this long on the median holds prose


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


def segments(line: str) -> list[Segment]:
    return [Segment(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(line)]


def page_text(layout: str) -> str:
    """The page's marked-up text: paragraphs, columns in reading order, table rows."""
    lines = [line.rstrip() for line in close_up(layout).split("\n")]
    blocks: list[str] = []
    prose: list[str] = []
    index = 0
    while index < len(lines):
        end, gutters = _region(lines, index)
        if end > index:
            blocks.append(reflow("\n".join(prose)))
            prose = []
            blocks.append(_render(lines[index:end], gutters))
            index = end
        else:
            prose.append(" ".join(lines[index].split()))
            index += 1
    blocks.append(reflow("\n".join(prose)))
    return "\n\n".join(block for block in blocks if block.strip())


def close_up(layout: str) -> str:
    """Lines at the page's usual spacing next to each other, a blank line where the space
    between two lines is clearly wider: a new paragraph, a table's next row.

    The layout is asked for with blank lines in proportion to the space between lines
    (`LINE_SPACING_STEPS`), so that paragraphs set apart by a few points show, whatever the
    font size and line spacing."""
    parts = re.split(r"(\n+)", layout)
    gaps = [len(part) - 1 for part in parts if part.startswith("\n")]
    if not gaps:
        return layout
    # The narrowest gap that recurs, give or take a step: a page of short paragraphs has
    # more gaps between paragraphs than within them, a page of footnotes a few narrower.
    enough = max(2, len(gaps) // 10)
    recurring = [gap for gap in set(gaps) if sum(1 for g in gaps if gap <= g <= gap + 1) >= enough]
    # On a page of one-line paragraphs only, no gap is a line's: one and a half lines'
    # spacing is the widest that still is.
    usual = min(*(recurring or gaps), WIDEST_LINE_GAP)
    wide = usual + max(1, usual // 4)
    return "".join(
        ("\n\n" if len(part) - 1 > wide else "\n") if part.startswith("\n") else part
        for part in parts
    )


def _region(lines: list[str], start: int) -> tuple[int, list[range]]:
    """Where a region of columns that starts at `start` ends, and its gutters; (start, [])
    when no region starts there."""
    first = segments(lines[start])
    if len(first) < 2:
        return start, []
    gutters = [range(a.end, b.start) for a, b in zip(first, first[1:], strict=False)]
    starts = {segment.start for segment in first}
    end, multi = start + 1, 1
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            # Past a gap the region goes on only with text that starts where its cells do:
            # a table's next row, or a column's next paragraph.
            following = next((n for n in range(index, len(lines)) if lines[n].strip()), None)
            found = segments(lines[following]) if following is not None else []
            if not _aligned(found, starts) or (
                len(found) < 2 and not _is_prose(lines[start:end], gutters)
            ):
                break
            index += 1
            continue
        found = segments(line)
        narrowed = _narrow(gutters, found)
        if not narrowed:
            break
        gutters = narrowed
        starts |= {segment.start for segment in found}
        multi += len(found) >= 2
        index += 1
        end = index
    if multi < 2:
        return start, []
    return end, gutters


def _aligned(found: list[Segment], starts: set[int]) -> bool:
    return bool(found) and all(
        any(abs(segment.start - start) <= 1 for start in starts) for segment in found
    )


def _narrow(gutters: list[range], found: list[Segment]) -> list[range]:
    """The gutters' positions that this line's text leaves free."""
    narrowed = []
    for gutter in gutters:
        runs: list[list[int]] = []
        for position in gutter:
            if any(s.start <= position < s.end for s in found):
                continue
            if runs and runs[-1][-1] == position - 1:
                runs[-1].append(position)
            else:
                runs.append([position])
        if runs:
            widest = max(runs, key=len)  # text standing inside a gap leaves its wider side
            narrowed.append(range(widest[0], widest[-1] + 1))
    return narrowed


def _cells(line: str, gutters: list[range]) -> list[str]:
    cells = [""] * (len(gutters) + 1)
    for segment in segments(line):
        column = sum(1 for gutter in gutters if gutter.start <= segment.start)
        cells[column] = f"{cells[column]} {segment.text}".strip()
    return cells


def _wraps(grid: list[list[str] | None], column: int) -> bool:
    """Whether a column's text runs on from one line to the next, as prose does and a
    table's cells, one per row, do not."""
    cells = [cells[column] if cells else "" for cells in grid]
    return any(
        above and below and below[0].islower() and not _ENDS_SENTENCE.search(above)
        for above, below in zip(cells, cells[1:], strict=False)
    )


def _is_prose(lines: list[str], gutters: list[range]) -> bool:
    """Columns of running text, not a table: at most three columns, each of long lines or
    of sentences that run on from line to line, under a first line that names no table
    columns (Åtgärd, Ansvarig, Status …)."""
    grid = [_cells(line, gutters) if line.strip() else None for line in lines]
    rows = [cells for cells in grid if cells is not None]
    if not rows or len(gutters) > 2:
        return False
    header = [cell for cell in rows[0] if cell]
    if all(_TABLE_HEADER.match(cell.strip(" *:")) for cell in header):
        return False
    lengths = [
        statistics.median([len(cells[c]) for cells in rows if cells[c]] or [0])
        for c in range(len(gutters) + 1)
    ]
    return all(
        length >= PROSE_CELL or _wraps(grid, column) for column, length in enumerate(lengths)
    )


def _render(lines: list[str], gutters: list[range]) -> str:
    grid = [_cells(line, gutters) if line.strip() else None for line in lines]
    if _is_prose(lines, gutters):
        columns = [
            "\n".join((cells[c] if cells else "") for cells in grid)
            for c in range(len(gutters) + 1)
        ]
        return "\n\n".join(reflow(column) for column in columns)
    table: list[list[str]] = []
    # Rows set apart by space: only the space ends a row, so cells that wrap in several
    # columns at once stay in their row. Otherwise a line that fills two cells starts one.
    spaced = None in grid
    fresh = True
    for cells in grid:
        if cells is None:
            fresh = True
            continue
        if fresh or not table or not spaced and sum(1 for cell in cells if cell) >= 2:
            table.append(cells)
        else:
            table[-1] = [f"{a} {b}".strip() for a, b in zip(table[-1], cells, strict=True)]
        fresh = False
    return "\n".join("| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in table)


_ENDS_SENTENCE = re.compile(r"[.!?:]\**\s*$")
# A bullet is often glued to its text in a PDF ("•Text"); a dash or a number is not.
_LIST_ITEM = re.compile(r"^\s*(?:•|[-–]\s|\d{1,2}[.)]\s)")
_BULLET = re.compile(r"^[•◦▪■●○➢►–]\s*")  # written as the markup's "- "
_STARTS_BLOCK = re.compile(r"^\s*(?:•|[-–*]\s|\d+[.)]\s|[A-ZÅÄÖÉ0-9|])")


def reflow(page_text: str) -> str:
    """Join a PDF page's laid-out lines into paragraphs separated by blank lines.

    A line ends its paragraph when it ends a sentence and is clearly shorter than a full
    line, or when it is short and unpunctuated (a heading) and the next line starts anew,
    or when the next line is a list item and this one ends a sentence or another item.
    """
    lines = [line.rstrip() for line in page_text.split("\n")]
    full = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line.strip())
        following = lines[index + 1] if index + 1 < len(lines) else ""
        short = len(line) < 0.8 * full
        ends = bool(_ENDS_SENTENCE.search(line))
        if (
            following.strip()
            and _STARTS_BLOCK.match(following)
            and (
                (ends and short)
                or (not ends and len(line) < 0.6 * full)
                or _LIST_ITEM.match(following)
                and (ends or _LIST_ITEM.match(paragraphs[-1][0]))
            )
        ):
            paragraphs.append([])
    return "\n\n".join(_BULLET.sub("- ", " ".join(p)) for p in paragraphs if p)
