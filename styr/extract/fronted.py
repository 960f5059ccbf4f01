"""A sentence that opens with a purpose clause: "För att minska sjukfrånvaron ska
äldreomsorgen under våren införa …".

Swedish puts the finite verb second: after a fronted clause the modal comes first and its
subject after it ("ska äldreomsorgen införa"). The modal then belongs to the main clause and
says who acts, unlike the modal inside a purpose clause ("för att målen ska nås"), which is
followed by its verb. The word after the modal tells them apart: a subject is a name (a
capital) or a noun in the definite form (-en, -et, -erna …), which no infinitive is.
"""

from __future__ import annotations

import re

_OPENS_WITH_PURPOSE = re.compile(r"^\s*(?:för|så)\s+att\s+[^,.]*$", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:[A-ZÅÄÖ][\w-]*|[\w-]+(?:en|et|erna|arna|orna|rna))$")


def inverted_after_purpose(before: str, word: str) -> bool:
    """`before` (the sentence up to its modal) is a fronted purpose clause and `word` (the
    word after the modal) the main clause's subject."""
    return bool(_OPENS_WITH_PURPOSE.match(before) and _SUBJECT.match(word))
