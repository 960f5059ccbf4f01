"""One row of an uploaded status sheet against its action: what the row says (status,
kommentar, datum), what is wrong with it, by column and in Swedish, and whether it changes
anything. `styr.plans.status_import` runs `check_row` over a whole file.

A row changes when its status or kommentar differs both from the update in force today and
from the newest update recorded for the action, or when only its datum is later than
theirs; see `styr.plans.status_import` for why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from styr.lib.dates import InvalidDate, read_date
from styr.lib.fields import explain
from styr.plans.domain import NOTE_LIMIT, check_update_date, newest_by_date
from styr.plans.models import Action, Status, StatusUpdate
from styr.plans.spreadsheet import SheetError, SheetRow, read_sheet

# Ids in a file are database ids; longer than this is a typo (as in URLs, styr.lib.converters).
_ID = re.compile(r"\d{1,18}")


def action_ids(rows: list[SheetRow]) -> set[int]:
    """The ids of the rows that look like ids; the others are reported by `check_row`."""
    return {int(row["id"]) for row in rows if _ID.fullmatch(row["id"])}


def status_labels() -> list[str]:
    """The Swedish labels an export writes and the status column's list offers."""
    return [str(label) for label in Status.labels]


@dataclass(frozen=True)
class RowError:
    """What is wrong where: the row as Excel numbers it (None: the file), the column."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Rad %(row)s, kolumn %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Rad %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass
class Change:
    """A row that records a new status update when saved."""

    row: int
    action: Action
    current: StatusUpdate | None  # the update in force today, if any
    status: str
    note: str
    date: dt.date
    newest: StatusUpdate | None = None  # the newest recorded, maybe awaiting approval

    @property
    def current_label(self) -> str:
        return str(Status(self.current.status).label) if self.current else _("Ingen status")

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


def sheet_error(error: SheetError) -> RowError:
    """A file-level problem as a row error, in the user's language."""
    return RowError(error.row, error.column, _(error.template) % error.params)


def read_upload(name: str, data: bytes) -> tuple[list[SheetRow], list[RowError]]:
    """The rows of a file, or the one error that stops it being read at all."""
    try:
        return read_sheet(name, data), []
    except SheetError as error:
        return [], [sheet_error(error)]


def status_code(text: str) -> str | None:
    """A status as a person writes it: a Swedish label in any case (a trailing full stop as
    in the memo's "Genomfört." is fine) or a code. None for an unknown one."""
    wanted = text.strip().rstrip(".").strip().casefold()
    for code, label in Status.choices:
        if wanted in (code.casefold(), str(label).casefold()):
            return code
    return None


def _note(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _same(update: StatusUpdate | None, status: str, note: str, date: dt.date | None) -> bool:
    """The row says what `update` says, and no later day."""
    return (
        update is not None
        and update.status == status
        and _note(update.note) == note
        and (date is None or date <= update.date)
    )


def check_row(plan, row, may, today, found, in_force, first_row):
    """(errors, change or None) for one row: `found` holds the actions by id, `in_force`
    their updates in force today, `first_row` the row each action was first seen on (updated
    here, so a second row for the same action is an error)."""
    text_id = row["id"]
    if not text_id:
        return [
            RowError(row.number, "id", _("Id saknas. Låt id stå som i den nedladdade filen."))
        ], None
    if not _ID.fullmatch(text_id):
        return [
            RowError(
                row.number, "id", _("”%(id)s” är inte ett id från Styr.") % {"id": text_id[:40]}
            )
        ], None
    action = found.get(int(text_id))
    if action is None:
        return [
            RowError(row.number, "id", _("Det finns ingen åtgärd med id %(id)s.") % {"id": text_id})
        ], None
    if action.plan_id != plan.id:
        return [
            RowError(
                row.number,
                "id",
                _("Åtgärd %(id)s hör till en annan plan än ”%(plan)s”.")
                % {"id": text_id, "plan": plan.title},
            )
        ], None
    if action.id in first_row:
        return [
            RowError(
                row.number,
                "id",
                _("Åtgärd %(id)s står redan på rad %(row)s.")
                % {"id": text_id, "row": first_row[action.id]},
            )
        ], None
    first_row[action.id] = row.number

    errors = []
    status = None
    if row["status"]:
        status = status_code(row["status"])
        if status is None:
            errors.append(
                RowError(
                    row.number,
                    "status",
                    _("Okänd status ”%(status)s”. Skriv en av: %(valid)s.")
                    % {"status": row["status"][:40], "valid": ", ".join(status_labels())},
                )
            )
    note = _note(row["kommentar"])
    if len(note) > NOTE_LIMIT:
        errors.append(
            RowError(
                row.number,
                "kommentar",
                _("Kommentaren har %(length)s tecken; den får ha högst %(limit)s.")
                % {"length": len(note), "limit": NOTE_LIMIT},
            )
        )
    date = None
    if row["datum"]:
        try:
            date = read_date(row["datum"], "datum")
        except InvalidDate as error:
            errors.append(RowError(row.number, "datum", explain(error)))
    if errors:
        return errors, None

    current = in_force.get(action.id)
    if status is None:
        if current is None and not note and date is None:
            return [], None  # never reported, and left so
        message = (
            _("Statusen är tom. En status kan inte tas bort; skriv den som gäller.")
            if current is not None
            else _("Ange en status för åtgärden, t.ex. %(example)s.")
            % {"example": str(Status.IN_PROGRESS.label)}
        )
        return [RowError(row.number, "status", message)], None
    if _same(current, status, note, date):
        return [], None
    newest = newest_by_date(action)
    if _same(newest, status, note, date):
        return [], None

    day = date or today
    try:
        check_update_date(action, day, after=newest)
    except ValidationError as error:
        errors.append(RowError(row.number, "datum", " ".join(error.messages)))
    if not may("plans.report_status", action):
        errors.append(
            RowError(
                row.number,
                "status",
                _(
                    "Du får inte rapportera status för åtgärd %(id)s ”%(title)s”: bara dess "
                    "ansvariga och stödjande och planens strateg får det."
                )
                % {"id": action.id, "title": action.title},
            )
        )
    if errors:
        return errors, None
    return [], Change(row.number, action, current, status, note, day, newest)
