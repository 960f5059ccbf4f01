"""The review of an extracted document before it is saved: where each action was read in the
text, how sure the rules were, and what the reviewer's decisions make of the actions.

Plain functions over the `styr extract` JSON (no models, no request), so the page and its
tests share them:
- `segments` cuts the document text into marked pieces (an action's span, numbered) and
  unmarked pieces (text that was left out), so the page shows both;
- `locate` finds an action's words in the text when the rules gave no span;
- `apply_decisions` turns per-action decisions (accept, merge with the previous, reject)
  into the actions to save, or says which decision cannot be carried out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

ACCEPT, MERGE, REJECT = "accept", "merge", "reject"
# Below this the page says "Osäker" in words beside the action (not colour alone): the
# rules give 0.6 to an action found by a moderate cue only (styr.extract.cues.MODERATE).
LOW_CONFIDENCE = 0.7
# The page shows at most this much of the document: enough for any plan, not a 20 MB page.
MAX_SHOWN = 400_000

_WORD = re.compile(r"\w+")
# Between two words of an action's text the document may have spaces, line breaks, list
# marks, emphasis or table bars that the extractor dropped.
_GAP = r"[\W_]+"
_CLOSING = re.compile(r"[.!?:;)\]*_”\"»]*")


@dataclass(frozen=True)
class Segment:
    """A piece of the document text: `number` is the action it was taken for, None if left out."""

    text: str
    number: int | None = None


class DecisionError(ValueError):
    """A decision that cannot be carried out; `index` is the row (0-based) it belongs to."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index = index


def is_uncertain(confidence: float | None) -> bool:
    return confidence is not None and confidence < LOW_CONFIDENCE


def span_of(action: dict) -> tuple[int, int] | None:
    """The action's span from the JSON contract ({"start", "end"}), or None."""
    span = action.get("span")
    if not isinstance(span, dict):
        return None
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def locate(text: str, action: dict, after: int = 0) -> tuple[int, int] | None:
    """Where the action's own words stand in `text`, searching from `after`: its whole text if
    found word for word, else its title. None when neither is there (a table row, a text the
    rules rewrote)."""
    for field in ("text", "title"):
        words = _WORD.findall(action.get(field) or "")[:400]
        if not words:
            continue
        pattern = re.compile(_GAP.join(re.escape(w) for w in words))
        match = pattern.search(text, after) or pattern.search(text)
        if match:
            # The words end before the closing full stop or emphasis; the span takes them in.
            closing = _CLOSING.match(text, match.end())  # always: it matches the empty string
            return match.start(), closing.end() if closing else match.end()
    return None


def spans(text: str, actions: list[dict]) -> list[tuple[int, int] | None]:
    """Per action its span in `text`: the rules' own, else found by its words."""
    result: list[tuple[int, int] | None] = []
    after = 0
    for action in actions:
        span = span_of(action)
        if span is None or span[1] > len(text):
            span = locate(text, action, after)
        if span is not None:
            after = span[1]
        result.append(span)
    return result


def segments(text: str, numbered: list[tuple[int, tuple[int, int] | None]]) -> list[Segment]:
    """The text cut into pieces, each action's span marked with its number and the rest left
    unmarked. Spans are clipped to the text; where two overlap the earlier keeps the overlap,
    so every character is shown exactly once."""
    placed = sorted(
        (max(0, start), min(len(text), end), number)
        for number, span in numbered
        if span is not None
        for start, end in [span]
    )
    pieces: list[Segment] = []
    at = 0
    for start, end, number in placed:
        start = max(start, at)
        if start >= end:
            continue
        if start > at:
            pieces.append(Segment(text[at:start]))
        pieces.append(Segment(text[start:end], number))
        at = end
    if at < len(text):
        pieces.append(Segment(text[at:]))
    return pieces


def _merge_parties(first: list[dict], second: list[dict]) -> list[dict]:
    seen = {(p.get("name"), p.get("role")) for p in first}
    return first + [p for p in second if (p.get("name"), p.get("role")) not in seen]


def merge(into: dict, other: dict) -> dict:
    """`other` joined to the action before it: one text, everyone responsible in either, and
    the deadline and status of the first where it has them (the second often only completes
    it: "Uppdraget ska redovisas senast …")."""
    joined = dict(into)
    joined["text"] = " ".join(t for t in (into.get("text"), other.get("text")) if t)
    joined["responsible"] = _merge_parties(
        into.get("responsible") or [], other.get("responsible") or []
    )
    supporting = _merge_parties(into.get("supporting") or [], other.get("supporting") or [])
    joined["supporting"] = [p for p in supporting if p not in joined["responsible"]]
    joined["deadline"] = into.get("deadline") or other.get("deadline")
    joined["status"] = into.get("status") or other.get("status")
    return joined


def tally(decisions: list[str], added: int = 0) -> dict:
    """What the review did, for the import's record: how many actions were found, accepted,
    merged and rejected, and how many the reviewer added by hand."""
    return {
        "found": len(decisions),
        "accepted": decisions.count(ACCEPT),
        "merged": decisions.count(MERGE),
        "rejected": decisions.count(REJECT),
        "added": added,
    }


def apply_decisions(rows: list[tuple[str, dict]]) -> list[dict]:
    """The actions to save from (decision, action) rows in document order: accepted ones as
    they are (edited or not), merged ones joined to the action just before them, rejected
    ones left out. A merge needs an action before it that is kept."""
    kept: list[dict] = []
    previous = None  # the decision of the row before
    for index, (decision, action) in enumerate(rows):
        if decision == ACCEPT:
            kept.append(dict(action))
        elif decision == MERGE:
            if index == 0:
                raise DecisionError(
                    index, _("Den första åtgärden har ingen åtgärd före sig att slås ihop med.")
                )
            if previous == REJECT:
                raise DecisionError(
                    index,
                    _("Åtgärd %(previous)s tas bort, så åtgärd %(n)s kan inte slås ihop med den.")
                    % {"previous": index, "n": index + 1},
                )
            kept[-1] = merge(kept[-1], action)
        elif decision != REJECT:
            raise DecisionError(index, _("Okänt beslut ”%(decision)s”.") % {"decision": decision})
        previous = decision
    return kept
