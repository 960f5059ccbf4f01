"""Choosing the deadline of a text among its date expressions.

Choosing the deadline in a paragraph (``find_deadline``):

1. Start dates are dropped: an expression right after "från och med", "fr.o.m.", "fr o m",
   "fom", "från", "sedan", "med start", "start", "startar", "startade", "efter", "påbörjas",
   "påbörjades", "inleds", "börjar" (optionally followed by "den", "i", "under", "vid").
   A later yearless expression naming the same period is dropped as well: in "Från och med
   hösten 2015 utvecklas ... Under hösten prövas ..." (default year 2015) "Under hösten" is
   the autumn the work starts, not a deadline.
2. Past tense is dropped (see ``tense``).
3. A bare year or year range (no preposition) followed by ":" is a label ("Budget 2016: 3
   mnkr", "prop. 2015/16:KU20") and is dropped. One right after a plan word ("mål och budget
   2016-2018", "perioden 2015-2017", "handlingsplanen 2016", ...) or after a capitalised word
   ("Agenda 2030", "Vision 2030", "Nacka 2030") names a document or a programme: it is used
   only when nothing else is left.
4. Among the rest, an expression introduced by a deadline marker wins: "senast" (also
   "klart senast", "ska vara klar senast", up to 30 characters before the date, no digits
   in between), "deadline", "slutdatum", "färdig(t) till", "klar(t/a) till", or "klar(t)",
   "färdig(t)" right before the date ("klart 2016-12-31", "Klart: tertial 2 2017").
   Otherwise the LATEST date wins: the action is done when its last part is done. Ties go
   to the earlier phrase.

The paragraph should be the action without its status note: the memo's notes ("*Arbetet
pågår, beräknas vara klart årsskiftet 2015/2016.*") carry revised dates, and "klart" makes
them win. Split the note off first (see ``styr.extract.status``) and read it separately.

"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .context import (
    _AFTER_YEAR,
    _CAPS_BEFORE,
    _DNR,
    _LABEL_AFTER,
    _MARKER,
    _PREV_WORD,
    _QUANTITY_BEFORE,
    _REFERENCE_WORDS,
    _START,
    _WINDOW,
)
from .grammar import _CHAIN, _expressions
from .resolve import Deadline, _resolve, _Resolved, _valid_default_year
from .tense import _Clauses

_START_TIER = -1


class _Candidate(NamedTuple):
    tier: int  # 0: marked ("senast" & co), 1: ordinary, 2: plan/budget reference, -1: a start
    start: int  # start of Deadline.text (the preposition, if any)
    end: int
    resolved: _Resolved


def find_deadline(text: str, *, default_year: int | None = None) -> Deadline | None:
    """The deadline of a paragraph of a plan, or None (see the module docstring for the rules)."""
    if not isinstance(text, str) or not text:
        return None
    default_year = _valid_default_year(default_year)
    clauses = _Clauses(text)
    best: _Candidate | None = None
    starts: set[tuple[dt.date, str]] = set()
    for match in _expressions(text):
        candidate = _candidate(text, match, default_year, clauses)
        if candidate is None:
            continue
        period = (candidate.resolved.date, candidate.resolved.precision)
        if candidate.tier == _START_TIER:
            starts.add(period)
            continue
        if candidate.resolved.yearless and period in starts:
            continue  # "Från och med hösten 2015 ... Under hösten prövas ...": the same start
        if best is None or (candidate.tier, -candidate.resolved.date.toordinal()) < (
            best.tier,
            -best.resolved.date.toordinal(),
        ):
            best = candidate
    if best is None:
        return None
    resolved = best.resolved
    return Deadline(text[best.start : best.end], resolved.date, resolved.precision, resolved.note)


def _candidate(
    text: str, match: re.Match, default_year: int | None, clauses: _Clauses
) -> _Candidate | None:
    resolved = _resolve(match, default_year)
    if resolved is None:
        return None
    start, end = match.span()
    low = max(0, start - _WINDOW)
    if _DNR.search(text, low, start):
        return None
    chain = _CHAIN.search(text, low, start)
    text_start = chain.start() if chain else start
    if _START.search(text, low, start):
        return _Candidate(_START_TIER, text_start, end, resolved)
    if resolved.needs_preposition and chain is None:
        return None
    tier = 1
    if resolved.bare_year:
        if _AFTER_YEAR.match(text, end) or _QUANTITY_BEFORE.search(text, low, start):
            return None
        if (
            match.lastgroup == "yp"
            and "/" in match.group()
            and _CAPS_BEFORE.search(text, low, start)
        ):
            return None
        if chain is None:
            if _LABEL_AFTER.match(text, end):
                return None
            previous = _PREV_WORD.search(text, low, start)
            if previous and _is_reference_word(previous.group(1)):
                tier = 2
    if clauses.is_past(start, end):
        return None
    if _MARKER.search(text, low, start):
        tier = 0
    return _Candidate(tier, text_start, end, resolved)


def _is_reference_word(word: str) -> bool:
    """'budget 2016', 'perioden 2015-2017', 'Agenda 2030', 'Nacka 2030': names, not deadlines."""
    if word[0].isupper():
        return True
    word = word.lower()
    return word in ("mål", "målen") or word.endswith(_REFERENCE_WORDS)
