"""Match names and titles found in a document to the people and posts Styr knows.

Pure functions. A name matches a person by their name or a recorded alias, ignoring case
and spacing; failing that, by a spelling variant one letter away with the same first name
("Mats Boman" → Mats Bohman). Anything less certain is left unmatched for a person to review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[‐-―\-]", " ", text.lower()).split())


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def match_person(name: str, people: Iterable[Any]) -> Any | None:
    """The person `name` refers to; `people` have `.name` and `.alias_names` (a list)."""
    wanted = normalise(name)
    candidates = list(people)
    for person in candidates:
        if wanted in {normalise(n) for n in [person.name, *person.alias_names]}:
            return person
    close = [
        person
        for person in candidates
        for known in [person.name, *person.alias_names]
        if normalise(known).split()[:1] == wanted.split()[:1]
        and edit_distance(normalise(known), wanted, limit=1) <= 1
    ]
    unique = {id(person): person for person in close}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _indefinite(title: str) -> str:
    words = normalise(title).replace(" och ", " ").split()
    if words and words[-1].endswith(("ören", "chefen", "juristen")):
        words[-1] = words[-1][:-2]
    return "".join(words)


def match_post(role: str, posts: Iterable[Any]) -> Any | None:
    """The post whose title is `role`, up to case, hyphens, spacing and definite form."""
    wanted = _indefinite(role)
    found = [post for post in posts if _indefinite(post.title) == wanted]
    return found[0] if len(found) == 1 else None
