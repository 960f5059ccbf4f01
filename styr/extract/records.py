"""Records: actions written as fields and labels rather than sentences.

Follow-ups and the published views of planning systems (Stratsys and the like) give each
assignment as a record:
- labelled lines under a title ("Åtgärdsstatus: Pågående", "Ansvarig organisation: …",
  "Tidsplan: 2022–2025"), as on Miljöbarometern's pages;
- one line flattened with " . " between the cells, either labelled ("Aktivitet: … . Status:
  Pågår . Ansvarig: …") or under a header line of the same shape ("Uppdrag . Status .
  Ansvarig . Kommentar");
- one line per assignment with its status as a label in capitals ("… (KS) PÅGÅENDE Arbetet
  beräknas klart våren 2024.") or as the last word of a flattened table row ("… 2023 Klar").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from styr.extract import status as status_notes
from styr.extract import tables
from styr.extract.caching import per_document
from styr.extract.deadlines import Deadline, find_deadline, parse_expression

if TYPE_CHECKING:  # the segmenter's types; blocks imports this module
    from styr.extract.action import Action
    from styr.extract.blocks import Block
    from styr.extract.responsibility import Party

_LABELS = {
    "status": r"åtgärdsstatus|status|läge|lägesbeskrivning|statuskommentar",
    "responsible": r"ansvarig[a]?(?:\s+(?:organisation|nämnd|förvaltning|enhet|verksamhet|"
    r"chef|aktör|part))?|ansvar|huvudansvarig|huvudansvar|utförare|vem",
    "deadline": r"tidsplan|tidplan|klart?(?:\s+senast)?|slutdatum|deadline|genomförs|"
    r"klart\s+till|färdigt|när",
    "text": r"uppdrag|åtgärd|aktivitet|insats|åtgärdens\s+namn|namn|rubrik|kontrollmoment|vad",
    "description": r"beskrivning|kommentar|syfte|hur",
    # where the assignment came from: kept out of its text and never its deadline
    "meta": r"beslutat|beslut|beslutsdatum|beslutsinstans|diarienummer|dnr|ärendenummer|"
    r"uppdragsgivare|källa|datum",
}
FIELD = re.compile(
    r"^(?P<label>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items())
    + r")\s*:\s*(?P<value>.*\S)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_DOT = re.compile(r"\s\.\s")
_STATUS_WORDS = [
    "avslutad", "avslutat", "pågående", "pågår", "klar", "klart", "genomförd", "genomfört",
    "ej påbörjad", "ej påbörjat", "inte påbörjad", "inte påbörjat", "ej startad", "ej startat",
    "inte startad", "inte startat", "delvis genomförd", "delvis genomfört", "försenad",
    "försenat", "påbörjad", "påbörjat",
]  # fmt: skip
_CAPS = "|".join(w.upper().replace(" ", r"\s+") for w in _STATUS_WORDS)
_CAPITALISED = "|".join((w[0].upper() + w[1:]).replace(" ", r"\s+") for w in _STATUS_WORDS)
# "… (KS) PÅGÅENDE Arbetet beräknas …", "… grannkommunerna. AVSLUTAT Utredningen …": a status label
# in capitals after the assignment (its full stop or not).
_CAPS_STATUS = re.compile(r"(?<=[^\s!?*:;])\s+(?P<label>" + _CAPS + r")(?=\s|$|[.:])")
# One class then three: a pattern that starts with a class is scanned for it (not so a repeat).
_CAPITALS = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ]{3}")
# a label in capitals: _CAPS_STATUS (case-sensitive) needs one; a single scan for them all
_CAPS_WORD = re.compile(_CAPS)
# "1:2 Ta fram en handlingsplan för skyfall Tekniska förvaltningen 2024 Pågår": the last word.
_LAST_STATUS = re.compile(r"(?<=[^\s.!?*:;])\s+(?P<label>" + _CAPITALISED + r")\.?\s*$")
_STATUS_ENDS = tuple({(w[0].upper() + w[1:]).split()[-1] for w in _STATUS_WORDS})


# "När: 14 maj kl. 18" under an invitation is no record: these labels fill a record ("Vad:
# Starta språkcafé" above them) but start none.
_FILLS_ONLY = frozenset({"när", "vem", "hur"})

LABEL_ONLY = re.compile(
    r"^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items() if k != "meta") + r")\s*:?$",
    re.IGNORECASE,
)


@per_document
def field(text: str) -> tuple[str, str, str] | None:
    """(kind, label, value) of a labelled line "Åtgärdsstatus: Pågående", or None."""
    if ":" not in text:  # the pattern needs the colon after the label: a cheap test first
        return None
    match = FIELD.match(text.strip())
    if not match:
        return None
    kind = next(k for k in _LABELS if match.group(k))
    return kind, match.group("label"), match.group("value").strip()


def dot_cells(text: str) -> list[str] | None:
    """The cells of a line flattened with " . " between them (at least three), or None."""
    cells = _dot_cells(text)
    return list(cells) if cells is not None else None  # a list of its own for each caller


@per_document
def _dot_cells(text: str) -> tuple[str, ...] | None:
    if text.count(".") < 2:
        return None
    parts = _DOT.split(text.strip().rstrip("."))
    if len(parts) < 3:
        return None
    cells = tuple(c.strip() for c in parts)
    return cells if all(cells) else None


def paired_fields(cells: list[str]) -> list[tuple[str, str, str]]:
    """Fields of a record whose labels are cells of their own, each before its value
    ("Aktivitet . Öppna … . Ansvarig . Bibliotekschef . Status . Pågår"): (kind, label, value)."""
    found: list[tuple[str, str, str]] = []
    index = 0
    if all(LABEL_ONLY.match(cell) for cell in cells) or tables.names_only(cells):
        return found  # a header row: "Uppdrag . Status . Ansvarig . Kommentar"
    while index + 1 < len(cells):
        # The cell after a label is its value even when it could be a label ("Status . Klar").
        parsed = field(f"{cells[index]}: {cells[index + 1]}")
        if LABEL_ONLY.match(cells[index]) and parsed is not None:
            found.append(parsed)
            index += 2
        else:
            index += 1
    return found


@per_document
def status_label(text: str) -> tuple[str, str, str] | None:
    """(before, label, after) of a line whose status is a label, or None."""
    capitals = _CAPITALS.search(text) and _CAPS_WORD.search(text)
    match = _CAPS_STATUS.search(text) if capitals else None
    offset = 0
    if match is None:
        # Only the last few words can hold a row's last-word status: look there alone.
        offset = max(0, len(text) - 40)
        # The pattern is case-sensitive and ends the text with a status word, a full stop at
        # most and white space: a text whose last word is no status word cannot match.
        last = text.rstrip()
        last = last[:-1] if last.endswith(".") else last
        match = _LAST_STATUS.search(text, offset) if last.endswith(_STATUS_ENDS) else None
    if not match or match.start() < 10:
        return None
    return text[: match.start()].strip(), match.group("label"), text[match.end() :].strip()


def deadline_of(value: str, default_year: int | None) -> Deadline | None:
    """The deadline a "Tidsplan:" or "Klart:" field gives: its last date ("2022–2025")."""
    resolved = parse_expression(value, default_year=default_year)
    if resolved:
        return Deadline(value, resolved[0], resolved[1])
    found = find_deadline(value, default_year=default_year)
    if found is None:
        years = re.findall(r"\b(?:19|20)\d\d\b", value)
        if years:
            resolved = parse_expression(years[-1], default_year=default_year)
            if resolved:
                return Deadline(value, resolved[0], resolved[1])
    return found


def apply(action, kind: str, value: str, parties, default_year: int | None) -> None:
    """Fill the action's field from a labelled value; `parties` reads a responsibility text."""
    if kind == "status":
        action.status_text, action.status_code = value, status_notes.classify(value)
    elif kind == "responsible":
        found = parties(f"Ansvarig: {value}")
        action.responsible = [p for p in found if p.kind == "responsible"]
        action.supporting += [p for p in found if p.kind == "supporting"]
    elif kind == "deadline":
        action.deadline = deadline_of(value, default_year) or action.deadline
    elif kind == "meta":
        return
    elif kind == "description":
        action.text = f"{action.text}\n{value}"
        # "Kommentar: Arbetet pågår.": a comment's progress sentence, when no label gave one
        found = status_notes.find_status(value) if action.status_code is None else None
        if found:
            action.status_text, action.status_code = found


class RecordReading:
    """The segmenter's reading of records, table rows and status-labelled lines.

    Mixed into the segmenter's reader, whose `make`, `parties`, `previous`, `last`, `record`,
    `columns`, `pending` and `default_year` it uses.
    """

    # What the segmenter's reader (segment._Reader) provides:
    make: Callable[..., Action]
    parties: Callable[..., list[Party]]
    paragraph: Callable[[Block], None]
    _read_from: Callable[[Block], bool]
    record: Action | None
    last: Action | None
    above_fields: Block | None
    columns: dict[str, int] | None
    pending: list[Block]
    theme: str | None
    default_year: int | None

    def field(self, block) -> None:
        """A labelled line: the first starts a record (titled by the line above) or fills it."""
        parsed = field(block.text)
        if parsed is None:
            return  # not reached: a block of kind "field" is one whose text parses as one
        kind, label, value = parsed
        # "Status: Genomförd | Ansvarig: Upphandlingsenheten | Tidsplan: 2023": fields on a line
        value, *more = value.split(" | ") if " | " in value else (value,)
        if self.record is None and (kind == "meta" or label.lower() in _FILLS_ONLY):
            return
        if kind == "text" or self.record is None:
            title = None if kind == "text" else self.above_fields
            if title is not None and title.kind not in ("heading", "item", "paragraph"):
                return
            start = block.start if title is None else title.start
            if title is not None and self.last is not None and self._read_from(title):
                self.record = self.last
            else:
                self.record = self.make(
                    value if title is None else title.text, (start, block.end), 0.9
                )
            self.pending = []
        if kind != "text":
            apply(self.record, kind, value, self.parties, self.default_year)
        for other in filter(None, map(field, more)):
            apply(self.record, other[0], other[2], self.parties, self.default_year)
        if kind == "text":
            return
        start = self.record.span[0] if self.record.span else block.start
        self.record.span = (start, block.end)
        self.record.confidence = max(self.record.confidence, 0.9)

    def record_line(self, block, plain: str) -> bool:
        """A " . "-flattened row or record, or a line whose status is a label; True if read."""
        span = (block.start, block.end)
        cells = dot_cells(plain)
        if cells:
            fields: Sequence[tuple[str, str, str] | None] = [field(c) for c in cells]
            if sum(f is not None for f in fields) < 2:
                fields = paired_fields(cells)  # labels in cells of their own
            if sum(f is not None for f in fields) >= 2:
                text = next((f[2] for f in fields if f and f[0] == "text"), cells[0])
                action = self.make(text, span, 0.9)
                for f in fields:
                    if f is not None and f[0] != "text":
                        apply(action, f[0], f[2], self.parties, self.default_year)
                return True
            header = tables.header(cells)
            if header:
                self.columns = header
                return True
            if self.columns:
                self.table_cells(cells, span)
                return True
        label = status_label(plain)
        if label:
            before, status, _ = label
            # Who and when from the assignment alone: the comment after the label tells how
            # it went ("Ett utkast har remitterats"), and its past tense would make the
            # assignment's "senast december 2023" look like history.
            action = self.make(before, span, 0.85, heading=self.theme)
            action.text = " ".join(plain.split())
            action.title = " ".join(before.split()).rstrip(".")
            action.status_text, action.status_code = status, status_notes.classify(status)
            return True
        return False

    def table_row(self, block) -> None:
        row = tables.cells(block.text)
        header = tables.header(row)
        if header:
            self.columns = header
        elif self.columns:
            self.table_cells(row, (block.start, block.end))
        else:
            block.text = ". ".join(c for c in row if c)
            self.paragraph(block)

    def table_cells(self, row: list[str], span: tuple[int, int]) -> None:
        """One action from a row of the table whose header named the columns."""
        assert self.columns is not None  # called under a table's header only
        fields = tables.row_fields(row, self.columns, self.default_year)
        if fields is None:
            return
        text, parties, deadline, note, code = fields
        action = self.make(text, span, 0.9, known=(text, None, parties), given=True)
        action.deadline, action.status_text, action.status_code = deadline, note, code
