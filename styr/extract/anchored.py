"""Matches of a pattern that can only begin at the text's start or just after an anchor.

Python's regular expressions try a pattern at every position of the text; where the pattern
itself allows a match only at the start or after a line break or a stop (a lookbehind says
so), trying it just there finds the same matches far faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def matches_after(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds when a match can begin only at the text's start or
    where a match of `anchor` ends."""
    first = pattern.match(text)
    if first is not None:
        yield first
    for place in anchor.finditer(text):
        found = pattern.match(text, place.end())
        if found is not None:
            yield found
