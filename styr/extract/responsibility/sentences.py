"""Sentence and clause boundaries, and the list of parties that ends at a position."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from styr.extract.responsibility.mentions import _Part, _read_list, _skip_ws
from styr.extract.responsibility.patterns import _B, _E, _H, _HS, _UP, _WS, _words

# --- sentences -------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(
    rf"\n{_H}*\n\s*"
    rf"|(?<=[.!?])[\"”'*)\]]*\s+(?=[\"“*(\[]*[{_UP}0-9])"
    rf"|(?<=[.!?:;])[\"”'*)\]]*{_H}*\n\s*"
    rf"|\n(?={_H}*(?:[-•*–—]|\d{{1,2}}[.)]){_H})"
)
_ABBREVIATIONS = _words(
    "t.ex bl.a ev resp ca nr kap jfr s.k m.m dvs fr.o.m t.o.m st tf t.f p.g.a inkl exkl"
)


# Where a break can start: at a line break, or right after a stop (.!?:;), the lookbehinds of
# its other forms. Searched in C as a character set, _SENTENCE_BREAK is tried only there.
_BREAK_PLACE = re.compile(r"[.!?:;\n]")


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """What `_SENTENCE_BREAK.finditer(text)` finds (its matches are never empty), faster."""
    end = 0
    match = _SENTENCE_BREAK.match
    for place in _BREAK_PLACE.finditer(text):
        start = place.start() if text[place.start()] == "\n" else place.end()
        if start >= end:
            found = match(text, start)
            if found is not None:
                end = found.end()
                yield found


def _sentence_starts(text: str) -> Iterator[int]:
    """Where the sentences after the first start, in order."""
    for m in _breaks(text):
        dot = m.start()
        if dot > 0 and text[dot - 1] == "." and not text[m.start() : m.end()].count("\n"):
            # The word before the stop, as far as an initial or an abbreviation (at most six
            # characters) can reach: seven characters without white space are a longer word.
            before = text[max(0, dot - 8) : dot - 1]
            word = before.rsplit(maxsplit=1)[-1] if before and not before[-1].isspace() else ""
            initial = len(word) == 1 and word.isupper()
            if initial or word.lower() in _ABBREVIATIONS:
                continue  # "Per O. Ek", "t.ex. Nacka"
        yield m.end()


class _Sentences:
    """Where the sentences of a text start, found as far as asked: most paragraphs read for
    a slot's keyword have no slot after all, and a document's first commitment is near its
    top."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._found = [0]
        self._rest: Iterator[int] | None = _sentence_starts(text)

    def _find_past(self, pos: int) -> None:
        """Read starts until one lies after `pos` or none is left."""
        while self._rest is not None and self._found[-1] <= pos:
            start = next(self._rest, None)
            if start is None:
                self._rest = None
            else:
                self._found.append(start)

    @property
    def starts(self) -> list[int]:
        self._find_past(self.length)
        return self._found

    def bounds(self, pos: int) -> tuple[int, int]:
        self._find_past(pos)
        starts = self._found
        i = bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else self.length
        return starts[i], end


_CONJUNCTIONS = frozenset({"och", "samt", "men", "medan", "dock"})
_OPENERS = ',;:(–—-•*|["“'


def _clause_initial(text: str, pos: int, sentence_start: int, line: bool = False) -> bool:
    """Whether `pos` opens a clause: sentence start, after punctuation or a conjunction (or,
    with `line`, at the start of a line)."""
    i = pos
    while i > sentence_start and text[i - 1] in _HS + "\n":
        i -= 1
    if i <= sentence_start or text[i - 1] in _OPENERS:
        return True
    if line and "\n" in text[i:pos]:
        return True
    j = i
    while j > sentence_start and j > i - 8 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower() in _CONJUNCTIONS


_CANDIDATE = re.compile(
    rf"(?:[,;:(–—]|{_B}(?:och|samt|men|medan|med|av|till|hos|på|för|är|blir){_E}){_WS}?"
)
_PREPOSITIONS = frozenset({"med", "av", "till", "hos", "på", "för", "är", "blir"})


def _parts_before(text: str, end: int, sentence_start: int, after_preposition: bool) -> list[_Part]:
    """The list of parts that ends exactly at `end` (commas and spaces before it ignored)."""
    stop = end
    while stop > sentence_start and text[stop - 1] in _HS + "\n,":
        stop -= 1
    lo = max(sentence_start, stop - 300)
    starts = [lo] if lo == sentence_start else []
    for m in _CANDIDATE.finditer(text, lo, stop):
        word = m.group().strip(_HS + "\n" + ",;:(–—")
        if word in _PREPOSITIONS and not after_preposition:
            continue
        starts.append(m.end())
    for start in starts:
        start = _skip_ws(text, start, stop)
        while start < stop and text[start] in '-•*–—"“(':
            start = _skip_ws(text, start + 1, stop)
        parts, list_end = _read_list(text, start, stop)
        if parts and list_end == stop:
            return parts
    return []
