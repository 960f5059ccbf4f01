import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.lib.dates import date_option
from styr.org.commands import write_file
from styr.plans.commands import choose_plan
from styr.reports.build import DEFAULT_PROPOSAL
from styr.reports.domain import ReportDateError, make_report, render
from styr.reports.formats import FORMATS, UnknownFormat, get_format


class Command(BaseCommand):
    help = "Write the status report (lägesrapport) of a plan as it stood on a day."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's slug or registration number (diarienummer)")
        parser.add_argument(
            "--as-of",
            required=True,
            type=date_option("--as-of"),
            help="the report's day, YYYY-MM-DD",
        )
        parser.add_argument(
            "--format", required=True, help=f"one of {', '.join(FORMATS)}", dest="format_name"
        )
        parser.add_argument(
            "--since",
            type=date_option("--since"),
            help="compare with this day, YYYY-MM-DD (default: the previous published report)",
        )
        parser.add_argument(
            "--proposal",
            help="the proposed decision (default: the plan's report texts, else "
            f"{DEFAULT_PROPOSAL!r})",
        )
        parser.add_argument("-o", "--output", help="write to this file (default: standard output)")

    def handle(self, *args, plan, as_of, format_name, since, proposal, output, **options):
        try:
            chosen = get_format(format_name)
        except UnknownFormat as error:
            raise CommandError(str(error)) from error
        found = choose_plan(plan)
        try:
            report = make_report(found, as_of, since=since, proposal=proposal)
        except ReportDateError as error:
            raise CommandError(str(error)) from error
        data = render(report, chosen.name)
        if output:
            self.write_file(Path(output), data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()

    def write_file(self, path: Path, data: bytes) -> None:
        write_file(path, data)
        self.stderr.write(f"Wrote {path} ({len(data):,} bytes).")
