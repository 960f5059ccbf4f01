"""The status spreadsheet against the plan: what an export holds, what an upload would
change, and saving it all or nothing.

- `export_rows(plan, day)`: the plan's actions as they stand on the day, read through the one
  as-of rule (`plan_snapshot`), as rows in `spreadsheet.COLUMNS` order; internal notes are
  never exported.
- `compare(plan, rows, user, may=…)`: per row of an uploaded sheet, whether it changes the action's
  status and whether that is allowed; a `Preview` of the changes and the errors (row,
  column, Swedish message). Nothing is written. One row is checked by
  `styr.plans.status_rows.check_row`.
- `save_import(plan, rows, user, may=…, digest=…)`: compare again inside one transaction, with the
  actions locked, and record one status update per changed row through
  `record_status_update` under the uploader's name; any error and nothing is saved.

A row changes when its status or kommentar differs both from the update in force today and
from the newest update recorded for the action (`newest_by_date`: one submitted and waiting
for approval is not submitted again), or when only its datum is later than theirs. So
exporting and uploading the file untouched changes nothing, and uploading the same filled-in
file twice changes nothing the second time. Whether the uploader may report on an action is
asked only of the rows that change: a director fills in the rows of the actions they answer
for in the export of the whole plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from styr.accounts.audit import audit_context
from styr.plans.domain import record_status_update
from styr.plans.models import Action, Plan, Status
from styr.plans.queries import as_of, plan_snapshot, updates_in_force
from styr.plans.spreadsheet import SheetRow
from styr.plans.status_rows import (
    Change,
    RowError,
    action_ids,
    check_row,
    read_upload,
    sheet_error,
    status_code,
    status_labels,
)

__all__ = [
    "Change",
    "ImportRefused",
    "May",
    "Preview",
    "RowError",
    "compare",
    "export_rows",
    "find_plan",
    "read_upload",
    "save_import",
    "sheet_error",
    "status_code",
    "status_labels",
    "theme_path",
]

# The policy's answer for the uploader, `may(right, obj)`, asked by the caller (a view or a
# command: `functools.partial(can, user)`); a domain module never asks the policy itself.
May = Callable[[str, Any], bool]


# ---------------------------------------------------------------------------------------
# Export


def theme_path(theme) -> str:
    """'1. Kommunikation › Öppna data': the heading under its parent, as Mina åtgärder shows."""
    if theme.parent_id and theme.parent is not None:
        return f"{theme.parent.heading} › {theme.heading}"
    return theme.heading


def export_rows(plan: Plan, day: dt.date | None = None) -> list[tuple]:
    """The plan's actions as they stand on `day` (today), one tuple per action in
    `spreadsheet.COLUMNS` order: id, tema, åtgärd, ansvariga, tidplan, status (the Swedish
    label, empty when none was reported), kommentar (the public note), datum (a date)."""
    snapshot = plan_snapshot(plan, day or timezone.localdate())
    rows = []
    for row in snapshot.actions:
        action, update = row.action, row.update
        rows.append(
            (
                action.id,
                theme_path(action.theme),
                action.title,
                "; ".join(who.name for who in row.responsible if who.name),
                action.deadline_text,
                str(Status(update.status).label) if update else "",
                update.note if update else "",
                update.date if update else None,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------
# Comparing an upload with the plan


@dataclass
class Preview:
    """What saving the rows would do: the changes, the errors and how many rows stay."""

    plan: Plan | None
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unchanged: int = 0
    # What each change was compared with: part of the digest, so a save notices that
    # someone reported on one of the actions after the preview was shown.
    seen: list[tuple] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """A fingerprint of exactly what would be saved and what it was compared with."""
        data = [
            [c.row, c.action.id, c.status, c.note, c.date.isoformat()] for c in self.changes
        ] + [list(item) for item in self.seen]
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


class ImportRefused(Exception):
    """Nothing was saved: the rows have errors (`preview.errors`), or the plan changed
    since the preview the user saw (`stale`)."""

    def __init__(self, preview: Preview, stale: bool = False):
        super().__init__(f"{len(preview.errors)} errors" if not stale else "stale preview")
        self.preview = preview
        self.stale = stale


def find_plan(rows: list[SheetRow]) -> Plan | None:
    """The one plan the ids of a file belong to; None when they name no known action or
    actions of several plans (the caller then asks for the plan)."""
    ids = action_ids(rows)
    plan_ids = set(Action.objects.filter(id__in=ids).values_list("plan_id", flat=True))
    if len(plan_ids) != 1:
        return None
    return Plan.objects.select_related("municipality").get(pk=plan_ids.pop())


def compare(
    plan: Plan,
    rows: list[SheetRow],
    user,
    *,
    may: May,
    today: dt.date | None = None,
    lock: bool = False,
) -> Preview:
    """What saving `rows` on `plan` as `user` would record, and every error, by row and
    column. `may(right, action)` is the policy's answer for `user`, asked by the caller.
    Reads the actions in one query, the updates in force in one, and the newest update of
    each row that differs from the one in force in one more each."""
    today = today or timezone.localdate()
    preview = Preview(plan)
    ids = action_ids(rows)
    actions = Action.objects.filter(id__in=ids).select_related("plan__municipality")
    if lock:
        # The actions alone: on PostgreSQL a plain FOR UPDATE would lock the joined plan too.
        actions = actions.select_for_update(of=("self",))
    found = {action.id: action for action in actions}
    in_force = updates_in_force(
        Action.objects.filter(id__in=[i for i, a in found.items() if a.plan_id == plan.id]),
        as_of(today),
    )
    first_row: dict[int, int] = {}
    for row in rows:
        errors, change = check_row(plan, row, may, today, found, in_force, first_row)
        preview.errors += errors
        if change is not None:
            preview.changes.append(change)
            newest = change.newest
            preview.seen.append(
                (
                    change.action.id,
                    change.current.id if change.current else None,
                    newest and newest.id,
                )
            )
        elif not errors:
            preview.unchanged += 1
    return preview


# ---------------------------------------------------------------------------------------
# Saving


@transaction.atomic
def save_import(
    plan: Plan,
    rows: list[SheetRow],
    user,
    *,
    may: May,
    digest: str | None = None,
    source: str = "",
    today: dt.date | None = None,
) -> Preview:
    """Record one status update per changed row, by `user`, all or nothing.

    The rows are compared again with the actions locked, so what is saved is what the plan
    says now: with errors, ImportRefused and nothing saved; with `digest` (the preview's)
    and a different outcome (someone reported meanwhile), ImportRefused(stale=True). The
    audit entries of the updates name the file (`source`)."""
    preview = compare(plan, rows, user, may=may, today=today, lock=True)
    if preview.errors:
        raise ImportRefused(preview)
    if digest is not None and digest != preview.digest:
        raise ImportRefused(preview, stale=True)
    with audit_context(status_import=source or "kalkylark"):
        for change in preview.changes:
            try:
                record_status_update(
                    change.action,
                    date=change.date,
                    status=change.status,
                    note=change.note,
                    author=user,
                    may_approve=may("plans.approve_status", change.action),
                )
            except ValidationError as error:
                preview.errors.append(RowError(change.row, None, " ".join(error.messages)))
    if preview.errors:
        raise ImportRefused(preview)  # rolls the transaction back: nothing is saved
    return preview
