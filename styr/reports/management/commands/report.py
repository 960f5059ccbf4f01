import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.lib.dates import InvalidDate, parse_iso_date
from styr.org.commands import write_file
from styr.plans.commands import choose_plan
from styr.reports.build import DEFAULT_PROPOSAL
from styr.reports.domain import ReportDateError, make_report, render
from styr.reports.formats import FORMATS, UnknownFormat, get_format


class Command(BaseCommand):
    help = "Write the status report (lägesrapport) of a plan as it stood on a day."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's slug or registration number (diarienummer)")
        parser.add_argument("--as-of", required=True, help="the report's day, YYYY-MM-DD")
        parser.add_argument(
            "--format", required=True, help=f"one of {', '.join(FORMATS)}", dest="format_name"
        )
        parser.add_argument(
            "--since", help="compare with this day (default: the previous published report)"
        )
        parser.add_argument("--proposal", default=DEFAULT_PROPOSAL, help="the proposed decision")
        parser.add_argument("-o", "--output", help="write to this file (default: standard output)")

    def handle(self, *args, plan, as_of, format_name, since, proposal, output, **options):
        try:
            chosen = get_format(format_name)
        except UnknownFormat as error:
            raise CommandError(str(error)) from error
        found = choose_plan(plan)
        day = self.parse_date("--as-of", as_of)
        since_day = self.parse_date("--since", since) if since else None
        try:
            report = make_report(found, day, since=since_day, proposal=proposal)
        except ReportDateError as error:
            raise CommandError(str(error)) from error
        data = render(report, chosen.name)
        if output:
            self.write_file(Path(output), data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()

    def parse_date(self, option: str, text: str) -> dt.date:
        try:
            return parse_iso_date(text)
        except InvalidDate:
            raise CommandError(f"{option}: {text!r} is not a date in the form YYYY-MM-DD") from None

    def write_file(self, path: Path, data: bytes) -> None:
        write_file(path, data)
        self.stderr.write(f"Wrote {path} ({len(data):,} bytes).")
