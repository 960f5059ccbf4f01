"""The report's fixed Swedish words and sentences, shared by every renderer.

Plain text only; each renderer escapes and styles it for its own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from styr.reports.content import Report, ReportAction, StatusCount

PROPOSAL_HEADING = "Förslag till beslut"
SUMMARY_HEADING = "Sammanfattning"
STATISTICS_HEADING = "Läget i siffror"
MATTER_HEADING = "Ärendet"
ECONOMY_HEADING = "Ekonomiska konsekvenser"
OTHER_HEADING = "Övrigt"
ATTACHMENTS_HEADING = "Bilagor"
STATUS_TABLE_CAPTION = "Åtgärder per status"
THEMES_HEADING = "Per tema"
OVERDUE_HEADING = "Försenade åtgärder"
REMAINING_HEADING = "Återstående åtgärder"
UPCOMING_HEADING = "Kommande åtgärder"
APPENDIX_HEADING = "Bilaga 1 – Uppföljning av tidigare beslutade åtgärder"
NONE = "Inga."
STATUS_COLUMNS = ("Status", "Antal")
TOTAL = "Totalt"
THEME_FIRST_COLUMNS = ("Tema", "Åtgärder")
THEME_LAST_COLUMN = "Försenade"


def page_line(page: int | str, pages: int | str) -> str:
    return f"Sida {page} av {pages}"


def changes_heading(report: Report) -> str:
    if report.changes:
        return f"Förändringar sedan {report.changes.since_text}"
    return "Förändringar"


NO_PREVIOUS = "Ingen tidigare rapport att jämföra med."
NEW_ACTIONS = "Nya åtgärder:"
CHANGED_STATUS = "Ändrad status:"
NEWLY_OVERDUE = "Nya förseningar:"
NO_REMAINING = "Inga återstående åtgärder."
NO_UPCOMING = "Inga kommande åtgärder."
NO_APPENDIX = "Inga tidigare beslutade åtgärder."


def addressee_line(report: Report) -> str:
    return f"Till: {report.addressee}"


def summary_sentence(report: Report) -> str:
    return (
        f"Läget den {report.date_text}: {report.total} åtgärder, "
        f"varav {report.done} genomförda och {len(report.overdue)} försenade."
    )


def shown_counts(report: Report) -> list[StatusCount]:
    """The statuses that occur in the plan, in display order."""
    return [count for count in report.counts if count.count]


def _said(text: str, phrase: str) -> bool:
    """Whether the action's own text already says `phrase` (case and spacing aside)."""
    return " ".join(phrase.split()).casefold() in " ".join(text.split()).casefold()


def people_line(action: ReportAction) -> str:
    """ "Ansvarig: …" — only when the action's text does not already name them all."""
    if action.named and all(_said(action.text, name) for name in action.named):
        return ""
    line = f"Ansvarig: {', '.join(action.responsible) or 'ingen namngiven'}."
    if action.supporting:
        line += f" Stöd: {', '.join(action.supporting)}."
    return line


def deadline_line(action: ReportAction) -> str:
    """ "Klart: …" — only when the action's text does not already say when."""
    if not action.deadline_text or _said(action.text, action.deadline_text):
        return ""
    return f"Klart: {action.deadline_text}."


def action_lines(action: ReportAction) -> str:
    """Who answers for the action and by when, where its text does not say it."""
    return " ".join(filter(None, [people_line(action), deadline_line(action)]))


def note_line(action: ReportAction) -> str:
    """The status note in the memo's words, or the status itself when no note was given.

    A note from before the previous report carries its date, so that it is not read as news.
    """
    note = action.note or f"{action.status_label}."
    if action.note_dated:
        return f"Läget {action.note_date_text}: {note}"
    return note


def listed(action: ReportAction, *, with_deadline: bool = False) -> str:
    """One line of a list: 'title – deadline (status)'."""
    detail = f" – {action.deadline_text}" if with_deadline and action.deadline_text else ""
    return f"{action.title}{detail} ({action.status_label})"


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


@dataclass(frozen=True)
class Part:
    """One piece of a written text: a subheading, a paragraph (its lines), or a list."""

    kind: str  # "heading" | "paragraph" | "numbered" | "bullets"
    lines: tuple[str, ...]


_NUMBERED = re.compile(r"^\d+[.)]\s+")
_BULLET = re.compile(r"^[-–•]\s+")


def text_parts(text: str) -> list[Part]:
    """Read the strategy office's plain text: paragraphs are separated by a blank line;
    a line starting "## " is a subheading; a paragraph whose every line starts "1. ", "2. " …
    is a numbered list, one whose every line starts "- " a bulleted list."""
    parts = []
    for paragraph in paragraphs(text):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        while lines and lines[0].startswith("## "):
            parts.append(Part("heading", (lines.pop(0)[3:].strip(),)))
        if not lines:
            continue
        if all(_NUMBERED.match(line) for line in lines):
            parts.append(Part("numbered", tuple(_NUMBERED.sub("", line) for line in lines)))
        elif all(_BULLET.match(line) for line in lines):
            parts.append(Part("bullets", tuple(_BULLET.sub("", line) for line in lines)))
        else:
            parts.append(Part("paragraph", tuple(lines)))
    return parts
