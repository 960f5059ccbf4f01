"""Extract a plan document into the JSON contract of `styr extract` (see DESIGN.md).

Beyond DESIGN's fields each action has `supporting` (parties that help, as `responsible`),
`confidence` (0..1, how sure the rules are that it is an action) and `span` (`{"start",
"end"}`: the [start, end) character offsets of the text it was read from in the document's
text as `read_document` returns it, or null). The review page marks the spans in that text;
`extract_text` guarantees every span lies inside the text it was given and every
confidence inside 0..1, whatever the rules produce.
"""

from __future__ import annotations

from pathlib import Path

from styr.extract.action import Action
from styr.extract.readers import read_document
from styr.extract.segment import extract_actions


def party(p) -> dict:
    return {"name": p.name, "role": p.role}


def _span(action: Action, length: int | None) -> dict | None:
    """The action's span if it is a real piece of the text (non-empty, inside it), else None."""
    if action.span is None:
        return None
    start, end = action.span
    if not 0 <= start < end or (length is not None and end > length):
        return None
    return {"start": start, "end": end}


def action_json(action: Action, length: int | None = None) -> dict:
    deadline = None
    if action.deadline is not None:
        deadline = {
            "text": action.deadline.text,
            "date": action.deadline.date.isoformat(),
            "precision": action.deadline.precision,
        }
        if action.deadline.note:
            deadline["note"] = action.deadline.note
    status = None
    if action.status_text is not None:
        status = {"text": action.status_text, "code": action.status_code}
    return {
        "title": action.title,
        "text": action.text,
        "theme": action.theme,
        "responsible": [{"name": p.name, "role": p.role} for p in action.responsible],
        "supporting": [{"name": p.name, "role": p.role} for p in action.supporting],
        "deadline": deadline,
        "status": status,
        "confidence": round(min(1.0, max(0.0, action.confidence)), 2),
        "span": _span(action, length),
    }


def extract_text(text: str, source: str) -> dict:
    actions = extract_actions(text)
    return {"source": source, "actions": [action_json(a, len(text)) for a in actions]}


def extract_file(path: Path) -> dict:
    """One document's entry: raises readers.UnreadableDocument naming the file if unreadable."""
    path = Path(path)
    return extract_text(read_document(path), path.name)
