"""Render a report's content as one self-contained HTML document (styles inside, no links out).

Byte-identical for the same content: no clock, no random ids.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction

STYLE = (Path(__file__).parent / "templates" / "reports" / "report.css").read_text("utf-8")


def _action(action: ReportAction) -> dict:
    """What the template shows of an action, in the shared wording."""
    return {
        "title": action.title,
        "paragraphs": [p.split("\n") for p in w.paragraphs(action.text)],
        "lines": w.action_lines(action),
        "note": w.note_line(action),
        "has_note": bool(action.note),
        "listed": w.listed(action),
        "listed_with_deadline": w.listed(action, with_deadline=True),
    }


def _blocks(blocks: list[Block]) -> list[dict]:
    return [
        {
            "heading": block.heading,
            "level": min(block.level + 2, 6),
            "description": [p.split("\n") for p in w.paragraphs(block.description)],
            "actions": [
                {**_action(a), "repeat_title": a.title != block.heading} for a in block.actions
            ],
        }
        for block in blocks
    ]


def render_html(report: Report) -> str:
    shown = w.shown_counts(report)
    themes = [
        {
            "heading": "– " * (theme.level - 1) + theme.heading,
            "total": theme.total,
            "overdue": theme.overdue,
            "counts": [next(c.count for c in theme.counts if c.code == s.code) for s in shown],
        }
        for theme in report.themes
    ]
    changes = report.changes
    return render_to_string(
        "reports/report.html",
        {
            "r": report,
            "w": w,
            "style": STYLE,
            "shown_counts": shown,
            "themes": themes,
            "addressee_line": w.addressee_line(report),
            "summary_sentence": w.summary_sentence(report),
            "changes_heading": w.changes_heading(report),
            "overdue": [_action(a) for a in report.overdue],
            "new": [_action(a) for a in changes.new] if changes else [],
            "newly_overdue": [_action(a) for a in changes.newly_overdue] if changes else [],
            "remaining": [_action(a) for a in report.remaining],
            "upcoming": _blocks(report.upcoming),
            "appendix": _blocks(report.appendix),
            **{
                name: w.text_parts(getattr(report.texts, name))
                for name in ("summary", "matter", "areas", "economy", "other")
            },
        },
    )
