"""The dates a document states about itself: its own date and the year of its full dates.

A deadline written without a year ("senast den 15 april") takes the year the document is
dated or states, and a date is ahead or past relative to the document's own date.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
_FULL_DATE = re.compile(
    r"\b\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def document_date(text: str) -> dt.date | None:
    """The document's own date: the first ISO date near its top, if any."""
    match = _ISO_DATE.search(text[:2000])
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def stated_year(text: str) -> int | None:
    """The year the text states in a full date ("den 4 mars 2019"), for dates without one."""
    match = _FULL_DATE.search(text)
    return int(match.group(1)) if match else None
