"""`styr cases import FILE` and `styr cases generate --year 2015`: the contact centre's cases."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.lib.dates import year_option
from styr.org.commands import choose_municipality, write_file
from styr.service.domain import CaseImportError, import_cases
from styr.service.generate import DEFAULT_SEED, generate_year_csv
from styr.service.records import RecordError

# Enough lines to see the pattern of what is wrong, without burying the terminal.
MAX_LISTED = 50


def thousands(number: int) -> str:
    """23451 → "23 451", as a Swedish reader groups digits."""
    return f"{number:,}".replace(",", " ")


def plural(number: int, noun: str) -> str:
    """ "1 case", "23 451 cases"."""
    return f"{thousands(number)} {noun}{'' if number == 1 else 's'}"


class Command(BaseCommand):
    help = "Import contact-centre cases from a CSV file, or write a generated demo year."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{import,generate}")
        importing = actions.add_parser(
            "import", help="import a CSV file of cases (all or nothing unless --skip-bad)"
        )
        importing.add_argument("file", type=Path)
        importing.add_argument(
            "--municipality", help="municipality slug (needed if there are several)"
        )
        importing.add_argument(
            "--skip-bad",
            action="store_true",
            help="import the good lines and list the bad ones instead of refusing the file",
        )
        generating = actions.add_parser(
            "generate", help="write a made-up year of cases in the import format (for the demo)"
        )
        generating.add_argument("--year", type=year_option("--year"), required=True)
        generating.add_argument("--seed", type=int, default=DEFAULT_SEED)
        generating.add_argument("-o", "--output", help="write to this file (default: stdout)")

    def handle(self, *args, action, **options):
        if action == "import":
            self.import_file(
                Path(options["file"]), options.get("municipality"), options.get("skip_bad")
            )
        else:
            self.generate(options["year"], options.get("seed", DEFAULT_SEED), options.get("output"))

    def import_file(self, path: Path, slug: str | None, skip_bad: bool) -> None:
        municipality = self.municipality(slug)
        try:
            result = import_cases(municipality, path, skip_bad=bool(skip_bad))
        except CaseImportError as error:
            raise CommandError(
                self.listing(error.errors) + f"\n{path.name}: nothing was imported."
            ) from error
        if result.ignored_columns:
            names = ", ".join(f'"{name}"' for name in result.ignored_columns)
            self.stdout.write(f"{path.name}: ignored columns {names}")
        if result.skipped:
            lines = len({error.line for error in result.skipped})
            self.stdout.write(self.listing(result.skipped, prefix="skipped "))
            self.stdout.write(f"{path.name}: {plural(lines, 'line')} skipped")
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {plural(result.imported, 'case')} imported for {municipality.name}"
            )
        )

    def listing(self, errors: list[RecordError], prefix: str = "") -> str:
        lines = [f"{prefix}{error}" for error in errors[:MAX_LISTED]]
        if len(errors) > MAX_LISTED:
            lines.append(f"… and {thousands(len(errors) - MAX_LISTED)} more")
        return "\n".join(lines)

    def municipality(self, slug):
        return choose_municipality(slug)

    def generate(self, year: int, seed: int, output: str | None) -> None:
        text = generate_year_csv(year, seed=seed)
        cases = text.count("\n") - 1
        if not output:
            self.stdout.write(text, ending="")
            return
        path = Path(output)
        write_file(path, text.encode("utf-8"))
        self.stderr.write(f"Wrote {path}: {thousands(cases)} generated cases for {year}.")
