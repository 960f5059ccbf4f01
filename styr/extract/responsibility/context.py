"""The context of a paragraph: who a pronoun, "Vi", a list's lead-in or a heading names.

`find_parties` reads the text first; only when the text names no one responsible does it look
here, in the order: the antecedent of a pronoun (the previous clause's responsible), the body
of the list's lead-in (its last sentence, where it introduces the list), a committee heading
("Kommunstyrelsen", "Socialnämndens uppdrag"), and last the addressee of a supervisory decision
("förelägger Ekby kommun att", "konstaterar att Ekby kommun inte uppfyller"), who must remedy
the deficiencies it lists. "Vi"/"Våra" is the body of the lead-in, else the body the document
says makes the commitments ("föreslår kommunstyrelsen att avge följande löften", "Ekby kommun
har antagit …"), else the heading's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from styr.extract.caching import per_document
from styr.extract.responsibility.clauses import (
    ASSIGNED,
    DUTY_SUBJECT,
    clause_parties,
    lead_in_parties,
)
from styr.extract.responsibility.party import RESPONSIBLE, Party
from styr.extract.responsibility.phrases import party_phrase
from styr.extract.responsibility.sentences import _Sentences
from styr.extract.responsibility.subjects import Parts, as_party, subject_before, tail_phrase


class Context:
    """What the caller knows around the text; each reading is computed when asked."""

    def __init__(self, lead_in, heading, previous, document, in_text) -> None:
        self.lead_in = lead_in
        self.heading = heading
        self.previous: Sequence[Party] = previous or []
        self.document = document
        self.in_text = in_text  # the slot reader, for labels in a lead-in

    def antecedent(self) -> list[Party]:
        return [Party(p.name, p.role, RESPONSIBLE) for p in self.previous if p.kind == RESPONSIBLE]

    def we(self) -> list[Party]:
        return self.lead() or committing_body(self.document or "") or self.heading_party()

    def lead(self) -> list[Party]:
        if not self.lead_in:
            return []
        return list(_lead_parties(self.lead_in, self.in_text))

    def heading_party(self) -> list[Party]:
        if not self.heading:
            return []
        heading = _BRACKET_TAIL.sub("", self.heading.strip(" *#:"))  # "Kommunstyrelsen (KS)"
        parts = party_phrase(heading, 0, len(heading))
        if parts:  # a committee heading over a group of lines
            return [Party(None, phrase, RESPONSIBLE) for _, phrase in parts]
        tier, found = clause_parties(heading)  # "Utredaren ska bland annat" over its tasks
        if tier in (ASSIGNED, DUTY_SUBJECT):
            return _named(found)
        return _owner(heading)

    def inherited(self, text: str) -> list[Party]:
        """The responsible the context gives a text that names none itself."""
        if self.previous and _PRONOUN.match(text):
            return self.antecedent()
        if _WE.match(text):
            return self.we()
        return self.lead() or self.heading_party() or addressee(self.document or "")


def _named(parts: Parts) -> list[Party]:
    """The parties of clause parts that name one (pronouns left out)."""
    return [party for party in map(as_party, parts) if party is not None]


def resolved(parts: Parts, found_in: Context) -> list[Party]:
    """Clause parts as parties: a pronoun is the previous clause's responsible, "Vi" the body
    of the lead-in, the heading or the document."""
    result: list[Party] = []
    for part in parts:
        _, phrase, marker = part
        party = as_party(part)
        if party is not None:
            found = [party]
        elif phrase.lower() == "vi":
            found = found_in.we()
        else:
            found = found_in.antecedent()
        result += [p for p in found if p not in result]
    return result


@per_document  # read once for all the items of its list, never for another document
def _lead_parties(lead_in: str, in_text) -> tuple[Party, ...]:
    """The responsible a lead-in names: read once for all the items of its list."""
    lead = _introducing_sentence(lead_in)
    found = [p for p in in_text(lead) if p.kind == RESPONSIBLE]
    return tuple(found or _named(lead_in_parties(lead)) or _owner(lead))


# "Socialnämndens uppdrag", "Vård- och omsorgsförvaltningens åtaganden:": whose tasks follow
_OWNED_TASKS = re.compile(
    r"\s*(?P<owner>[^:;.\n]{2,80}?)s\s+(?:uppdrag|åtgärder|aktiviteter|åtaganden|insatser"
    r"|löften|klimatlöften|handlingsplan)\b"
)


def _owner(text: str) -> list[Party]:
    """The body whose tasks a heading or a lead-in introduces, in its base form."""
    m = _OWNED_TASKS.match(text)
    if m is None:
        return []
    parts = party_phrase(text, m.start("owner"), m.end("owner"))
    return [Party(None, phrase, RESPONSIBLE) for _, phrase in parts or []][:1]


def _introducing_sentence(lead_in: str) -> str:
    """The part of a lead-in that introduces the list: up to its last colon, from the start of
    that sentence, or its last sentence ("… Skolinspektionen konstaterar att Ekby kommun inte
    uppfyller kraven avseende att:")."""
    colon = lead_in.rfind(":")
    end = colon + 1 if colon >= 0 else len(lead_in)
    starts = [s for s in _Sentences(lead_in).starts if s < end]
    return lead_in[starts[-1] if starts else 0 : end]


# a subject who commits ("Ekby kommun har antagit", "Kommunstyrelsen avger") or the one asked
# to ("föreslår kommunstyrelsen att avge", "Kommunstyrelsen föreslås anta")
_COMMITS = re.compile(
    r"\b(?:har\s+antagit|antar|antog|avger|avgav|har\s+avgett|åtar\s+sig|åtog\s+sig"
    r"|har\s+åtagit\s+sig|undertecknar|undertecknade|har\s+undertecknat|ställer\s+sig\s+bakom"
    r"|föreslås\s+(?:anta|avge|underteckna))\b"
)
_ASKED_TO_COMMIT = re.compile(
    r"\bföreslår\s+(?P<who>[^.;:\n]{2,80}?)\s+att\s+(?:anta|avge|underteckna|åta\s+sig)\b"
)


def _starting_with(pattern: re.Pattern[str], words: tuple[str, ...], text: str):
    """What `pattern.finditer(text)` finds, for a pattern whose every match starts with one of
    `words` as written: tried only where one occurs (found by str.find, in C), not at every
    position of a whole document."""
    places = set()
    for word in words:
        place = text.find(word)
        while place >= 0:
            places.add(place)
            place = text.find(word, place + 1)
    end = 0
    for place in sorted(places):
        if place >= end:
            found = pattern.match(text, place)
            if found is not None:
                end = found.end()
                yield found


_COMMITS_WORDS = ("har", "antar", "antog", "avger", "avgav", "åtar", "åtog", "undertecknar",
                  "undertecknade", "ställer", "föreslås")  # fmt: skip


@per_document  # a document's own: remembered while it is read, not for the next one
def committing_body(document: str) -> list[Party]:
    """The body a document says makes its commitments, for the "Vi" of its lists."""
    sentences = _Sentences(document)
    candidates: list[tuple[int, str]] = []
    for m in _starting_with(_ASKED_TO_COMMIT, ("föreslår",), document):
        parts = party_phrase(document, m.start("who"), m.end("who"))
        if parts:
            candidates.append((m.start(), parts[0][1]))
            break  # the first of each kind: the earliest candidate is the one taken
    for m in _starting_with(_COMMITS, _COMMITS_WORDS, document):
        start, _ = sentences.bounds(m.start())
        subject = subject_before(document, start, m.start())
        if subject and subject[0][2] is None:
            candidates.append((m.start(), subject[0][1]))
            break
    if not candidates:
        return []
    return [Party(None, min(candidates)[1], RESPONSIBLE)]


# A supervisory decision's addressee, who must remedy every deficiency it lists: "förelägger
# … Ekby kommun att", "konstaterar att Ekby kommun inte uppfyller"
_ORDERED = re.compile(r"\b(?:förelägger|ålägger)\s+(?P<who>[^;:\n]{1,160}?)\s+att\b")
_FOUND_FAILING = re.compile(
    r"\b(?:konstaterar|bedömer|finner)\s+att\s+(?P<who>[^.;:\n]{1,80}?)\s+(?:inte|ej)\s+"
    r"(?:uppfyller|lever\s+upp\s+till|följer)\b"
)


@per_document  # a document's own: remembered while it is read, not for the next one
def addressee(document: str) -> list[Party]:
    """The one a supervisory decision orders to act, for the deficiencies it lists."""
    found: list[tuple[int, list[Party]]] = []
    for regex, words in _ADDRESSING:
        for m in _starting_with(regex, words, document):
            parts = tail_phrase(document, m.start("who"), m.end("who"))
            named = _named(parts or [])
            if named:
                found.append((m.start(), named[:1]))
                break
    return min(found, key=lambda entry: entry[0])[1] if found else []


_ADDRESSING = (
    (_ORDERED, ("förelägger", "ålägger")),
    (_FOUND_FAILING, ("konstaterar", "bedömer", "finner")),
)


def expanded(parties: list[Party], defined: Mapping[str, str]) -> list[Party]:
    """Parties with an abbreviation the document defines written out."""
    result: list[Party] = []
    for p in parties:
        role = p.role
        if p.name is None and role is not None and role.strip("()") in defined:
            role = defined[role.strip("()")]
        party = Party(p.name, role, p.kind)
        if party not in result:
            result.append(party)
    return result


_BRACKET_TAIL = re.compile(r"\s*\([A-ZÅÄÖ]{2,6}\)\s*$")
# "De fick också i uppdrag …", "Dessa ska …": the previous clause's responsible
_PRONOUN = re.compile(r"\s*(?:De|Dessa|Den|Denna|Hen|Han|Hon)\b")
# "Vi …", "Våra nya bilar …": the committing body's
_WE = re.compile(r"\s*(?:Vi|Vår|Vårt|Våra)\b")
