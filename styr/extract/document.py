"""Extract a plan document into the JSON contract of `styr extract` (see DESIGN.md)."""

from __future__ import annotations

from pathlib import Path

from styr.extract.readers import read_document
from styr.extract.segment import Action, extract_actions


def party(p) -> dict:
    return {"name": p.name, "role": p.role}


def action_json(action: Action) -> dict:
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
        "responsible": [party(p) for p in action.responsible],
        "supporting": [party(p) for p in action.supporting],
        "deadline": deadline,
        "status": status,
        "confidence": round(action.confidence, 2),
        "span": None if action.span is None else {"start": action.span[0], "end": action.span[1]},
    }


def extract_text(text: str, source: str) -> dict:
    return {"source": source, "actions": [action_json(a) for a in extract_actions(text)]}


def extract_file(path: Path) -> dict:
    """One document's entry: raises readers.UnreadableDocument naming the file if unreadable."""
    path = Path(path)
    return extract_text(read_document(path), path.name)
