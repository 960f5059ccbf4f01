"""Lists: how the items after a lead-in are read.

A list is read by the sentence that introduces it, not by its markers:
- "Löftena som kommunen har antagit är:", "Utredaren ska bl.a.", "Regionfullmäktige beslutar
  att", "… kommer att ske i fem steg.", "Barn- och utbildningsnämndens förslag till beslut":
  each item is a task of its own (``tasks``), and a lead-in that ends in a bare verb phrase
  ("ska bland annat") is completed by lower-case items the same way;
- "Det som ska konsekvensbeskrivas är:" or items that are att-clauses after a colon: the items
  spell out the content of the action before them (``content``);
- a motion's or a citizen proposal's att-clauses, an agenda, a list of focus areas, goals or
  priorities: no item is an action (``ignore``);
- any other list: each item is judged on its own (``single``).
"""

from __future__ import annotations

import re

from styr.extract.blocks import ends_as_lead
from styr.extract.folding import fold, has_any

TASK_LEAD = re.compile(
    r"\b(?:löfte\w*|åtgärder\w*|aktiviteter\w*|uppdrag\w*|steg|etapper|faser|insatser\w*|"
    r"åtaganden\w*|beslutar\s+att|beslutade\s+att|förslag\s+till\s+beslut|beslutsförslag|"
    r"föreslås|har\s+antagit|åtar\s+sig)\b|\b(?:ska|skall)\s+(?:bl\.\s?a\.?|bland\s+annat)",
    re.IGNORECASE,
)
# Every match of TASK_LEAD holds one of these (lowercase, as `folding` compares).
_TASK_WORDS = ("löfte", "åtgärder", "aktiviteter", "uppdrag", "steg", "etapper", "faser",
               "insatser", "åtaganden", "beslut", "förslag", "föreslås", "antagit", "åtar",
               "ska")  # fmt: skip


def task_lead(text: str) -> bool:
    """`TASK_LEAD.search(text)`, not searched in a text without one of its words."""
    return has_any(fold(text), _TASK_WORDS) and TASK_LEAD.search(text) is not None


# "Kommunstyrelsen beslutar", "… föreslår kommunfullmäktige besluta": its att-clauses follow.
DECISION_LEAD = re.compile(
    r"\b(?:beslutar|beslutade|besluta|förslag\s+till\s+beslut|beslutsförslag)\s*(?:att\s*)?:?\s*$",
    re.IGNORECASE,
)
IGNORE_LEAD = re.compile(
    r"\b(?:motion\w*|medborgarförslag\w*|yrkande\w*|fokusområd\w*|prioriter\w*|innehåll\w*|"
    r"bilag\w*|ärenden|dagordning\w*|föredragningslista\w*|mål(?:en)?|målsättning\w*|"
    r"målbild\w*|indikator\w*|nyckeltal\w*)\b",
    re.IGNORECASE,
)
CONTENT_LEAD = re.compile(
    r"\bdet\s+som\s+ska\s+\w+\s+är\b|\b(?:omfattar|innehåller|består\s+av)\b[^.]*:\s*$",
    re.IGNORECASE,
)


# The words each lead pattern needs (lowercase, as `folding` compares): a lead-in without them
# is not searched.
_IGNORE_WORDS = ("motion", "medborgarförslag", "yrkande", "fokusområd", "prioriter", "innehåll",
                 "bilag", "ärenden", "dagordning", "föredragningslista", "mål", "indikator",
                 "nyckeltal")  # fmt: skip
_CONTENT_WORDS = ("som", "omfattar", "innehåller", "består")


def list_mode(lead: str, first_item: str) -> str:
    """How the items after a lead-in are read: tasks, content, ignore or single."""
    folded = fold(lead)
    if has_any(folded, _IGNORE_WORDS) and IGNORE_LEAD.search(lead):
        return "ignore"
    if has_any(folded, _CONTENT_WORDS) and CONTENT_LEAD.search(lead):
        return "content"
    if "beslut" in folded and DECISION_LEAD.search(lead):
        return "tasks"
    if lead.rstrip().endswith(":") and first_item.startswith("att "):
        return "content"
    task = has_any(folded, _TASK_WORDS) and TASK_LEAD.search(lead) is not None
    if task or ends_as_lead(lead) and re.match(r"[a-zåäö]", first_item):
        return "tasks"
    return "single"
