"""`styr hme import FILE --year 2015` and `styr hme generate -o FILE`: HME survey answers."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.engagement.domain import SurveyImportError, import_survey, survey_day
from styr.engagement.generate import DEMO_SEED, demo_unit_names, generate_csv
from styr.lib.dates import date_option, year_option
from styr.org.commands import choose_municipality, write_file


class Command(BaseCommand):
    help = "Import HME survey answers from a CSV file, or write made-up demo answers."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{import,generate}")
        load = actions.add_parser("import", help="import a CSV of answers as a year's survey")
        load.add_argument("file", type=Path)
        load.add_argument(
            "--year", type=year_option("--year"), required=True, help="the survey's year, e.g. 2015"
        )
        load.add_argument("--title", help="the survey's title")
        load.add_argument(
            "--date", type=date_option("--date"), help="the day it was conducted, YYYY-MM-DD"
        )
        load.add_argument("--municipality", help="municipality slug (needed if there are several)")
        load.add_argument(
            "--skip-bad", action="store_true", help="load the good rows and report the bad ones"
        )
        make = actions.add_parser("generate", help="write made-up answers for the demo's units")
        make.add_argument("-o", "--output", type=Path, required=True, help="the CSV file to write")
        make.add_argument(
            "--year", type=year_option("--year"), default=2015, help="unit names as of this year"
        )
        make.add_argument("--seed", type=int, default=DEMO_SEED)
        make.add_argument("--municipality", help="municipality slug (needed if there are several)")

    def handle(self, *args, action, **options):
        if action == "import":
            self.import_file(**options)
        else:
            self.generate(**options)

    def import_file(self, *, file, year, title, date, municipality, skip_bad, **options):
        conducted_on = date
        found = self.municipality(municipality)
        try:
            result = import_survey(
                found, file, year=year, title=title, conducted_on=conducted_on, skip_bad=skip_bad
            )
        except SurveyImportError as error:
            raise CommandError(f"{error}\nNothing was saved.") from error
        for skipped in result.skipped:
            self.stderr.write(f"skipped: {skipped}")
        if result.ignored_columns:
            ignored = ", ".join(f'"{name}"' for name in result.ignored_columns)
            self.stderr.write(f"ignored columns: {ignored}")
        survey = result.survey
        skipped = f", {len(result.skipped)} rows skipped" if skip_bad else ""
        self.stdout.write(
            f"Imported {survey.title!r} ({survey.year}): {result.responses} respondents "
            f"in {result.units} units{skipped}."
        )

    def generate(self, *, output, year, seed, municipality, **options):
        found = self.municipality(municipality)
        names = demo_unit_names(found, survey_day(year, None))
        if not names:
            raise CommandError(f"{found.name} has no units to make answers for")
        write_file(output, generate_csv(names, seed=seed).encode("utf-8"))
        self.stdout.write(f"Wrote made-up answers for {len(names)} units to {output}.")

    def municipality(self, slug):
        return choose_municipality(slug)
