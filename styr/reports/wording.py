"""The report's fixed Swedish words and sentences, shared by every renderer.

Plain text only; each renderer escapes and styles it for its own format.
"""

from __future__ import annotations

import re

from styr.reports.content import Report, ReportAction, StatusCount

PROPOSAL_HEADING = "Förslag till beslut"
SUMMARY_HEADING = "Sammanfattning"
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


def people_line(action: ReportAction) -> str:
    line = f"Ansvarig: {', '.join(action.responsible) or 'ingen namngiven'}."
    if action.supporting:
        line += f" Stöd: {', '.join(action.supporting)}."
    return line


def deadline_line(action: ReportAction) -> str:
    return f"Klart: {action.deadline_text}." if action.deadline_text else ""


def note_line(action: ReportAction) -> str:
    """The status note in the memo's words, or the status itself when no note was given."""
    return action.note or f"{action.status_label}."


def listed(action: ReportAction, *, with_deadline: bool = False) -> str:
    """One line of a list: 'title – deadline (status)'."""
    detail = f" – {action.deadline_text}" if with_deadline and action.deadline_text else ""
    return f"{action.title}{detail} ({action.status_label})"


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
