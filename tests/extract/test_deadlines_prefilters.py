"""The cheap tests before the deadline patterns never change what the patterns find."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.deadlines import find_deadline
from styr.extract.deadlines.context import _PLAN_YEAR, PLAN_YEAR_ENDS, folded
from styr.extract.deadlines.grammar import (
    _CHAIN,
    _CHAIN_START,
    _EXPRESSION,
    _TRIGGER_START,
    _expressions,
    chain_before,
)

PLAN_WORDS = [
    "plan", "Planen", "budget", "BUDGETEN", "budgetåret", "för", "inför", "avseende", "år",
    "åren", "perioden", "verksamhetsåret", "Regionstyrelsens", "förslag", "till", "om",
    "överskott", "Resultatet", "på", "ramen", "budgetramarnas", "jämfört", "med", "mot", "jfr.",
    "jmf", "strategin", "programmet", "visionen", "direktiven", "prognosen", "utfallet", "ſ",
    "K", "Å", "ska", "under", "område", "12",
]  # fmt: skip
SPACES = st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2003", " :", ""])
plan_text = st.lists(st.tuples(st.sampled_from(PLAN_WORDS), SPACES), max_size=8).map(
    lambda parts: "".join(word + space for word, space in parts)
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(plan_text, st.text(max_size=60)))
def test_a_plan_year_match_ends_in_one_of_its_endings(window):
    if _PLAN_YEAR.search(window):
        assert folded(window, 0, len(window)).rstrip().endswith(PLAN_YEAR_ENDS)


def test_plan_and_budget_years_are_still_no_deadlines():
    assert find_deadline("Enligt mål och budget för 2016 ska planen tas fram.") is None
    assert find_deadline("Överskottet jämfört med 2019 ökar.") is None
    assert find_deadline("Regionstyrelsens plan 2021-2023 gäller.") is None


def test_a_plan_word_before_another_word_leaves_the_date_a_deadline():
    deadline = find_deadline("Nämnden ska ta fram en plan för område 12 under våren 2017.")
    assert deadline is not None and deadline.text == "under våren 2017"


def test_the_trigger_scan_reads_each_form_as_the_full_pattern_does():
    text = (
        "2015-12-31, 20151231, 2016-W12, 2015-2016, 31/12 2015, 12/2024, 1:a jan. 2016, "
        "första kvartalet 2015, andra halvåret 2016, tredje tertialet, nov–dec 2014, "
        "september 2016, sommaren 2015, HT16, halvårsskiftet 2016, årsskiftet 2015/16, "
        "läsåret 2024/25, kv. 3 2015, Q3 2016, halvår 2 2016, H1 2016, tertial 2 2016, T2 2016, "
        "vecka 12 2016, före årets slut, i år, ſeptember 2016, İnnevarande år"
    )
    ours = [(m.span(), m.lastgroup) for m in _expressions(text)]
    assert ours == [(m.span(), m.lastgroup) for m in _EXPRESSION.finditer(text)]
    assert len({group for _, group in ours}) >= 24


def test_every_character_a_trigger_starts_with_is_a_place_the_scan_stops():
    # What re.IGNORECASE takes for a trigger's first letter, over all of Unicode: the scan's
    # character set must hold every one, or a date written with it would be missed.
    first = re.compile(r"[0-9vhqtsjfmaondkåil]", re.IGNORECASE)
    missing = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if first.fullmatch(chr(code)) and not _TRIGGER_START.match(chr(code))
    ]
    assert missing == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123 Vvåår.-/ſKİtertialsdecQH\n")), max_size=40))
def test_the_prefiltered_trigger_scan_finds_what_the_full_pattern_finds(text):
    ours = [(m.span(), m.lastgroup) for m in _expressions(text)]
    assert ours == [(m.span(), m.lastgroup) for m in _EXPRESSION.finditer(text)]


def test_every_character_a_chain_starts_with_is_a_place_the_chain_scan_stops():
    first = re.compile(r"[sftipuvdåk]", re.IGNORECASE)
    missing = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if first.fullmatch(chr(code)) and not _CHAIN_START.match(chr(code))
    ]
    assert missing == []


CHAIN_WORDS = [
    "senast", "Senast", "fram", "till", "och", "med", "t.o.m.", "t. o. m", "före", "innan",
    "inför", "per", "under", "inom", "vid", "i", "den", "år", "året", "utgången", "av",
    "slutet", "klart", "Klar", "färdigt", "ſenast", "İnom", ":", ".", "x", "2024", "ska",
]  # fmt: skip
chain_text = st.lists(st.tuples(st.sampled_from(CHAIN_WORDS), SPACES), max_size=10).map(
    lambda parts: "".join(word + space for word, space in parts)
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(chain_text, st.text(max_size=40)), st.integers(0, 30))
def test_the_chain_scan_finds_what_the_chain_pattern_finds(text, low):
    ours = chain_before(text, low, len(text))
    theirs = _CHAIN.search(text, low, len(text))
    assert (ours and ours.span()) == (theirs and theirs.span())


# The clause boundaries as first written, two named alternatives tried at every position.
PLAIN_BOUNDARY = re.compile(
    r"(?P<sent>[.!?;:](?=\s+[\"'*(\[]*[A-ZÅÄÖÉ])|\n|\*)|(?P<clause>,|\s(?:och|samt|men|medan"
    r"|eller)\s(?!med\b))"
)
BOUNDARY_WORDS = ["och", "samt", "men", "medan", "eller", "med", "Ansvarig", "ska", "Åtgärd"]
boundary_text = st.lists(
    st.tuples(
        st.sampled_from(BOUNDARY_WORDS), st.sampled_from([" ", ". ", ", ", "\n", "* ", ": ", "  "])
    ),
    max_size=10,
).map(lambda parts: "".join(word + space for word, space in parts))


@settings(max_examples=500, deadline=None)
@given(st.one_of(boundary_text, st.text(max_size=40)))
def test_the_boundary_scan_finds_the_breaks_and_kinds_the_plain_pattern_finds(text):
    # imported here: the module's first lines (and the texts below them) stay where they were
    from styr.extract.deadlines.tense import _BOUNDARY, _SENTENCE_CHARACTERS

    ours = [(m.span(), text[m.start()] in _SENTENCE_CHARACTERS) for m in _BOUNDARY.finditer(text)]
    plain = [(m.span(), m.lastgroup == "sent") for m in PLAIN_BOUNDARY.finditer(text)]
    assert ours == plain
