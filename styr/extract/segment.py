"""Find themes and actions in the marked-up text of a plan document.

The rules are about the language of plans, not one file:
- a heading is a "#" line, or a short unpunctuated line of its own;
- a paragraph broken by a page break (it ends mid-sentence and the next starts in lower case)
  is joined again;
- a paragraph is an action when it names who is responsible, carries a status note, or says
  that something shall be done by a date still ahead of the document's own date;
- paragraphs under a heading that are not actions on their own join the responsibility
  statement that follows them ("Ansvarig för … är …"): together they are one action;
- a status line on its own ("Genomfört.") belongs to the action before it, and lines such as
  "Seniorrådet – Anders Fredriksson social- och äldredirektör" continue the paragraph above;
- prose under headings such as "Förslag till beslut", "Sammanfattning", "Ärendet" or
  "Ekonomiska konsekvenser" is never an action;
- a table with a header row ("Åtgärd | Ansvar | Klart senast | Status") gives one action per row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from styr.extract import status as status_notes
from styr.extract.deadlines import Deadline, find_deadline, parse_expression
from styr.extract.responsibility import Party, find_parties

NOT_ACTIONS = re.compile(
    r"^(?:förslag till beslut|beslutsförslag|sammanfattning|ärendet|bakgrund|"
    r"ekonomiska konsekvenser|konsekvenser\b.*|bilagor|bilaga\s*\d*$|handlingar|beslut|"
    r"expediering|innehåll|innehållsförteckning|syfte|inledning)$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+(?=\S)")
_LABEL_LINE = re.compile(
    r"^[A-ZÅÄÖ][^.–]{1,80}\s[–-]\s[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\s[A-ZÅÄÖ]"
)
_RESPONSIBILITY_ONLY = re.compile(r"^\*?(?:Ansvarig|Ansvariga|Ansvar)\b", re.IGNORECASE)
_OBLIGATION = re.compile(
    r"\b(?:ska|skall|kommer att|behöver|bör|måste|planeras|genomförs|utvecklas|inrättas|"
    r"tas fram|ses över|införs|upprättas|tar fram|ta fram)\b",
    re.IGNORECASE,
)
# "Stadsjurist Helena Meier är ansvarig för att ta fram …": who holds a standing duty, not
# something decided to be done (the annotation rules count it as no action).
_STANDING_DUTY = re.compile(
    r"^(?!ansvarig)[^.]*?\b(?:är ansvarig|är ansvariga|ansvarar|har ansvar(?:et)?) för att\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(.+?[.!?])(?:\s+(?=[A-ZÅÄÖ0-9\"”»*])|$)", re.DOTALL)
_ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_COLUMNS = {
    "text": re.compile(
        r"^(?:åtgärd(?:er)?|aktivitet(?:er)?|insats(?:er)?|uppdrag|beskrivning)$", re.I
    ),
    "responsible": re.compile(r"^(?:ansvar(?:ig)?(?:\s+\w+)?|huvudansvar)$", re.I),
    "deadline": re.compile(
        r"^(?:klart?(?:\s+senast)?|tidplan|tidpunkt|deadline|slutdatum|när|klar\s+när|datum)$",
        re.I,
    ),
    "status": re.compile(r"^(?:status|läge|lägesbeskrivning|kommentar)$", re.I),
}


@dataclass
class Paragraph:
    text: str
    heading: str | None = None
    kind: str = "paragraph"  # paragraph | heading | item | label | table
    level: int = 0


@dataclass
class Action:
    title: str
    text: str
    theme: str | None
    responsible: list[Party] = field(default_factory=list)
    supporting: list[Party] = field(default_factory=list)
    deadline: Deadline | None = None
    status_text: str | None = None
    status_code: str | None = None
    # Where in the text given to `extract_actions` the action was read: [start, end) character
    # offsets, so a reviewer can see what was taken and what was left.
    span: tuple[int, int] | None = None
    # How sure the rules are that this is an action, 0..1: the review page sorts and marks by it.
    confidence: float = 0.5


def document_date(text: str) -> dt.date | None:
    """The document's own date: the first ISO date near its top, if any."""
    match = _ISO_DATE.search(text[:2000])
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks of the text, page breaks mended, each marked as heading, item or paragraph."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\f", text.replace("\r", ""))]
    result: list[Paragraph] = []
    for block in blocks:
        if not block:
            continue
        for piece in _split_lines(block):
            result.append(_classify(piece))
    return _mend_page_breaks(result)


def _split_lines(block: str) -> list[str]:
    """A block holding list items, table rows or "label – person" lines is one per line."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) > 1 and any(
        _LIST_ITEM.match(line) or _TABLE_ROW.match(line) or _HEADING.match(line) for line in lines
    ):
        merged: list[str] = []
        for line in lines:
            starts = _LIST_ITEM.match(line) or _TABLE_ROW.match(line) or _HEADING.match(line)
            if merged and not starts and not _TABLE_ROW.match(merged[-1]):
                merged[-1] += " " + line
            else:
                merged.append(line)
        return merged
    return [" ".join(lines)]


def _classify(text: str) -> Paragraph:
    heading = _HEADING.match(text)
    if heading:
        return Paragraph(heading.group(2).strip(), kind="heading", level=len(heading.group(1)))
    if _TABLE_ROW.match(text):
        return Paragraph(text, kind="table")
    if _LIST_ITEM.match(text):
        return Paragraph(_LIST_ITEM.sub("", text, count=1), kind="item")
    if _LABEL_LINE.match(text) and len(text) < 160 and not text.rstrip().endswith("."):
        return Paragraph(text, kind="label")
    words = text.split()
    if (
        len(words) <= 14
        and not re.search(r"[.!?:;,]\**$", text)
        and (text[0].isupper() or text[0].isdigit())
        and not status_notes.is_status_only(text)
    ):
        return Paragraph(text, kind="heading", level=1)
    return Paragraph(text)


def _mend_page_breaks(blocks: list[Paragraph]) -> list[Paragraph]:
    mended: list[Paragraph] = []
    for block in blocks:
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and previous.kind in ("paragraph", "heading")
            and block.text[:1].islower()
            and not re.search(r"[.!?:]\**$", previous.text)
        ):
            previous.text = f"{previous.text} {block.text}"
            previous.kind = "paragraph" if previous.kind == "heading" else previous.kind
            continue
        mended.append(block)
    return mended


def first_sentence(text: str, limit: int = 120) -> str:
    plain = " ".join(text.replace("*", "").split())
    match = _SENTENCE.match(plain)
    sentence = (match.group(1) if match else plain).rstrip(".!? ")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:– ") + " …"


def _is_standing_duty(text: str, default_year: int | None) -> bool:
    """One sentence naming who answers for something ongoing, with no date to do it by."""
    sentences = _SENTENCE.findall(" ".join(text.split()))
    return (
        len(sentences) <= 1
        and bool(_STANDING_DUTY.match(text))
        and find_deadline(text, default_year=default_year) is None
    )


def _is_action(text: str, note: str | None, parties: list[Party], today: dt.date | None) -> bool:
    if note:
        return True
    if _is_standing_duty(text, today.year if today else None):
        return False
    if any(p.kind == "responsible" for p in parties):
        return True
    if not _OBLIGATION.search(text):
        return False
    deadline = find_deadline(text, default_year=today.year if today else None)
    return deadline is not None and (today is None or deadline.date >= today)


def extract_actions(text: str) -> list[Action]:
    """Every action in a document's marked-up text, in document order."""
    today = document_date(text)
    default_year = today.year if today else None
    actions: list[Action] = []
    theme: str | None = None
    pending: list[str] = []  # paragraphs under the heading not yet part of an action
    columns: dict[str, int] | None = None
    last: Action | None = None

    def make(body: str, known: tuple | None = None) -> Action:
        """The action of a paragraph; `known` = (plain text, note, parties) if already read."""
        if known is None:
            plain, note = status_notes.split_note(body)
            plain = plain.replace("*", "").strip()
            parties = find_parties(plain)
        else:
            plain, note, parties = known
        action = Action(
            title=first_sentence(plain),
            text=plain,
            theme=theme,
            responsible=[p for p in parties if p.kind == "responsible"],
            supporting=[p for p in parties if p.kind == "supporting"],
            deadline=find_deadline(plain, default_year=default_year),
        )
        note = note or status_notes.state_in_text(plain)
        if note:
            action.status_text, action.status_code = note, status_notes.classify(note)
            if action.deadline is None and action.status_code != "done":
                # "… återstående delar genomförs fram till årsskiftet 2015/16": a note that
                # sets the time for an action whose text gave none.
                action.deadline = find_deadline(note, default_year=default_year)
        return action

    for block in paragraphs(text):
        if block.kind == "heading":
            theme, pending, columns = block.text.replace("*", ""), [], None
            continue
        if theme and NOT_ACTIONS.match(theme.strip()):
            continue
        if block.kind == "table":
            cells = [c.strip() for c in block.text.strip("|").split("|")]
            header = _table_header(cells)
            if header:
                columns = header
                continue
            if columns:
                last = _table_action(cells, columns, theme, default_year)
                if last:
                    actions.append(last)
                continue
            block.text = ". ".join(c for c in cells if c)
        if block.kind == "label" and (pending or last):
            # "Seniorrådet – Anders Fredriksson social- och äldredirektör" continues above.
            if pending:
                pending[-1] += "\n" + block.text
            elif last is not None:
                last.text += "\n" + block.text
                extra = find_parties(block.text)
                last.responsible += [p for p in extra if p.kind == "responsible"]
            continue
        if status_notes.is_status_only(block.text):
            _, note = status_notes.split_note(block.text)
            if pending:
                last = make("\n".join(pending) + f" *{note}*")
                actions.append(last)
                pending = []
            elif last is not None and last.status_text is None:
                last.status_text, last.status_code = note, status_notes.classify(note)
            continue
        plain, note = status_notes.split_note(block.text)
        plain = plain.replace("*", "").strip()
        parties = find_parties(plain)
        if pending and _RESPONSIBILITY_ONLY.match(block.text.strip()):
            last = make("\n\n".join([*pending, block.text]))
            actions.append(last)
            pending = []
            continue
        if _is_action(plain, note, parties, today):
            last = make(block.text, (plain, note, parties))
            actions.append(last)
            pending = []
        else:
            pending.append(block.text)
    return actions


def _table_header(cells: list[str]) -> dict[str, int] | None:
    found = {}
    for index, cell in enumerate(cells):
        for name, pattern in _COLUMNS.items():
            if name not in found and pattern.match(cell.strip(" *:")):
                found[name] = index
    return found if "text" in found and len(found) >= 2 else None


def _table_action(cells, columns, theme, default_year) -> Action | None:
    def cell(name):
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

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
    action = Action(
        title=first_sentence(text),
        text=text,
        theme=theme,
        responsible=[p for p in parties if p.kind == "responsible"],
        supporting=[p for p in parties if p.kind == "supporting"],
        deadline=deadline or find_deadline(text, default_year=default_year),
    )
    if cell("status"):
        action.status_text = cell("status")
        action.status_code = status_notes.classify(cell("status"))
    return action
