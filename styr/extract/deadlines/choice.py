"""Choosing the deadline of a text among its date expressions.

Choosing the deadline in a paragraph (``find_deadline``):

1. Start dates are dropped: an expression right after "från och med", "fr.o.m.", "fr o m",
   "fom", "från", "sedan", "med start", "start", "startar", "startade", "efter", "påbörjas",
   "påbörjades", "inleds", "börjar" (optionally followed by "den", "i", "under", "vid").
   A later yearless expression naming the same period is dropped as well: in "Från och med
   hösten 2015 utvecklas ... Under hösten prövas ..." (default year 2015) "Under hösten" is
   the autumn the work starts, not a deadline.
2. Past tense is dropped (see ``tense``), except a period introduced by "inför" ("har antagit
   följande löften inför 2024-2026": the period is still ahead).
3. Dates that are never deadlines are dropped (see ``context``): decision, adoption,
   publication and meeting dates ("Antagen av kommunstyrelsen 19 februari 2025", "Beslut
   kommer att fattas den 11 juni") unless the sentence says the date is when something is
   due ("ska redovisas vid nämndens sammanträde i juni 2016"); validity periods ("giltig under
   perioden 2025–2026"); plan, budget and target years ("plan för åren 2021–2022",
   "Regionstyrelsens plan 2021-2023", "överskott 2019", "jämfört med 2019"); earlier,
   superseded dates ("det ursprungliga slutdatumet 2016-03-31"); frequencies ("årligen i
   december", "i mars varje år").
4. A bare year or year range (no preposition) followed by ":" is a label ("Budget 2016: 3
   mnkr", "prop. 2015/16:KU20") and is dropped. One right after a plan word ("mål och budget
   2016-2018", "perioden 2015-2017", "handlingsplanen 2016", ...) or after a capitalised word
   ("Agenda 2030", "Vision 2030", "Nacka 2030") names a document or a programme: it is used
   only when nothing else is left. A mandate period ("mandatperiod 2022-2025") is a time
   frame, not a document.
5. Among the rest, an expression introduced by a deadline marker wins: "senast" (also
   "klart senast", "ska vara klar senast", up to 30 characters before the date, no digits
   in between), "senaste datum", "sista dag", "deadline", "slutdatum", "färdig(t) till",
   "klar(t/a) till", or "klar(t)", "färdig(t)" right before the date ("klart 2016-12-31",
   "Klart: tertial 2 2017"). Otherwise the LATEST date wins: the action is done when its
   last part is done. Ties go to the earlier phrase.
6. A moved deadline ("Slutdatum har flyttats till 2025-03-31") counts as marked, past tense
   or not: the new date is the one in force.
7. "senast samma dag" is the last exact day named before it, in the text or in the
   ``preceding`` text the caller passes (the sentence before the action's own).

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
    _DECISION,
    _DECISION_WORDS,
    _DNR,
    _DNR_WORDS,
    _DUE,
    _FREQUENCY_AFTER,
    _LABEL_AFTER,
    _MARKER,
    _MARKER_WORDS,
    _MOVED,
    _MOVED_WORDS,
    _PREV_WORD,
    _QUANTITY_BEFORE,
    _REFERENCE_WORDS,
    _SAME_DAY,
    _SENTENCE_BREAK,
    _START,
    _START_WORDS,
    _WINDOW,
    NEVER_CUES,
    folded,
    may_match,
)
from .grammar import _expressions, chain_before
from .resolve import Deadline, _resolve, _Resolved, _valid_default_year
from .tense import _Clauses

_START_TIER = -1
_MARKED_TIER, _ORDINARY_TIER, _REFERENCE_TIER = 0, 1, 2
_TIME_FRAMES = ("mandatperiod", "mandatperioden")
_TIME_FRAME_BEFORE = re.compile(r"(?<![\w])(?:under|inom|för|till|senast)\s{1,5}$", re.I)
_OPENS = re.compile(r"(?:^|[.!?:\n]\s*)$")  # searched in the text before a word


class _Candidate(NamedTuple):
    tier: int  # 0: marked ("senast" & co), 1: ordinary, 2: plan/budget reference, -1: a start
    start: int  # start of Deadline.text (the preposition, if any)
    end: int
    resolved: _Resolved
    chained: bool = True  # a preposition or marker comes before the expression


def find_deadline(
    text: str, *, default_year: int | None = None, preceding: str = ""
) -> Deadline | None:
    """The deadline of a paragraph of a plan, or None (see the module docstring for the rules).

    ``preceding`` is the text before the paragraph, read only for what "senast samma dag"
    refers to.
    """
    return _best(text, default_year, preceding, _REFERENCE_TIER)


def list_deadline(sentence: str, *, default_year: int | None = None) -> Deadline | None:
    """The time limit a list's lead-in or closing sentence sets for every item, or None.

    "Uppdraget ska redovisas senast den 9 maj 2026.", "Kommunen har antagit följande löften
    inför 2024-2026:", a heading "Klimatlöften 2024–2026". Unlike ``find_deadline`` a plan or
    budget reference ("Budget 2024", "Mål och budget 2024-2026") is not used even when it is
    all there is: a list under such a heading is the content of the plan, not work due then;
    nor is an exact day without a preposition or marker ("Protokoll 2024-02-03", "Beslut i
    korthet 12 juni 2024"): in a title or lead-in that is the document's own date.
    """
    return _best(sentence, default_year, "", _ORDINARY_TIER, list_mode=True)


def document_year(text: str) -> int | None:
    """The year the document itself states: the year of the first exact date near its top.

    "Protokoll 2019-05-22", "Beslut 2016-06-29", "Kommunfullmäktige beslutade den 4 mars
    2019 ...". Bare years are not used: "Budget 2020" and "Oförändrade budgetramar för 2020"
    are written the year before, so a date without a year ("senast den 15 april") in such a
    text has no year to take. None when the text states no exact date.
    """
    if not isinstance(text, str):
        return None
    for match in _expressions(text[:3000]):
        resolved = _resolve(match, None)
        if resolved is not None and resolved.precision == "day":
            return resolved.date.year
    return None


def _best(
    text: str, default_year, preceding: str, max_tier: int, *, list_mode: bool = False
) -> Deadline | None:
    if not isinstance(text, str) or not text:
        return None
    default_year = _valid_default_year(default_year)
    clauses = _Clauses(text)
    best: _Candidate | None = None
    starts: set[tuple[dt.date, str]] = set()
    for candidate in _candidates(text, default_year, clauses, preceding):
        if candidate.tier > max_tier:
            continue
        if list_mode and candidate.resolved.precision == "day" and not candidate.chained:
            continue  # "Protokoll 2024-02-03", "Beslut i korthet 22-23 juni 2022": its date
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
    resolved, phrase = best.resolved, text[best.start : best.end]
    if resolved.precision == "season" and resolved.date.month == 8 and _BEFORE_SUMMER.match(phrase):
        # "före sommaren 2025", "till sommaren": by the summer's start, the end of June
        return Deadline(phrase, resolved.date.replace(month=6, day=30), "season", resolved.note)
    return Deadline(phrase, resolved.date, resolved.precision, resolved.note)


_BEFORE_SUMMER = re.compile(r"(?:före|innan|till)\s+sommar", re.IGNORECASE)


def _candidates(text: str, default_year, clauses: _Clauses, preceding: str):
    days: list[tuple[int, _Resolved]] = []  # exact days so far, for "samma dag"
    same_days = list(_SAME_DAY.finditer(text)) if "samma" in text.lower() else []
    for match in _expressions(text):
        candidate = _candidate(text, match, default_year, clauses)
        if candidate is not None:
            if candidate.resolved.precision == "day":
                days.append((candidate.start, candidate.resolved))
            yield candidate
    for same in same_days:
        referent = _same_day(same.start(), days, preceding, default_year)
        if referent is not None and not clauses.is_past(same.start(), same.end()):
            yield _Candidate(_MARKED_TIER, same.start(), same.end(), referent)


def _same_day(
    position: int, days: list[tuple[int, _Resolved]], preceding: str, default_year
) -> _Resolved | None:
    earlier = [resolved for start, resolved in days if start < position]
    if earlier:
        return earlier[-1]
    if preceding:
        previous = _best(preceding, default_year, "", _ORDINARY_TIER)
        if previous is not None and previous.precision == "day":
            return _Resolved(previous.date, "day")
    return None


def _candidate(
    text: str, match: re.Match, default_year: int | None, clauses: _Clauses
) -> _Candidate | None:
    resolved = _resolve(match, default_year)
    if resolved is None:
        return None
    start, end = match.span()
    low = max(0, start - _WINDOW)
    window = folded(text, low, start)  # a pattern needs one of its words here (see context)
    if may_match(window, _DNR_WORDS) and _DNR.search(text, low, start):
        return None
    chain = chain_before(text, low, start)
    text_start = chain.start() if chain else start
    if may_match(window, _START_WORDS) and _START.search(text, low, start):
        return _Candidate(_START_TIER, text_start, end, resolved)
    if resolved.needs_preposition and chain is None:
        return None
    if _never(text, low, start, window) or _FREQUENCY_AFTER.match(text, end):
        return None
    if match.lastgroup == "my" and _CAPS_BEFORE.search(text, low, start):
        return None  # "KS 3/2024" is a registry number
    tier = _ORDINARY_TIER
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
            if previous and _is_reference(text, previous):
                tier = _REFERENCE_TIER
    ahead = chain is not None and text[chain.start() : chain.start() + 5] == "inför"
    moved = may_match(window, _MOVED_WORDS) and _MOVED.search(text, low, start) is not None
    if not (ahead or moved) and clauses.is_past(start, end):
        return None
    if moved or may_match(window, _MARKER_WORDS) and _MARKER.search(text, low, start):
        tier = _MARKED_TIER
    return _Candidate(tier, text_start, end, resolved, chained=chain is not None or tier == 0)


def _never(text: str, low: int, start: int, window: str) -> bool:
    """A frequency, a decision date, a validity period, a plan or target year, a superseded
    date. `window` is text[low:start] folded, for the patterns' keyword tests."""
    tail = None  # the window without a pattern's closing white space (\s and isspace agree)
    for pattern, words, ends in NEVER_CUES:
        if not may_match(window, words):
            continue
        if ends is not None:
            tail = window.rstrip() if tail is None else tail
            if not tail.endswith(ends):
                continue
        if pattern.search(text, low, start):
            return True
    if not may_match(window, _DECISION_WORDS) or _DECISION.search(text, low, start) is None:
        return False
    breaks = list(_SENTENCE_BREAK.finditer(text, low, start))
    sentence_start = breaks[-1].end() if breaks else low
    return _DUE.search(text, sentence_start, start) is None


def _is_reference(text: str, previous: re.Match) -> bool:
    """Whether the word before a bare year names a document ("budget 2016") or not."""
    before = max(0, previous.start() - 12)
    if _TIME_FRAME_BEFORE.search(text, before, previous.start()) and previous.group(1).lower() in (
        "period",
        "perioden",
    ):
        return False  # "under perioden 2024-2026": a time frame
    opens = bool(_OPENS.search(text, max(0, previous.start() - 8), previous.start()))
    return _is_reference_word(previous.group(1), opens_sentence=opens)


def _is_reference_word(word: str, *, opens_sentence: bool = False) -> bool:
    """'budget 2016', 'perioden 2015-2017', 'Agenda 2030', 'Nacka 2030': names, not deadlines.

    A capital letter names something only where a sentence or heading does not start:
    "Klimatlöften 2025–2027" as a heading is pledges for a period.
    """
    if word[0].isupper() and not opens_sentence:
        return True
    word = word.lower()
    if word in _TIME_FRAMES:
        return False
    return word in ("mål", "målen") or word.endswith(_REFERENCE_WORDS)
