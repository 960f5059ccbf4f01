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


def written(text: str, *, level: int = 3) -> list[str]:
    """The strategy office's text: subheadings, paragraphs and lists (`wording.text_parts`)."""
    out: list[str] = []
    for part in w.text_parts(text):
        if part.kind == "heading":
            out += [f"{'#' * level} {escape(part.lines[0])}", ""]
        elif part.kind == "numbered":
            out += [f"{n}. {escape(line)}" for n, line in enumerate(part.lines, start=1)]
            out.append("")
        elif part.kind == "bullets":
            out += [f"- {escape(line)}" for line in part.lines] + [""]
        else:
            out += ["  \n".join(escape(line) for line in part.lines), ""]
    return out


def section(heading: str, body: list[str]) -> list[str]:
    return [f"## {heading}", "", *body] if body else []


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
        out += paragraphs(block.description)
        for action in block.actions:
            if action.title != block.heading and not appendix:
                out += [f"**{escape(action.title)}**", ""]
            out += paragraphs(action.text)
            if not appendix and w.action_lines(action):
                out += [escape(w.action_lines(action)), ""]
            if appendix or action.note:
                out += [f"*{escape(w.note_line(action))}*", ""]
    return out


def statistics(report: Report) -> list[str]:
    out = [w.summary_sentence(report), "", *status_table(report), ""]
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
    return out


def remaining(report: Report) -> list[str]:
    out: list[str] = []
    for action in report.remaining:
        out += paragraphs(action.text)
        if w.action_lines(action):
            out += [escape(w.action_lines(action)), ""]
        out += [f"*{escape(w.note_line(action))}*", ""]
    return out or [w.NO_REMAINING, ""]


def signatures(report: Report) -> list[str]:
    out: list[str] = []
    for person in report.texts.signatories:
        lines = [escape(line) for line in (person.name, person.title, person.unit) if line]
        out += ["  \n".join(lines), ""]
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
    texts = report.texts
    out += [f"## {w.PROPOSAL_HEADING}", "", escape(report.proposal), ""]
    out += section(w.SUMMARY_HEADING, written(texts.summary) or [w.summary_sentence(report), ""])
    if texts.include_statistics:
        out += section(w.STATISTICS_HEADING, statistics(report))
    out += section(w.MATTER_HEADING, written(texts.matter) + written(texts.areas))
    out += section(w.REMAINING_HEADING, remaining(report))
    out += section(
        w.UPCOMING_HEADING, render_blocks(report.upcoming, appendix=False) or [w.NO_UPCOMING, ""]
    )
    out += section(w.ECONOMY_HEADING, written(texts.economy))
    out += section(w.OTHER_HEADING, written(texts.other))
    attachments = [f"{n}. {escape(a)}" for n, a in enumerate(texts.attachments, start=1)]
    out += section(w.ATTACHMENTS_HEADING, attachments + [""] if attachments else [])
    out += signatures(report)

    out += [f"## {w.APPENDIX_HEADING}", ""]
    out += render_blocks(report.appendix, appendix=True) or [w.NO_APPENDIX, ""]
    return "\n".join(out).rstrip("\n") + "\n"
