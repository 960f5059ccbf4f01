"""A pattern searched by its first letters (responsibility.patterns.Scan) finds what it does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.responsibility import slots
from styr.extract.responsibility.abbreviations import _DEFINED, _LISTED, _defined, _listed
from styr.extract.responsibility.context import (
    _ADDRESSING,
    _ASKED_TO_COMMIT,
    _COMMITS,
    _COMMITS_WORDS,
    _starting_with,
)
from styr.extract.responsibility.patterns import Scan
from styr.extract.responsibility.sentences import _SENTENCE_BREAK, _breaks

SCANS = [value for value in vars(slots).values() if isinstance(value, Scan)]
WORDS = [
    "Ansvarig", "ansvariga", "Huvudansvarig", "Yttersta", "yttersta", "Övergripande", "är", "blir",
    "blev", "var", "också", "ansvarar", "ansvarade", "har", "huvudansvaret", "ansvaret", "för",
    "att", "stödja", "bistå", "som", "stödjer", "stöder", "stöttar", "Med", "med", "stöd", "hjälp",
    "av", "från", "I", "i", "nära", "samverkan", "samspel", "samarbete", "stöds", "stöttas",
    "biträdd", "Samordnas", "leds", "Drivs", "hålls", "ihop", "Huvudansvaret", "Ansvaret",
    "ligger", "på", "hos", "vilar", "inom", "Inom", "ramen", "Under", "under", "Per", "Olssons",
    "ekonomichef", "Anna", "Svensson", "Kommunstyrelsen", "x-", "-", "2024", "ſom", "K",
]  # fmt: skip
SEPARATORS = st.sampled_from([" ", "  ", "\n", ", ", ". ", "-", "", "\u00a0", ": "])
texts = st.lists(st.tuples(st.sampled_from(WORDS), SEPARATORS), max_size=14).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


def spans(matches):
    return [(m.span(), m.group(), m.groupdict()) for m in matches]


def test_every_slot_pattern_that_opens_with_a_word_start_is_scanned():
    assert len(SCANS) == 8


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 200))
def test_a_scan_finds_the_matches_the_pattern_finds(text, pos, endpos):
    for scan in SCANS:
        assert spans(scan.finditer(text)) == spans(scan.pattern.finditer(text))
        ours, theirs = scan.search(text, pos, endpos), scan.pattern.search(text, pos, endpos)
        assert spans([ours] if ours else []) == spans([theirs] if theirs else [])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_a_scan_finds_the_matches_the_pattern_finds_in_any_text(text):
    for scan in SCANS:
        assert spans(scan.finditer(text)) == spans(scan.pattern.finditer(text))


BREAK_PIECES = st.sampled_from(
    ["Per", " ", "\n", "\n\n", ". ", "! ", "? ", ":", ";", "\t", '"', "”", "*", ")", "]", "(",
     "- ", "• ", "1. ", "2)", "Å", "ök", "3"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(BREAK_PIECES, max_size=16).map("".join), st.text(max_size=60)))
def test_sentence_breaks_found_at_their_places_are_the_breaks_of_the_pattern(text):
    ours = [(m.span(), m.group()) for m in _breaks(text)]
    assert ours == [(m.span(), m.group()) for m in _SENTENCE_BREAK.finditer(text)]


DEFINITION_PIECES = st.sampled_from(
    ["Kommunstyrelsen", "Barn-", "och", "utbildningsnämnden", "Ärendet", "gäller", "KS", "BUN",
     "(KS)", "(BUN)", "(", ")", " ", "  ", "\t", "\n", " = ", " – ", ": ", "-", ".", ",", "x"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(DEFINITION_PIECES, max_size=24).map("".join), st.text(max_size=60)))
def test_the_definition_scans_find_what_the_definition_patterns_find(text):
    assert spans(_listed(text)) == spans(_LISTED.finditer(text))
    assert spans(_defined(text)) == spans(_DEFINED.finditer(text))


DOCUMENT_PIECES = st.sampled_from(
    ["förelägger", "ålägger", "konstaterar", "bedömer", "finner", "att", "Ekby", "kommun",
     "inte", "ej", "uppfyller", "följer", "föreslår", "kommunstyrelsen", "anta", "avge", "har",
     "antagit", "antar", "åtar", "sig", "ställer", "bakom", "föreslås", "xhar", " ", "\n", ". ",
     ";"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(DOCUMENT_PIECES, max_size=24).map(" ".join), st.text(max_size=60)))
def test_the_document_scans_by_keyword_find_what_their_patterns_find(text):
    for pattern, words in [
        *_ADDRESSING,
        (_COMMITS, _COMMITS_WORDS),
        (_ASKED_TO_COMMIT, ("föreslår",)),
    ]:
        assert spans(_starting_with(pattern, words, text)) == spans(pattern.finditer(text))
