"""`styr managers import FILE.csv|.xlsx [--from DATE]`: the line of managers from an HR export.

The columns are described in `styr.contracts.hr_file` and in the README. All or nothing:
every problem is printed on stderr with its row, and the exit code is 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from styr.contracts.managers import ManagerImportError, import_managers, read_file
from styr.lib.dates import date_option
from styr.org.commands import choose_municipality


class Command(BaseCommand):
    help = "Import managers and their line managers from an HR export (CSV or Excel)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{import}")
        importing = actions.add_parser(
            "import", help="load the managers of a .csv or .xlsx file, all or nothing"
        )
        importing.add_argument("file", type=Path)
        importing.add_argument(
            "--from",
            dest="start",
            type=date_option("--from"),
            help="the day the file's line applies from (default: today)",
        )
        importing.add_argument("--municipality", help="municipality slug (if there are several)")

    def handle(self, *args, action, **options):
        path = Path(options["file"])
        start = options.get("start") or timezone.localdate()
        municipality = choose_municipality(options.get("municipality"))
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        try:
            lines = read_file(path.name, data)
            result = import_managers(municipality, lines, start=start, source=path.name)
        except ManagerImportError as error:
            for problem in error.problems:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(f"{path.name}: nothing was loaded") from None
        self.stdout.write(
            f"{len(lines)} managers from {start}: {len(result.started)} new or changed, "
            f"{result.kept} unchanged, {len(result.ended)} no longer managers, "
            f"{len(result.people_added)} people added"
        )
        for name in result.ended:
            self.stdout.write(f"  ended: {name}")
