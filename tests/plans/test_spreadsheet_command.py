"""`styr status export` and `styr status import`: the spreadsheet from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from styr.accounts.policy import can
from styr.plans.models import StatusUpdate
from styr.plans.spreadsheet import COLUMNS, write_csv
from styr.plans.status_import import export_rows
from tests.process import styr

PLAN_SLUG = "styrning-och-ledning-2015-2016"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("status", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def own_action(cast):
    return next(
        a
        for a in cast.plan.actions.order_by("order")
        if can(cast.responsible, "plans.report_status", a)
    )


def write_edited(path, cast, action_id, **values):
    rows = [list(row) for row in export_rows(cast.plan)]
    for row in rows:
        if row[0] == action_id:
            for name, value in values.items():
                row[COLUMNS.index(name)] = value
    path.write_bytes(write_csv(rows))
    return rows


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_plan_by_the_files_suffix(cast, tmp_path, suffix):
    path = tmp_path / f"status{suffix}"
    out, _ = run("export", cast.plan.registration_number, "-o", str(path))
    count = cast.plan.actions.count()
    assert out == f"{path}: {count} actions of {cast.plan.title!r} ({cast.plan.slug})\n"
    assert path.read_bytes()[:2] == (b"PK" if suffix == ".xlsx" else b"\xef\xbb")


def test_export_refuses_an_unknown_suffix(cast, tmp_path):
    with pytest.raises(CommandError, match=r"status\.ods: unknown format '\.ods'"):
        run("export", cast.plan.slug, "-o", str(tmp_path / "status.ods"))
    assert not (tmp_path / "status.ods").exists()


def test_import_records_as_the_user_and_a_dry_run_saves_nothing(cast, tmp_path):
    action = own_action(cast)
    path = tmp_path / "ifylld.csv"
    rows = write_edited(path, cast, action.id, status="Genomfört", kommentar="Klart.", datum=None)
    row = [r[0] for r in rows].index(action.id) + 2
    before = StatusUpdate.objects.count()

    out, _ = run("import", str(path), "--user", cast.responsible.username, "--dry-run")
    assert f"rad {row}: {action.title}: " in out
    assert "→ Genomfört" in out
    assert f"1 changed, {len(rows) - 1} unchanged, 0 errors" in out
    assert "dry run, nothing saved" in out
    assert StatusUpdate.objects.count() == before

    out, _ = run("import", str(path), "--user", cast.responsible.username)
    assert "ifylld.csv: 1 status update saved" in out
    update = StatusUpdate.objects.latest("id")
    assert (update.action_id, update.status, update.note, update.author) == (
        action.id,
        "done",
        "Klart.",
        cast.responsible,
    )
    out, _ = run("import", str(path), "--user", cast.responsible.username)
    assert "0 changed" in out
    assert StatusUpdate.objects.count() == before + 1


def test_import_with_errors_exits_non_zero_naming_them_and_saves_nothing(cast, tmp_path):
    mine = own_action(cast)
    path = tmp_path / "fel.csv"
    rows = write_edited(path, cast, mine.id, status="Klart snart")
    before = StatusUpdate.objects.count()
    row = [r[0] for r in rows].index(mine.id) + 2
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="fel.csv: 1 error; nothing saved."):
        call_command(
            "status",
            "import",
            str(path),
            "--user",
            cast.responsible.username,
            stdout=out,
            stderr=err,
        )
    assert f"Rad {row}, kolumn status: Okänd status ”Klart snart”." in err.getvalue()
    assert StatusUpdate.objects.count() == before


def test_import_of_an_empty_file_or_an_unknown_user_is_refused(cast, tmp_path):
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="Rad 1: Filen är tom."):
        run("import", str(empty), "--user", cast.responsible.username)
    with pytest.raises(CommandError, match="unknown user 'ingen'"):
        run("import", str(empty), "--user", "ingen")


def test_styr_status_round_trip_in_a_subprocess(tmp_path):
    env = {"STYR_DEBUG": "1", "STYR_DATA_DIR": str(tmp_path)}
    assert styr("up", "--no-serve", **env).returncode == 0
    path = tmp_path / "status.csv"
    exported = styr("status", "export", PLAN_SLUG, "-o", str(path), **env)
    assert exported.returncode == 0, exported.stderr
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    # The first action (Eva Olin answers for it) is edited and saved as Swedish Excel does.
    header, first = lines[0].split(";"), lines[1]
    assert header == list(COLUMNS)
    changed = first.replace(";Pågår;", ";Genomfört;", 1)
    path.write_text("\n".join([lines[0], changed]) + "\n", encoding="cp1252")

    refused = styr("status", "import", str(path), "--user", "elisabeth-carle", **env)
    assert refused.returncode != 0
    assert "Rad 2, kolumn status: Du får inte rapportera status för åtgärd" in refused.stderr

    saved = styr("status", "import", str(path), "--user", "eva-olin", **env)
    assert saved.returncode == 0, saved.stderr
    assert "rad 2: " in saved.stdout and "Pågår → Genomfört" in saved.stdout
    assert "status.csv: 1 status update saved" in saved.stdout
