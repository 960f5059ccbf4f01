"""The status spreadsheet round trip on the demo plan: export, fill in, compare, save.

The cast (tests/cast.py): `responsible` is Elisabeth Carle's account, `other_responsible`
Dag Björklund's, `strateg` administers the demo plan.
"""

import datetime as dt
from functools import partial

import pytest
from django.utils import timezone

from styr.accounts.policy import can
from styr.plans.models import Action, StatusUpdate
from styr.plans.spreadsheet import COLUMNS, read_sheet, write_csv, write_xlsx
from styr.plans.status_import import (
    ImportRefused,
    compare,
    export_rows,
    read_upload,
    save_import,
    status_labels,
)

FORMATS = ["xlsx", "csv"]


def write(rows, fmt: str) -> bytes:
    return write_xlsx(rows, statuses=status_labels()) if fmt == "xlsx" else write_csv(rows)


def exported(plan, fmt: str) -> list[list]:
    """The export read back as Excel would show it: lists of cell values by COLUMNS."""
    return [list(row) for row in export_rows(plan)]


def edit(rows: list[list], action_id: int, **values) -> None:
    for row in rows:
        if row[0] == action_id:
            for name, value in values.items():
                row[COLUMNS.index(name)] = value
            return
    raise AssertionError(f"no row for action {action_id}")


def row_number(rows: list[list], action_id: int) -> int:
    return [row[0] for row in rows].index(action_id) + 2  # the header is row 1


def own_actions(cast, user) -> list[Action]:
    return [a for a in cast.plan.actions.order_by("order") if can(user, "plans.report_status", a)]


def upload(rows, fmt, plan, user, **kwargs):
    return save_import(
        plan, read_sheet(f"plan.{fmt}", write(rows, fmt)), user, may=partial(can, user), **kwargs
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_unchanged_changes_nothing(cast, fmt):
    before = StatusUpdate.objects.count()
    rows = exported(cast.plan, fmt)
    assert len(rows) == cast.plan.actions.count()
    preview = upload(rows, fmt, cast.plan, cast.responsible)
    assert (preview.changes, preview.errors) == ([], [])
    assert preview.unchanged == len(rows)
    assert StatusUpdate.objects.count() == before


def test_the_export_holds_the_status_in_force_today_and_no_internal_note(cast):
    action = cast.action
    rows = {row[0]: row for row in export_rows(cast.plan)}
    update = StatusUpdate.objects.filter(action=action).order_by("-date", "-id").first()
    assert rows[action.id][COLUMNS.index("åtgärd")] == action.title
    assert rows[action.id][COLUMNS.index("ansvariga")] == "Elisabeth Carle"
    assert rows[action.id][COLUMNS.index("tidplan")] == action.deadline_text
    assert rows[action.id][COLUMNS.index("status")] == str(update.get_status_display())
    assert rows[action.id][COLUMNS.index("kommentar")] == update.note
    assert rows[action.id][COLUMNS.index("datum")] == update.date
    hidden = StatusUpdate.objects.create(
        action=action,
        date=timezone.localdate(),
        status="in_progress",
        note="Syns publikt.",
        internal_note="Hemligt: bara internt.",
    )
    rows = {row[0]: row for row in export_rows(cast.plan)}
    assert rows[action.id][COLUMNS.index("kommentar")] == hidden.note
    assert "Hemligt" not in repr(export_rows(cast.plan))


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_edited_rows_make_two_updates_by_the_uploader_and_the_same_file_again_none(cast, fmt):
    first, second = own_actions(cast, cast.responsible)[:2]
    rows = exported(cast.plan, fmt)
    edit(rows, first.id, status="genomfört", kommentar="Klart: nivåerna är färre.")
    edit(rows, second.id, status="Pågår", kommentar="Arbetet pågår enligt plan.", datum=None)
    before = StatusUpdate.objects.count()

    preview = upload(rows, fmt, cast.plan, cast.responsible)

    assert preview.errors == []
    assert [(c.action.id, c.status) for c in preview.changes] == [
        (first.id, "done"),
        (second.id, "in_progress"),
    ]
    assert StatusUpdate.objects.count() == before + 2
    new = list(StatusUpdate.objects.order_by("-id")[:2])[::-1]
    assert [(u.action_id, u.status, u.note, u.author) for u in new] == [
        (first.id, "done", "Klart: nivåerna är färre.", cast.responsible),
        (second.id, "in_progress", "Arbetet pågår enligt plan.", cast.responsible),
    ]
    assert new[1].date == timezone.localdate(), "no datum: today"

    again = upload(rows, fmt, cast.plan, cast.responsible)
    assert (again.changes, again.errors) == ([], [])
    assert StatusUpdate.objects.count() == before + 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_rows_are_named_by_row_and_column_and_nothing_is_saved(cast, fmt):
    mine = own_actions(cast, cast.responsible)
    theirs = next(a for a in cast.plan.actions.all() if a not in mine)
    rows = exported(cast.plan, fmt)
    edit(rows, mine[0].id, status="Pågår", kommentar="En bra rad.")  # fine on its own
    edit(rows, mine[1].id, status="Nästan klar")
    edit(rows, theirs.id, status="Genomfört", kommentar="Inte min att rapportera.")
    rows.append([999999, "", "", "", "", "Pågår", "", None])
    before = StatusUpdate.objects.count()

    with pytest.raises(ImportRefused) as refused:
        upload(rows, fmt, cast.plan, cast.responsible)

    messages = [str(error) for error in refused.value.preview.errors]
    assert messages == sorted(
        [
            f"Rad {row_number(rows, mine[1].id)}, kolumn status: Okänd status ”Nästan klar”. "
            "Skriv en av: Genomfört, Pågår, Pågår kontinuerligt, Ej påbörjad, Oklar.",
            f"Rad {row_number(rows, theirs.id)}, kolumn status: Du får inte rapportera status "
            f"för åtgärd {theirs.id} ”{theirs.title}”: bara dess ansvariga och stödjande och "
            "planens strateg får det.",
            f"Rad {len(rows) + 1}, kolumn id: Det finns ingen åtgärd med id 999999.",
        ],
        key=lambda message: int(message.split(",")[0].removeprefix("Rad ")),
    )
    assert len(messages) == 3
    assert StatusUpdate.objects.count() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_file_is_named_and_nothing_is_saved(cast, fmt):
    rows, errors = read_upload(f"tom.{fmt}", b"")
    assert rows == []
    assert [str(e) for e in errors] == [
        "Rad 1: Filen är tom. Den ska ha en rubrikrad med kolumnerna id, tema, åtgärd, "
        "ansvariga, tidplan, status, kommentar, datum och en rad per åtgärd."
    ]


def test_an_id_of_another_plan_an_empty_id_a_bad_date_and_a_long_note_are_named(cast):
    mine = own_actions(cast, cast.responsible)
    rows = exported(cast.plan, "csv")
    edit(rows, mine[0].id, status="Pågår", datum="2015-02-30")
    edit(rows, mine[1].id, kommentar="x" * 4001)
    rows.append([cast.other_action.id, "", "", "", "", "Pågår", "", None])
    rows.append(["", "Tema", "En åtgärd utan id", "", "", "", "", None])
    preview = compare(
        cast.plan,
        read_sheet("plan.csv", write_csv(rows)),
        cast.responsible,
        may=partial(can, cast.responsible),
    )
    by_column = {(e.row, e.column): e.message for e in preview.errors}
    assert by_column[(row_number(rows, mine[0].id), "datum")].startswith(
        "Ogiltigt datum ”2015-02-30” för datum."
    )
    assert by_column[(row_number(rows, mine[1].id), "kommentar")] == (
        "Kommentaren har 4001 tecken; den får ha högst 4000."
    )
    assert by_column[(len(rows), "id")] == (
        f"Åtgärd {cast.other_action.id} hör till en annan plan än ”{cast.plan.title}”."
    )
    assert by_column[(len(rows) + 1, "id")] == "Id saknas. Låt id stå som i den nedladdade filen."


def test_a_later_date_alone_is_a_change_and_an_earlier_one_is_refused(cast):
    action = own_actions(cast, cast.responsible)[0]
    rows = exported(cast.plan, "csv")
    current_day = rows[row_number(rows, action.id) - 2][COLUMNS.index("datum")]
    edit(rows, action.id, datum=timezone.localdate())
    preview = compare(
        cast.plan,
        read_sheet("p.csv", write_csv(rows)),
        cast.responsible,
        may=partial(can, cast.responsible),
    )
    assert [(c.action.id, c.date) for c in preview.changes] == [(action.id, timezone.localdate())]
    edit(rows, action.id, status="Oklar", datum=current_day - dt.timedelta(1))
    preview = compare(
        cast.plan,
        read_sheet("p.csv", write_csv(rows)),
        cast.responsible,
        may=partial(can, cast.responsible),
    )
    assert [(e.column, e.message.split(" ")[0]) for e in preview.errors] == [("datum", "Datumet")]


def test_a_submitted_update_awaiting_approval_is_not_submitted_again(cast):
    plan = cast.plan
    plan.requires_approval = True
    plan.save()
    action = own_actions(cast, cast.responsible)[0]
    rows = exported(plan, "xlsx")
    edit(rows, action.id, status="Genomfört", kommentar="Inlämnad för godkännande.")
    upload(rows, "xlsx", plan, cast.responsible)
    submitted = StatusUpdate.objects.filter(action=action).order_by("-id").first()
    assert submitted.needs_approval
    assert exported(plan, "xlsx") != rows, "the export shows the approved status, not this"
    again = upload(rows, "xlsx", plan, cast.responsible)
    assert again.changes == []
    unchanged = upload(exported(plan, "xlsx"), "xlsx", plan, cast.responsible)
    assert unchanged.changes == []


def test_a_save_after_someone_reported_since_the_preview_is_refused(cast):
    action = own_actions(cast, cast.responsible)[0]
    rows = exported(cast.plan, "csv")
    edit(rows, action.id, status="Genomfört", kommentar="Klart.", datum=None)
    sheet = read_sheet("p.csv", write_csv(rows))
    preview = compare(cast.plan, sheet, cast.responsible, may=partial(can, cast.responsible))
    StatusUpdate.objects.create(
        action=action, date=timezone.localdate(), status="unknown", note="Någon annan."
    )
    before = StatusUpdate.objects.count()
    with pytest.raises(ImportRefused) as refused:
        save_import(
            cast.plan,
            sheet,
            cast.responsible,
            may=partial(can, cast.responsible),
            digest=preview.digest,
        )
    assert refused.value.stale
    assert StatusUpdate.objects.count() == before


def test_the_audit_names_the_uploader_and_the_file(cast):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    action = own_actions(cast, cast.responsible)[0]
    rows = exported(cast.plan, "csv")
    edit(rows, action.id, status="Genomfört", kommentar="Klart.", datum=None)
    upload(rows, "csv", cast.plan, cast.responsible, source="ifylld.csv")
    update = StatusUpdate.objects.latest("id")
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(StatusUpdate), object_pk=str(update.id)
    )
    assert entry.actor == cast.responsible
    assert entry.additional_data["event"] == "status_update"
    assert entry.additional_data["status_import"] == "ifylld.csv"


def test_comparing_unchanged_rows_takes_the_same_queries_for_few_and_many(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sheet = read_sheet("p.csv", write_csv(exported(cast.plan, "csv")))
    counts = []
    for rows in (sheet[:3], sheet):
        cast.responsible = type(cast.responsible).objects.get(pk=cast.responsible.pk)
        with CaptureQueriesContext(connection) as queries:
            preview = compare(cast.plan, rows, cast.responsible, may=partial(can, cast.responsible))
        assert preview.unchanged == len(rows)
        counts.append(len(queries))
    assert counts[0] == counts[1], f"queries grow with the rows: {counts}"
