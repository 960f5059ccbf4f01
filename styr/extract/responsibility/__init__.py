"""Who is responsible for an action, and who supports it.

`find_parties(text)` reads one paragraph and returns the people, roles and bodies it names as
responsible or supporting (see `slots` for where they are read, `mentions` for how).
Pure standard library, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from styr.extract.responsibility.abbreviations import abbreviations
from styr.extract.responsibility.clauses import (
    ASSIGNED,
    DUTY_SUBJECT,
    PRONOUN,
    clause_parties,
    lead_in_parties,
)
from styr.extract.responsibility.party import DUTY, RESPONSIBLE, SUPPORTING, Party
from styr.extract.responsibility.phrases import party_phrase

__all__ = ["RESPONSIBLE", "SUPPORTING", "Party", "abbreviations", "find_parties"]
from styr.extract.responsibility.sentences import _Sentences
from styr.extract.responsibility.slots import (
    _KEYWORDS,
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
) -> list[Party]:
    """Who is responsible for, and who supports, the action described in `text`.

    In order of first appearance; a name (or a nameless role) appears once, with the first
    title found for it (or a later one if the first mention had none), and as responsible if
    it is named both responsible and supporting.

    The context is optional: `lead_in` is the sentence that introduces a list the text is an
    item of ("Löftena som Tanums kommun har antagit är:"), `heading` the heading above it (a
    committee heading over a group of lines), `abbreviations` what the document defines
    (`abbreviations(document_text)`), used to write out "(BUN)", and `previous` the
    responsible of the clause before, which a pronoun ("De fick också i uppdrag …") refers to.
    When the text itself names no one responsible, the context is read in the order: a
    pronoun's antecedent, the lead-in, the heading.
    """
    parties = _in_text(text)
    if not any(p.kind == RESPONSIBLE for p in parties):
        _, parts = clause_parties(text)
        acting = _resolved(parts, lead_in, heading, previous)
        parties = acting + [p for p in parties if p not in acting]
    if not any(p.kind == RESPONSIBLE for p in parties):
        inherited = _from_context(text, lead_in, heading, previous)
        parties = inherited + [p for p in parties if p not in inherited]
    if abbreviations:
        parties = _expanded(parties, abbreviations)
    return parties


def _in_text(text: str) -> list[Party]:
    if not text or (_KEYWORDS.search(text) is None and "(" not in text):
        return []
    sentences = _Sentences(text)
    items: list[tuple[int, str | None, str | None, str]] = []
    _label_slots(text, sentences, items)
    _trigger_slots(text, sentences, items)
    _predicate_slots(text, sentences, items)
    _as_responsible_slots(text, sentences, items)
    _phrase_slots(text, sentences, items)
    _genitive_slots(text, sentences, items)
    _dash_lines(text, items)
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
    return [Party(name, role, kind) for name, role, kind in merged.values()]


def _resolved(
    parts: list[tuple[int, str, str | None]],
    lead_in: str | None,
    heading: str | None,
    previous: Sequence[Party] | None,
) -> list[Party]:
    """Clause parts as parties: a pronoun is the previous clause's responsible, "Vi" the body
    of the lead-in or the heading."""
    result: list[Party] = []
    for _, phrase, marker in parts:
        if marker != PRONOUN:
            found = [Party(None, phrase, RESPONSIBLE)]
        elif phrase.lower() == "vi":
            found = _lead_in(lead_in) or _heading(heading) or []
        else:
            found = [
                Party(p.name, p.role, RESPONSIBLE) for p in previous or [] if p.kind == RESPONSIBLE
            ]
        result += [p for p in found if p not in result]
    return result


def _lead_in(lead_in: str | None) -> list[Party]:
    if not lead_in:
        return []
    found = [p for p in _in_text(lead_in) if p.kind == RESPONSIBLE]
    return found or [
        Party(None, phrase, RESPONSIBLE)
        for _, phrase, marker in lead_in_parties(lead_in)
        if marker is None
    ]


def _heading(heading: str | None) -> list[Party]:
    if not heading:
        return []
    heading = heading.strip(" *#:")
    parts = party_phrase(heading, 0, len(heading))
    if parts:  # a committee heading over a group of lines
        return [Party(None, phrase, RESPONSIBLE) for _, phrase in parts]
    tier, parts = clause_parties(heading)  # "Utredaren ska bland annat" over its tasks
    if tier in (ASSIGNED, DUTY_SUBJECT):
        return [Party(None, phrase, RESPONSIBLE) for _, phrase, marker in parts if not marker]
    return []


def _from_context(
    text: str, lead_in: str | None, heading: str | None, previous: Sequence[Party] | None
) -> list[Party]:
    """The responsible the context gives a text that names none itself."""
    if previous and _PRONOUN.match(text):
        return [Party(p.name, p.role, RESPONSIBLE) for p in previous if p.kind == RESPONSIBLE]
    return _lead_in(lead_in) or _heading(heading)


def _expanded(parties: list[Party], defined: Mapping[str, str]) -> list[Party]:
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


# "De fick också i uppdrag …", "Dessa ska …": the previous clause's responsible
_PRONOUN = re.compile(r"\s*(?:De|Dessa|Den|Denna|Hen|Han|Hon)\b")
