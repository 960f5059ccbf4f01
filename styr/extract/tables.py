"""Tables with a header row: one action per row, the columns read by their headers.

"| Åtgärd | Ansvar | Klart senast | Status |" names the columns; each row after it is an action
whose responsible, deadline and status come from their own cells, so a status word in the
text column is not taken for the row's status.
"""

from __future__ import annotations

import re

from styr.extract import status as status_notes
from styr.extract.deadlines import Deadline, find_deadline, parse_expression
from styr.extract.responsibility import find_parties

COLUMNS = {
    "text": re.compile(
        r"^(?:åtgärd(?:er)?|aktivitet(?:er)?|insats(?:er)?|uppdrag|beskrivning|vad)$", re.I
    ),
    "responsible": re.compile(
        r"^(?:ansvar(?:ig)?(?:\s+\w+)?|huvudansvar|nämnd|förvaltning|utförare|vem|"
        r"uppdragstagare|ägare)$",
        re.I,
    ),
    "deadline": re.compile(
        r"^(?:klart?(?:\s+senast)?|tidplan|tidpunkt|deadline|slutdatum|när|klar\s+när|datum"
        r"|redovisas|redovisning|tidsplan|färdigt)$",
        re.I,
    ),
    "status": re.compile(r"^(?:status|läge|lägesbeskrivning|kommentar)$", re.I),
}
# Columns a planning table has besides those read: a header row may name them ("Nr",
# "Startdatum", "Mål"), and a row of column names alone is still a header.
OTHER_COLUMNS = re.compile(
    r"^(?:nr|id|nummer|startdatum|start|påbörjas|mål|delmål|målområde|indikator|prioritet"
    r"|kostnad|budget|finansiering|period|uppföljning|resultat|bedömning|kommentar(?:er)?"
    r"|anmärkning|ansvarig\s+\w+)$",
    re.I,
)


def names_only(row_cells: list[str]) -> bool:
    """Every cell names a column: the row is a header, not a record of labels and values."""
    return all(
        OTHER_COLUMNS.match(cell) or any(p.match(cell) for p in COLUMNS.values())
        for cell in (c.strip(" *:") for c in row_cells)
    )


def cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def tab_cells(line: str) -> list[str] | None:
    """The cells of a row copied out of a spreadsheet or a web page's table, one tab between
    each (an empty cell keeps its place), or None: three cells at least, two with words."""
    if "\t" not in line:
        return None
    line = line.strip(" \r\n")
    if "\n" in line:
        return None  # one line is one row
    row = [c.strip() for c in line.split("\t")]
    return row if len(row) >= 3 and sum(1 for c in row if c) >= 2 else None


def tabbed(line: str) -> bool:
    return "\t" in line and tab_cells(line) is not None


def piped(raw: str) -> str | None:
    """A table row's text as "| a | b |": a row written so, or a tab-separated one; else None."""
    row = raw.strip()
    if row.startswith("|") and row.endswith("|") and len(row) > 1 and "\n" not in row:
        return " ".join(row.split())
    row_cells = tab_cells(raw)
    return "| " + " | ".join(c.replace("|", "/") for c in row_cells) + " |" if row_cells else None


def header(row_cells: list[str]) -> dict[str, int] | None:
    """The columns a header row names, or None if the row is not a header."""
    names = [cell.strip(" *:") for cell in row_cells]
    if not any(COLUMNS["text"].match(name) for name in names):
        return None  # no text column, no header: the other columns are not tried
    found = {}
    for index, cell in enumerate(names):
        for name, pattern in COLUMNS.items():
            if name not in found and pattern.match(cell):
                found[name] = index
    return found if "text" in found and len(found) >= 2 else None


def row_fields(row_cells: list[str], columns: dict[str, int], default_year: int | None):
    """(text, parties, deadline, status text, status code) of a row, or None if it is empty."""

    def cell(name):
        index = columns.get(name)
        return row_cells[index].strip() if index is not None and index < len(row_cells) else ""

    text = cell("text")
    if not text:
        return None
    parties = find_parties(f"Ansvarig: {cell('responsible')}") if cell("responsible") else []
    deadline = None
    if cell("deadline"):
        resolved = parse_expression(cell("deadline"), default_year=default_year)
        if resolved:
            deadline = Deadline(cell("deadline"), resolved[0], resolved[1])
        else:
            deadline = find_deadline(cell("deadline"), default_year=default_year)
    deadline = deadline or find_deadline(text, default_year=default_year)
    note = cell("status") or None
    code = status_notes.classify(note) if note else None
    return text, parties, deadline, note, code
