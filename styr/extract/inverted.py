"""A duty told with its subject after the verb, behind a fronted adverb: "Vidare avser TN att
upphandla …", "Dessutom ska förvaltningen se över …", "Därefter kommer nämnden att utvärdera …".

Swedish puts the finite verb second, so after a fronted adverb the subject follows the modal.
It is the subject of a duty when it is a party head (a body, a unit, a post or a committee
abbreviation: "TN", "nämnden", "kulturförvaltningen"); "Dessutom ska vägen vara klar" names
no one who acts.
"""

from __future__ import annotations

import re

from styr.extract.responsibility.phrases import is_head

_INVERTED = re.compile(
    r"\s*(?:vidare|dessutom|därefter|därutöver|härutöver|samtidigt|slutligen|parallellt|"
    r"framöver|sedan|även|också|på\s+sikt|utöver\s+detta)\s*,?\s+"
    r"(?:ska|skall|kommer|avser|planerar|måste|behöver)\s+(?P<subject>[\w-]+)\s+"
    r"(?:även\s+|också\s+|dessutom\s+)?(?:att\s+)?(?P<verb>[a-zåäö]+)",
    re.IGNORECASE,
)


def inverted_duty_verb(sentence: str) -> str | None:
    """The verb of a duty whose party subject follows the modal after a fronted adverb, in
    lower case, or None when the sentence does not open so."""
    match = _INVERTED.match(sentence)
    if match is None or not is_head(match["subject"]):
        return None
    return match["verb"].lower()
