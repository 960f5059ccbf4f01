"""A document's lines grouped by blank lines and page breaks (blocks._line_groups)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.blocks import _line_groups, body_start

_SPACE = " \t\r\u00a0\u200b"  # what a line's words are trimmed of


def _groups_line_by_line(text: str) -> list[list[tuple[int, int]]]:
    """The rule written out: each line (a form feed a line of its own) trimmed of _SPACE; a
    blank line or a form feed ends a group."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n\f]*\n?|\f", text[body_start(text) :]):
        line = match.group().rstrip("\n")
        words = line.strip(_SPACE)
        if line == "\f" or not words:
            if current:
                groups.append(current)
                current = []
            continue
        start = body_start(text) + match.start() + len(line) - len(line.lstrip(_SPACE))
        current.append((start, start + len(words)))
    if current:
        groups.append(current)
    return groups


PIECES = ["a", "Ab c", " ", "\t", "\r", "\n", "\n", "\f", "\u00a0", "\u200b", "\u2003", "\x0b"]
texts = st.lists(st.sampled_from([*PIECES, "# source: x.pdf\n"]), max_size=20).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_lines_are_grouped_as_the_rule_reads_them_line_by_line(text):
    assert _line_groups(text) == _groups_line_by_line(text)


def test_a_line_of_spaces_and_a_form_feed_end_a_group_and_words_are_trimmed():
    text = " Rubrik \r\n\u00a0rad ett\n \t \nrad två\fsida två\n"
    assert [[text[s:e] for s, e in group] for group in _line_groups(text)] == [
        ["Rubrik", "rad ett"],
        ["rad två"],
        ["sida två"],
    ]
