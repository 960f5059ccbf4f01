"""Build a status report's content for a plan as of a day, from rows already read.

Pure: no queries, no clock. The rows are the plan as it stood on the day under the one
as-of rule (`styr.plans.queries`): what applied then and was recorded by the day's end, so
the same data and day always give the same report, however much was added later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from styr.lib.dates import MONTHS, swedish_day
from styr.plans.snapshot import ActionRow, Standing, assemble
from styr.plans.status import DONE, STATUS_ORDER, status_label
from styr.reports.content import (
    FORMAT_VERSION,
    Block,
    Changes,
    Report,
    ReportAction,
    Signatory,
    StatusChange,
    StatusCount,
    Texts,
    ThemeSummary,
)
from styr.reports.wording import paragraphs

DEFAULT_PROPOSAL = "Kommunstyrelsen noterar informationen till protokollet."
DOCUMENT_TYPE = "Tjänsteskrivelse"


@dataclass
class PlanRows:
    """Everything a report needs, read once: see `styr.reports.queries.read_plan_rows`.

    `now` is the plan's actions as they stood on `day`; `then`, by action id, the status and
    lateness of those that were part of it on `since`.
    """

    day: dt.date
    since: dt.date | None  # the previous report's day, to compare with
    plan: Any
    municipality_name: str
    owner_name: str
    themes: list
    now: list[ActionRow]
    then: dict[int, Standing] | None
    texts: Any = None  # the ReportTexts in force on `day`, or None: the defaults


def build_report(rows: PlanRows, *, proposal: str | None = None) -> Report:
    """The report as of `rows.day`, compared with `rows.since` when there is one.

    The words are the strategy office's texts in force on the day (`rows.texts`); `proposal`
    overrides theirs. Återstående åtgärder lists the actions they chose, by default every
    earlier decided action not done; Bilaga 1 follows up the other earlier ones, so no
    action is in both.
    """
    plan, day, since = rows.plan, rows.day, rows.since
    action_rows = rows.now
    texts = rows.texts
    snapshot = assemble(plan, day, rows.themes, action_rows)
    headings = {theme.id: theme.heading for theme in rows.themes}
    items = {
        row.action.id: _item(row, headings[row.action.theme_id], day, since) for row in action_rows
    }
    remaining = remaining_rows(action_rows, texts.remaining if texts else None)
    remaining_ids = {row.action.id for row in remaining}

    def blocks(origin: str) -> list[Block]:
        chosen = [
            row
            for row in action_rows
            if row.action.origin == origin and row.action.id not in remaining_ids
        ]
        return _blocks(rows.themes, action_rows, chosen, items)

    return Report(
        format_version=FORMAT_VERSION,
        municipality=rows.municipality_name,
        date=day.isoformat(),
        date_text=swedish_day(day),
        document_type=DOCUMENT_TYPE,
        registration_number=plan.registration_number,
        addressee=rows.owner_name,
        title=plan.title,
        subtitle=subtitle_on((texts.subtitle if texts else "") or plan.subtitle, day),
        proposal=(proposal or (texts.proposal if texts else "")).strip() or DEFAULT_PROPOSAL,
        total=snapshot.total,
        done=snapshot.done,
        counts=_counts(snapshot.counts),
        themes=[
            ThemeSummary(
                heading=row.theme.heading,
                level=row.depth + 1,
                total=row.total,
                done=row.done,
                overdue=row.overdue,
                counts=_counts(row.counts),
            )
            for row in snapshot.themes
            if row.total
        ],
        overdue=[items[row.action.id] for row in snapshot.overdue],
        changes=_changes(rows, day, since, action_rows, items) if since else None,
        remaining=[items[row.action.id] for row in remaining],
        upcoming=blocks("new"),
        appendix=blocks("earlier"),
        texts=report_texts(texts),
    )


def remaining_rows(action_rows: list[ActionRow], chosen: list[int] | None) -> list[ActionRow]:
    """The actions Återstående åtgärder lists, in the plan's order.

    `chosen` is the strategy office's selection (action ids; ids no longer in the plan are
    ignored); None means the default: every earlier decided action that is not done.
    """
    if chosen is None:
        return [r for r in action_rows if r.action.origin == "earlier" and r.status != DONE]
    wanted = set(chosen)
    return [row for row in action_rows if row.action.id in wanted]


def report_texts(texts) -> Texts:
    """The report's words from a ReportTexts (or anything with its fields); None: defaults."""
    if texts is None:
        return Texts()
    return Texts(
        summary=texts.summary.strip(),
        matter=texts.matter.strip(),
        areas=texts.areas.strip(),
        economy=texts.economy.strip(),
        other=texts.other.strip(),
        attachments=[line.strip() for line in texts.attachments.splitlines() if line.strip()],
        signatories=parse_signatories(texts.signatories),
        include_statistics=texts.include_statistics,
    )


def parse_signatories(text: str) -> list[Signatory]:
    """One signatory per paragraph: name, title and unit on their own lines."""
    result = []
    for paragraph in paragraphs(text):
        name, title, *unit = [line.strip() for line in paragraph.splitlines() if line.strip()] + [
            ""
        ]
        result.append(Signatory(name=name, title=title, unit=" ".join(unit).strip()))
    return result


_REPORT_MONTH = re.compile(rf"(lägesrapport) (?:{'|'.join(MONTHS)}) \d{{4}}", re.IGNORECASE)


def subtitle_on(subtitle: str, day: dt.date) -> str:
    """The subtitle with its "lägesrapport <month> <year>" moved to the report's month."""
    return _REPORT_MONTH.sub(lambda m: f"{m.group(1)} {MONTHS[day.month - 1]} {day.year}", subtitle)


def _counts(counts: dict[str, int]) -> list[StatusCount]:
    return [StatusCount(code, status_label(code), counts[code]) for code in STATUS_ORDER]


def _item(row: ActionRow, theme_heading: str, day: dt.date, since: dt.date | None) -> ReportAction:
    action, update = row.action, row.update
    # A note already reported before (on or before the previous report's day; with no
    # previous report, before this report's day) is dated so that it does not read as news.
    dated = bool(update and update.note and (update.date <= since if since else update.date < day))
    return ReportAction(
        id=action.id,
        title=action.title,
        text=action.text,
        theme=theme_heading,
        origin=action.origin,
        responsible=[who.label for who in row.responsible],
        supporting=[who.label for who in row.supporting],
        deadline_text=action.deadline_text,
        deadline_date=action.deadline_date.isoformat() if action.deadline_date else None,
        status=row.status,
        status_label=status_label(row.status),
        note=update.note if update else "",
        note_date=update.date.isoformat() if update else None,
        overdue=row.overdue,
        note_dated=dated,
        named=[who.name for who in [*row.responsible, *row.supporting]],
        note_date_text=swedish_day(update.date) if dated and update else "",
    )


def _blocks(themes, action_rows, chosen, items) -> list[Block]:
    """Headings in document order with the section's actions (`chosen`) under them.

    A top-level heading with no actions of its own (a section such as "Kommande åtgärder")
    is a wrapper: it is left out and the headings under it move up one level.
    """
    by_id = {theme.id: theme for theme in themes}
    own = defaultdict(list)
    for row in chosen:
        own[row.action.theme_id].append(items[row.action.id])
    has_any = {row.action.theme_id for row in action_rows}  # themes with actions of their own

    def ancestors(theme):
        while theme.parent_id is not None:
            theme = by_id[theme.parent_id]
            yield theme

    wanted = set()
    for theme_id in own:
        wanted.add(theme_id)
        wanted.update(a.id for a in ancestors(by_id[theme_id]))
    result = []
    for theme in themes:
        if theme.id not in wanted:
            continue
        chain = [theme, *ancestors(theme)]
        root = chain[-1]
        wrapper = root.id not in has_any
        if wrapper and theme is root:
            continue
        level = len(chain) - (1 if wrapper else 0)
        result.append(
            Block(
                heading=theme.heading,
                level=level,
                actions=own.get(theme.id, []),
                description=(theme.description or "").strip(),
            )
        )
    return result


def _changes(rows, day, since, rows_now, items) -> Changes:
    before = rows.then or {}
    changes = Changes(since=since.isoformat(), since_text=swedish_day(since))
    for row in rows_now:
        previous = before.get(row.action.id)
        if previous is None:
            changes.new.append(items[row.action.id])
            if row.overdue:
                changes.newly_overdue.append(items[row.action.id])
            continue
        if previous.status != row.status:
            changes.status.append(
                StatusChange(
                    id=row.action.id,
                    title=row.action.title,
                    before=status_label(previous.status),
                    after=status_label(row.status),
                )
            )
        if row.overdue and not previous.overdue:
            changes.newly_overdue.append(items[row.action.id])
    return changes
