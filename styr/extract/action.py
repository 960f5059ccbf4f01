"""An extracted action: what `styr extract` reports for each thing a document says is to be done.

Its fields are those of the JSON contract (DESIGN.md), plus where it was read (`span`) and how
sure the rules are (`confidence`), which the import review page shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from styr.extract.caching import per_document
from styr.extract.cues import first_sentence_span
from styr.extract.deadlines import Deadline
from styr.extract.responsibility import Party


@dataclass
class Action:
    title: str
    text: str
    theme: str | None
    responsible: list[Party] = field(default_factory=list)
    supporting: list[Party] = field(default_factory=list)
    deadline: Deadline | None = None
    status_text: str | None = None
    status_code: str | None = None
    # Where in the text given to `extract_actions` the action was read: [start, end) character
    # offsets, so a reviewer can see what was taken and what was left.
    span: tuple[int, int] | None = None
    # How sure the rules are that this is an action, 0..1: the review page sorts and marks by it.
    confidence: float = 0.5


# "KS 2022/130 Ta fram en policy …": a case number before the assignment is no part of its title.
_CASE_NUMBER = re.compile(
    r"^(?:dnr\s+)?(?:[A-ZÅÄÖ]{2,6}\s+)?(?:19|20)\d\d/\d{1,5}(?:-\d+)?\s+(?=\w)", re.I
)


@per_document  # a plan repeats its sentences; each is titled once
def first_sentence(text: str, limit: int = 120) -> str:
    plain = " ".join(text.replace("*", "").split())
    case_number = _CASE_NUMBER.match(plain)  # at the start only: a match, not a substitution
    if case_number:
        plain = plain[case_number.end() :]
    span = first_sentence_span(plain)  # "26 kap. 10 §" and "bl.a." end no sentence
    sentence = (plain[span[0] : span[1]] if span else plain).rstrip(".!?,;: ")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:– ") + " …"
