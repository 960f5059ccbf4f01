"""Lowercased text for keyword prefilters: a cheap necessary condition of a regex match.

A pattern compiled with re.IGNORECASE matches a letter when the simple lowercase forms agree,
and also matches "İ" and "ı" for "i" and "ſ" for "s"; str.lower() alone maps none of those to
the ASCII letter (and turns "İ" into two characters). fold() maps them first, so when a word of
lowercase letters a–ö matches a text case-insensitively, the word is a substring of fold(text):
checking `word in fold(text)` before an expensive search never changes its outcome.
"""

from __future__ import annotations

from styr.extract.caching import per_document

_SPECIAL = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@per_document  # a paragraph is folded by each rule that tests its words, and plans repeat them
def fold(text: str) -> str:
    """The text lowercased as re.IGNORECASE compares letters, one character for one."""
    if "İ" in text or "ı" in text or "ſ" in text:  # rare: translate reads each character
        text = text.translate(_SPECIAL)
    return text.lower()


def has_any(folded: str, words: tuple[str, ...]) -> bool:
    """Whether one of the lowercase `words` occurs in the folded text."""
    return any(map(folded.__contains__, words))  # map: no generator frame per word
