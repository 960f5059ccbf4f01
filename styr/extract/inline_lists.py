"""A list flattened onto one line of a document: where its items start.

Text copied out of a PDF or a web page often has a list on one line ("Löftena är: • Vi … • Vi
…", "Ärenden 1. Val … 2. Information … 3. Övrigt"): the segmenter reads each item as a block
of its own, split at its bullets or at numbers that count 1, 2, 3 ….
"""

from __future__ import annotations

import re

_INLINE_BULLET = re.compile(r"(?<=\S)[ \t]+(?=[•▪●][ \t]*\S)")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.[ \t]+(?=[A-ZÅÄÖ])")


def inline_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list flattened onto one line ("… är: • Vi … • Vi …", "Ärenden 1. Val … 2. Info …"):
    split at its bullets, or at numbers that count 1, 2, 3 …; otherwise the piece as it is."""
    raw = text[start:end]
    if "1. " not in raw and "•" not in raw and "▪" not in raw and "●" not in raw:
        return [(start, end)]  # no list can be flattened here: the common case, kept cheap
    cuts = [m.end() for m in _INLINE_BULLET.finditer(raw)]
    if len(cuts) < 2:
        cuts, expected = [], 1
        for match in _INLINE_NUMBER.finditer(raw):
            if int(match.group(1)) == expected:
                cuts.append(match.start(1))
                expected += 1
        if len(cuts) < 3:
            return [(start, end)]
    bounds = [0, *(c for c in cuts if c > 0), len(raw)]
    pieces = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = raw[a:b]
        if piece.strip():
            offset = len(piece) - len(piece.lstrip())
            pieces.append((start + a + offset, start + a + len(piece.rstrip())))
    return pieces
