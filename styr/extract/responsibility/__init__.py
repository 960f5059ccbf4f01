"""Who is responsible for an action, and who supports it, as written.

`find_parties(text, …)` reads one paragraph (or clause, or list item) and returns the people,
posts and bodies it names as responsible or supporting. It reads, strongest first:

1. slots (`slots`): labels ("Ansvarig:", "Ansvarig organisation:", "Utförare:"), "Ansvarig är
   …", "X ansvarar för …", "med stöd av …", a committee in brackets at a line's end "(KS)" --
   the names, titles and bodies in them read by the mention grammar (`mentions`, `patterns`);
2. the clause itself (`clauses`, `subjects`, `phrases`): who is given an assignment ("ger X i
   uppdrag att", "X får i uppdrag"), the subject of a duty ("X ska …", "Under 2021 kommer X
   att"), a passive's agent, a body that acts -- never the deciding body, a commissioner, a
   recipient, a supporting party or a quoted politician;
3. the context (`context`): a pronoun's antecedent, the list's lead-in, a committee heading,
   the body a document says makes its commitments (for "Vi"), a supervisory decision's
   addressee.

Abbreviations the document defines (`abbreviations`) are written out; others are kept.
Pure standard library, no Django; the cost is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from styr.extract.caching import per_document
from styr.extract.responsibility.abbreviations import abbreviations, without_definitions
from styr.extract.responsibility.clauses import clause_parties, supporting_parties
from styr.extract.responsibility.context import Context, expanded, resolved
from styr.extract.responsibility.party import DUTY, RESPONSIBLE, SUPPORTING, Party

__all__ = ["RESPONSIBLE", "SUPPORTING", "Party", "abbreviations", "find_parties"]
from styr.extract.responsibility.sentences import _Sentences
from styr.extract.responsibility.slots import (
    _BRACKETED,
    _RESPONSIBLE_PHRASE,
    _SUPPORT_PHRASE,
    KEYWORDS,
    _as_responsible_slots,
    _bracket_slots,
    _dash_lines,
    _genitive_slots,
    _label_slots,
    _phrase_slots,
    _predicate_slots,
    _trigger_slots,
)

# --- entry point -----------------------------------------------------------------------------


def find_parties(
    text: str,
    *,
    lead_in: str | None = None,
    heading: str | None = None,
    abbreviations: Mapping[str, str] | None = None,
    previous: Sequence[Party] | None = None,
    document: str | None = None,
) -> list[Party]:
    """Who is responsible for, and who supports, the action described in `text`.

    In order of first appearance; a name (or a nameless role) appears once, with the first
    title found for it (or a later one if the first mention had none), and as responsible if
    it is named both responsible and supporting.

    The context is optional: `lead_in` is the sentence that introduces a list the text is an
    item of ("Löftena som Tanums kommun har antagit är:"), `heading` the heading above it (a
    committee heading over a group of lines), `abbreviations` what the document defines
    (`abbreviations(document_text)`), used to write out "(BUN)", and `previous` the
    responsible of the clause before, which a pronoun ("De fick också i uppdrag …") refers to;
    `document` the whole text, where "Vi" of a commitment list may find its body. When the
    text itself names no one responsible, the context is read (see `context`).
    """
    text = without_definitions(text)  # "Samhällsbyggnadsnämnden (SBN) får i uppdrag …"
    parties, sentences = _read(text)
    around = Context(lead_in, heading, previous, document, _in_text)
    if not any(p.kind == RESPONSIBLE for p in parties):
        _, parts = clause_parties(text, sentences)
        acting = resolved(parts, around)
        parties = acting + [p for p in parties if p not in acting]
        if acting:
            parties += [p for p in supporting_parties(text) if p.role not in _roles(parties)]
    if not any(p.kind == RESPONSIBLE for p in parties):
        inherited = around.inherited(text)
        parties = inherited + [p for p in parties if p not in inherited]
    if abbreviations:
        parties = expanded(parties, abbreviations)
    return parties


def _roles(parties: list[Party]) -> set[str]:
    return {(p.role or p.name or "").casefold() for p in parties}


def _in_text(text: str) -> list[Party]:
    return _read(text)[0]


def _read(text: str) -> tuple[list[Party], _Sentences | None]:
    """The parties the slots of `text` name, and its sentences if they were needed."""
    parties, sentences = _read_once(text)
    return list(parties), sentences  # a list of its own for each caller


@per_document  # find_parties reads a text once for itself and again as another's context
def _read_once(text: str) -> tuple[tuple[Party, ...], _Sentences | None]:
    if not text:
        return (), None
    low = text.lower()
    keyword = any(map(low.__contains__, KEYWORDS))
    if not keyword and (")" not in text or not _BRACKETED.search(text)):
        return (), None
    sentences = _Sentences(text)
    items: list[tuple[int, str | None, str | None, str]] = []
    # Each slot needs its keyword; testing for it first spares the scan of most paragraphs.
    # And each pattern needs its own words as written (in lower case but "Ansvarig" & co.): a
    # scan of the paragraph is spared where they are missing ("Ansvarig är …" needs only the
    # first, "… i samverkan med …" only the support phrases).
    if ":" in text:
        _label_slots(text, sentences, items)
    if "ansvar" in low:
        if "nsvarig" in text:
            _trigger_slots(text, sentences, items)
        if "ansvar" in text:
            _predicate_slots(text, sentences, items)
            if "ansvarig" in text:
                _as_responsible_slots(text, sentences, items)
            _genitive_slots(text, sentences, items)
        if "-" in text or "–" in text or "—" in text:
            _dash_lines(text, items)
    if any(map(text.__contains__, _SUPPORT_KEYS)):
        _phrase_slots(text, sentences, items, _SUPPORT_PHRASE, SUPPORTING)
    if any(map(text.__contains__, _RESPONSIBLE_KEYS)):
        _phrase_slots(text, sentences, items, _RESPONSIBLE_PHRASE, RESPONSIBLE)
    if ")" in text:
        _bracket_slots(text, items)
    items.sort(key=lambda item: item[0])

    has_responsible = any(kind == RESPONSIBLE for *_, kind in items)
    merged: dict[tuple[str, str], list] = {}
    for _, name, role, kind in items:
        if kind == DUTY:
            kind = SUPPORTING if has_responsible else RESPONSIBLE
        if name is None and role is None:  # pragma: no cover - parts have one or the other
            continue
        key = ("name", name) if name else ("role", (role or "").casefold())
        entry = merged.get(key)
        if entry is None:
            merged[key] = [name, role, kind]
            continue
        if entry[1] is None and role is not None:
            entry[1] = role
        if kind == RESPONSIBLE:
            entry[2] = RESPONSIBLE
    return tuple(Party(name, role, kind) for name, role, kind in merged.values()), sentences


# The words each phrase pattern needs, as it writes them (see slots._SUPPORT_PHRASE and
# slots._RESPONSIBLE_PHRASE).
_SUPPORT_KEYS = ("stöd", "hjälp", "samspel", "samverkan", "samarbete", "stöttas", "biträd")
_RESPONSIBLE_KEYS = ("amordnas", "eds", "rivs", "ålls", "nsvaret")
