"""The party a clause names at a position: its subject, the object of an assignment, a
person, or a pronoun to resolve.

`phrase_at` reads text[start:end] as a party phrase (`phrases`) or, where it looks like a
name, as people in the mention grammar ("ekonomichef Per Ek"); `subject_before` and
`subject_at` find the subject that ends at a verb or opens a clause; `head_run` the phrase
after an inverted verb. A supporting tail ("… tillsammans med X") is never part of a subject.
"""

from __future__ import annotations

import re

from styr.extract.responsibility.mentions import _read_list
from styr.extract.responsibility.party import RESPONSIBLE, Party
from styr.extract.responsibility.patterns import _words
from styr.extract.responsibility.phrases import is_head, party_phrase

# the parts of a clause: (offset, phrase as written, PRONOUN, a person read by the mention
# grammar, or None for a body or post as written)
Parts = list[tuple[int, str, "str | Party | None"]]

PRONOUN = "pronoun"  # the text of a part that is a pronoun to resolve

# pronouns that stand for people or bodies ("den", "denna" mostly stand for things)
PRONOUNS = frozenset({"de", "dessa", "vi", "han", "hon", "hen"})

MODALS = _words("ska skall måste bör kan får")

ADVERB_WORDS = _words(
    "inte ej också även alltid redan nu därför gemensamt fortsatt aktivt själv själva "
    "successivt löpande årligen dessutom sedan tidigare snart fortlöpande kontinuerligt "
    "samtidigt därtill vidare härmed därmed också även nyligen"
)

NOT_VERBS = _words(
    "för efter under eller över mer mellan sedan inför hur där här när dess deras hennes hans "
    "sin sina vår våra er era år utifrån enligt genom bakom utanför inför"
)

FINITE = re.compile(r"[a-zåäöé]{2,}(?:r|de|te|dde|tte|s)")

_SUPPORT_TAIL = re.compile(r"\s+(?:tillsammans|i\s+samverkan|i\s+samråd|i\s+samarbete)\s+med\b.*")

CLAUSE_OPENER = re.compile(
    r"(?:^|[,;:(–—•]|\b(?:att|och|samt|men|eller|då|om|när|där|som|vilket|varför))\s+|^\s*|\n"
    r"|\b\d{1,3}(?:[.:]\d{1,3})*[.):]?[ \t]+"  # "Uppdrag 1.2 Kommunstyrelsen …", "1:2 Nämnden"
)

TOKEN = re.compile(r"\S+")

NAME_LIKE = re.compile(r"[A-ZÅÄÖ][a-zåäöéü]+[ \t]+[A-ZÅÄÖ][a-zåäöéü]+")  # "Anna Svensson"


def phrase_at(text: str, start: int, end: int) -> Parts | None:
    """The party phrase or pronoun exactly at text[start:end], without a supporting tail."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:!?":
        end -= 1
    tail = _SUPPORT_TAIL.search(text, start, end)
    if tail:
        end = tail.start()
    word = text[start:end]
    if word.lower() in PRONOUNS:
        return [(start, word, PRONOUN)]
    if start >= end or end - start > 160:
        return None
    if NAME_LIKE.search(text, start, end):
        people, people_end = _read_list(text, start, end)  # "Anna Svensson", "ekonomichef Per Ek"
        if people and people_end == end and all(p.name for p in people):
            return [(p.start, p.name, Party(p.name, p.role, RESPONSIBLE)) for p in people if p.name]
    parts = party_phrase(text, start, end)
    return [(pos, phrase, None) for pos, phrase in parts] if parts else None


def as_party(part: tuple) -> Party | None:
    """The party a clause part names; None for a pronoun, which the context resolves."""
    _, phrase, marker = part
    if marker == PRONOUN:
        return None
    return marker if isinstance(marker, Party) else Party(None, phrase, RESPONSIBLE)


def tail_phrase(text: str, start: int, end: int) -> Parts | None:
    """The longest party phrase that ends at `end` and starts at a word after `start`."""
    for m in TOKEN.finditer(text, max(start, end - 160), end):
        parts = phrase_at(text, m.start(), end)
        if parts:
            return parts
    return None


def subject_before(text: str, sentence_start: int, verb: int) -> Parts | None:
    """The subject that ends right before `verb`: from the farthest clause opening on."""
    lo = max(sentence_start, verb - 160)
    starts = [m.end() for m in CLAUSE_OPENER.finditer(text, lo, verb)]
    if lo == sentence_start:
        starts.insert(0, sentence_start)
    for start in starts:
        parts = phrase_at(text, start, verb)
        if parts:
            return parts
    return None


def at_clause_start(text: str, sentence_start: int, pos: int) -> bool:
    """Whether only white space stands between the sentence start and `pos`."""
    i = pos
    while i > sentence_start and text[i - 1].isspace():
        i -= 1
    return i <= sentence_start


def head_run(text: str, pos: int, end: int) -> tuple[Parts, int]:
    """The longest party phrase (or pronoun) starting at `pos`, within six words."""
    best: tuple[Parts, int] = ([], pos)
    for m in list(TOKEN.finditer(text, pos, min(end, pos + 200)))[:6]:
        if m.group().startswith("("):
            break  # "Kommunstyrelsen (KS)": the abbreviation in apposition
        word = m.group()
        if not (is_head(word) or word.lower() in PRONOUNS or word[:1].isupper()):
            continue  # a phrase ends in a head, a pronoun or a name
        parts = phrase_at(text, pos, m.end())
        if parts:
            best = (parts, m.end())
    return best


def subject_at(text: str, start: int) -> tuple[list | None, str | None]:
    """The party phrase that opens a clause at `start` and the finite verb after it, adverbs
    between them skipped ("Ekby kommun inte uppfyller", "Vi arbetar aktivt")."""
    tokens = list(TOKEN.finditer(text, start, min(len(text), start + 200)))[:12]
    for k in range(1, len(tokens)):
        word = tokens[k].group()
        if word.lower() in ADVERB_WORDS:
            continue
        if word not in MODALS and (
            not FINITE.fullmatch(word) or word in NOT_VERBS or is_head(word)
        ):
            continue
        j = k
        while j > 1 and tokens[j - 1].group().lower() in ADVERB_WORDS:
            j -= 1
        if not any(
            is_head(t.group()) or t.group().lower() in PRONOUNS or t.group()[:1].isupper()
            for t in tokens[:j]
        ):
            continue  # no head, no pronoun, no name: no party before this verb
        parts = phrase_at(text, start, tokens[j - 1].end())
        if parts:
            return parts, word
    return None, None


def skip_marker(text: str, pos: int) -> int:
    m = _MARKER.match(text, pos)
    return m.end() if m else pos


_MARKER = re.compile(r"\s*(?:[-•*–—]|\d{1,3}[.):]|\d+:\d+)?\s*")  # a list item's bullet or number
