"""The segmenter's call into `responsibility.find_parties`, with the context it has.

The segmenter knows what a paragraph alone does not: the lead-in of the list an item belongs
to ("Löftena som Tanums kommun har antagit är:"), the heading above it (a committee), the
responsible of the clause before (for "De fick också i uppdrag …") and the abbreviations the
document defines. `find_parties` takes those as optional keywords; only those it accepts are
passed, so either side can move first.
"""

from __future__ import annotations

import inspect
from functools import cache

from styr.extract import responsibility
from styr.extract.responsibility import Party


@cache
def _accepted() -> frozenset[str]:
    return frozenset(inspect.signature(responsibility.find_parties).parameters)


def abbreviations(document: str) -> dict[str, str] | None:
    """The abbreviations the document defines ("Kommunstyrelsen (KS)"), if the parser reads them."""
    reader = getattr(responsibility, "abbreviations", None)
    return reader(document) if reader is not None else None


def parties_of(text: str, **context) -> list[Party]:
    """`find_parties(text, …)` with the context keywords it accepts and that are not None."""
    accepted = _accepted()
    given = {k: v for k, v in context.items() if k in accepted and v is not None}
    return responsibility.find_parties(text, **given)
