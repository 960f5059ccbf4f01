"""`styr status export PLAN -o FILE.xlsx|.csv` and `styr status import FILE --user USERNAME
[--plan PLAN] [--dry-run]`: the status spreadsheet from the command line.

The same files and rules as the web pages (`styr.plans.status_import`): the export is the
plan as it stands today; the import records one status update per changed row as `--user`,
whose rights are asked for each row, all or nothing. The plan of an import is found from the
action ids in the file unless `--plan` names it.
"""

from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.accounts.commands import choose_user
from styr.accounts.policy import can
from styr.plans.commands import choose_plan
from styr.plans.spreadsheet import SUFFIXES, write_csv, write_xlsx
from styr.plans.status_import import (
    ImportRefused,
    Preview,
    compare,
    export_rows,
    find_plan,
    read_upload,
    save_import,
    status_labels,
)


def error_count(count: int) -> str:
    return f"{count} error{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = "The status spreadsheet: export a plan's actions, import the file filled in."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        export = commands.add_parser("export", help="write the plan's actions as .xlsx or .csv")
        export.add_argument("plan", help="the plan's slug or registration number (diarienummer)")
        export.add_argument(
            "-o", "--output", required=True, help="the file to write: FILE.xlsx or FILE.csv"
        )
        importing = commands.add_parser(
            "import", help="record the statuses a filled-in file changes (all or nothing)"
        )
        importing.add_argument("file", type=Path)
        importing.add_argument(
            "--user", required=True, help="the account that reports: its rights are checked"
        )
        importing.add_argument("--plan", help="the plan (default: the one the file's ids name)")
        importing.add_argument(
            "--dry-run", action="store_true", help="show what would change; save nothing"
        )

    def handle(self, *args, subcommand: str, **options):
        if subcommand == "export":
            return self.export(options["plan"], Path(options["output"]))
        return self.import_file(
            options["file"], options["user"], options.get("plan"), bool(options.get("dry_run"))
        )

    def export(self, key: str, path: Path) -> None:
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            raise CommandError(
                f"{path.name}: unknown format {suffix or '(no suffix)'!r}; "
                f"write to a file ending in {' or '.join(SUFFIXES)}"
            )
        plan = choose_plan(key)
        rows = export_rows(plan)
        data = write_xlsx(rows, statuses=status_labels()) if suffix == ".xlsx" else write_csv(rows)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from error
        self.stdout.write(f"{path}: {len(rows)} actions of {plan.title!r} ({plan.slug})")

    def import_file(self, path: Path, username: str, key: str | None, dry_run: bool) -> None:
        user = choose_user(username)
        rows, plan = self.read(path, key)
        if dry_run:
            return self.dry_run(path, plan, rows, user)
        try:
            preview = save_import(plan, rows, user, may=partial(can, user), source=path.name)
        except ImportRefused as refused:
            self.show(refused.preview)
            raise CommandError(
                f"{path.name}: {error_count(len(refused.preview.errors))}; nothing saved."
            ) from refused
        self.show(preview)
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {len(preview.changes)} status "
                f"update{'' if len(preview.changes) == 1 else 's'} saved in {plan.title!r}."
            )
        )

    def read(self, path: Path, key: str | None):
        """The file's rows and the plan they are for (named by --plan, or by the file's ids)."""
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from error
        rows, errors = read_upload(path.name, data)
        if errors:
            raise CommandError(self.listing(errors) + f"\n{path.name}: nothing was saved.")
        plan = choose_plan(key) if key else find_plan(rows)
        if plan is None:
            raise CommandError(
                f"{path.name}: the ids in the file name no one plan's actions; give --plan"
            )
        return rows, plan

    def dry_run(self, path: Path, plan, rows, user) -> None:
        """What the import would change, saving nothing; refused, as the import would be."""
        preview = compare(plan, rows, user, may=partial(can, user))
        self.show(preview)
        if preview.errors:
            raise CommandError(f"{path.name}: {error_count(len(preview.errors))}; nothing saved.")
        self.stdout.write(f"{path.name}: dry run, nothing saved.")

    def show(self, preview: Preview) -> None:
        """The changes on standard output and the errors on standard error, like the preview."""
        for change in preview.changes:
            note = f" – {change.note}" if change.note else ""
            self.stdout.write(
                f"rad {change.row}: {change.action.title}: {change.current_label} → "
                f"{change.status_label} ({change.date.isoformat()}){note}"
            )
        if preview.errors:
            self.stderr.write(self.listing(preview.errors))
        self.stdout.write(
            f"{len(preview.changes)} changed, {preview.unchanged} unchanged, "
            f"{error_count(len(preview.errors))}"
        )

    @staticmethod
    def listing(errors) -> str:
        return "\n".join(str(error) for error in errors)
