"""Paragraphs that are actions by what they state: a status note or a responsibility statement.

The layout of plans such as the Nacka memo: a paragraph that ends in a status note
("*Genomfört.*") or says who is responsible ("Ansvarig är …", "Ansvariga direktörer för
genomförandet är …", "… ansvarar för att …") is one action as a whole. A single sentence that
names who answers for something ongoing, with no date to do it by ("Stadsjurist Helena Meier är
ansvarig för att …"), is a standing duty and no action.
"""

from __future__ import annotations

import datetime as dt
import re

from styr.extract.deadlines import find_deadline
from styr.extract.folding import fold
from styr.extract.responsibility import Party

RESPONSIBILITY_ONLY = re.compile(r"^\*?(?:Ansvarig|Ansvariga|Ansvar)\b", re.IGNORECASE)
EXPLICIT = re.compile(
    r"\b(?:Ansvarig[a]?|Ansvar|Huvudansvarig)\b\s*(?::|är|blir|direktör|för)|\bansvarar\b|"
    r"\bAnsvarig[a]?\s+\w+\s*:",  # "Ansvarig nämnd: Tekniska nämnden"
    re.I,
)


def states_responsibility(text: str) -> bool:
    """`EXPLICIT.search(text)`, not searched in a text without "ansvar" (each match has it)."""
    return "ansvar" in fold(text) and EXPLICIT.search(text) is not None


_OBLIGATION = re.compile(
    r"\b(?:ska|skall|kommer att|behöver|bör|måste|planeras|genomförs|utvecklas|inrättas|"
    r"tas fram|ses över|införs|upprättas|tar fram|ta fram)\b",
    re.IGNORECASE,
)
# "Stadsjurist Helena Meier är ansvarig för att ta fram …": who holds a standing duty, not
# something decided to be done (the annotation rules count it as no action).
_STANDING_DUTY = re.compile(
    r"^(?!ansvarig)[^.]*?\b(?:är ansvarig|är ansvariga|ansvarar|har ansvar(?:et)?) för att\b",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(.+?[.!?])(?:\s+(?=[A-ZÅÄÖ0-9\"”»*])|$)", re.DOTALL)


def _is_standing_duty(text: str, default_year: int | None) -> bool:
    """One sentence naming who answers for something ongoing, with no date to do it by."""
    sentences = SENTENCE.findall(" ".join(text.split()))
    return (
        len(sentences) <= 1
        and bool(_STANDING_DUTY.match(text))
        and find_deadline(text, default_year=default_year) is None
    )


def is_action(text: str, note: str | None, parties: list[Party], today: dt.date | None) -> bool:
    """A note, a responsibility statement that is no standing duty, or a date ahead to do by.

    A responsible party counts only where the text states the responsibility ("Ansvarig:",
    "… ansvarar för att …"): a subject alone ("Samtliga skolor erbjuder …") makes no action.
    """
    if note:
        return True
    if _is_standing_duty(text, today.year if today else None):
        return False
    if states_responsibility(text) and any(p.kind == "responsible" for p in parties):
        return True
    if not _OBLIGATION.search(text):
        return False
    deadline = find_deadline(text, default_year=today.year if today else None)
    return deadline is not None and (today is None or deadline.date >= today)
