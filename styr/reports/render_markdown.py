"""Render a report's content as Markdown: the memo's shape, byte-identical for the same content.

The section order here is the reference for the other renderers; the words are in
`styr.reports.wording`.
"""

from __future__ import annotations

import re

from styr.reports import wording as w
from styr.reports.content import Block, Report, ReportAction

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Escape Markdown's inline syntax so that the memo's words come out as written."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    # A paragraph that starts like a list item or a numbered line must not become one.
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", escaped, flags=re.MULTILINE)


def paragraphs(text: str) -> list[str]:
    out = []
    for paragraph in w.paragraphs(text):
        # Lines inside a paragraph (a list of councils, say) stay lines.
        out += [escape(paragraph).replace("\n", "  \n"), ""]
    return out


def status_table(report: Report) -> list[str]:
    lines = ["| " + " | ".join(w.STATUS_COLUMNS) + " |", "| --- | ---: |"]
    lines += [f"| {c.label} | {c.count} |" for c in w.shown_counts(report)]
    lines.append(f"| **{w.TOTAL}** | **{report.total}** |")
    return lines


def theme_table(report: Report) -> list[str]:
    codes = w.shown_counts(report)
    head = [*w.THEME_FIRST_COLUMNS, *[c.label for c in codes], w.THEME_LAST_COLUMN]
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    for theme in report.themes:
        counts = {c.code: c.count for c in theme.counts}
        cells = [
            "– " * (theme.level - 1) + escape(theme.heading),
            str(theme.total),
            *[str(counts[c.code]) for c in codes],
            str(theme.overdue),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def action_list(actions: list[ReportAction], *, with_deadline: bool = False) -> list[str]:
    return [f"- {escape(w.listed(a, with_deadline=with_deadline))}" for a in actions] or [w.NONE]


def render_blocks(blocks: list[Block], *, appendix: bool) -> list[str]:
    out: list[str] = []
    for block in blocks:
        out += [f"{'#' * min(block.level + 2, 6)} {escape(block.heading)}", ""]
        for action in block.actions:
            if action.title != block.heading and not appendix:
                out += [f"**{escape(action.title)}**", ""]
            out += paragraphs(action.text)
            if appendix:
                out += [f"*{escape(w.note_line(action))}*", ""]
            else:
                line = " ".join(filter(None, [w.people_line(action), w.deadline_line(action)]))
                out += [escape(line), ""]
    return out


def render_markdown(report: Report) -> str:
    out = [
        f"# {escape(report.title)}",
        "",
        f"{escape(report.municipality)}  ",
        f"{report.date_text}  ",
        f"{report.document_type.upper()}  ",
        escape(report.registration_number),
        "",
        escape(w.addressee_line(report)),
        "",
    ]
    if report.subtitle:
        out += [escape(report.subtitle), ""]
    out += [f"## {w.PROPOSAL_HEADING}", "", escape(report.proposal), ""]

    out += [f"## {w.SUMMARY_HEADING}", "", w.summary_sentence(report), ""]
    out += [*status_table(report), ""]
    out += [f"### {w.THEMES_HEADING}", "", *theme_table(report), ""]
    out += [f"### {w.OVERDUE_HEADING}", "", *action_list(report.overdue, with_deadline=True), ""]
    out += [f"### {w.changes_heading(report)}", ""]
    if report.changes:
        changes = report.changes
        out += [w.NEW_ACTIONS, "", *action_list(changes.new), ""]
        status = [
            f"- {escape(c.title)}: {escape(c.before)} → {escape(c.after)}" for c in changes.status
        ]
        out += [w.CHANGED_STATUS, "", *(status or [w.NONE]), ""]
        out += [w.NEWLY_OVERDUE, "", *action_list(changes.newly_overdue, with_deadline=True), ""]
    else:
        out += [w.NO_PREVIOUS, ""]

    out += [f"## {w.REMAINING_HEADING}", ""]
    for action in report.remaining:
        out += [f"### {escape(action.title)}", "", *paragraphs(action.text)]
        out += [escape(w.people_line(action)), "", f"*{escape(w.note_line(action))}*", ""]
    if not report.remaining:
        out += [w.NO_REMAINING, ""]

    out += [f"## {w.UPCOMING_HEADING}", ""]
    out += render_blocks(report.upcoming, appendix=False) or [w.NO_UPCOMING, ""]

    out += [f"## {w.APPENDIX_HEADING}", ""]
    out += render_blocks(report.appendix, appendix=True) or [w.NO_APPENDIX, ""]
    return "\n".join(out).rstrip("\n") + "\n"
