"""`styr contracts coverage --as-of YYYY-MM-DD [--year YYYY] [--format text|json]`.

The share of managers with an agreed result contract as of a day, per director's line with
the names of those who have none: the same figures as the HR page (`coverage_on`).
"""

import json

from django.core.management.base import BaseCommand

from styr.contracts.coverage import Coverage
from styr.contracts.queries import coverage_on
from styr.lib.dates import date_option, year_option
from styr.org.commands import choose_municipality


def percent(share: float) -> str:
    return f"{share * 100:.0f} %"


class Command(BaseCommand):
    help = "Result contracts: the coverage as of a day."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{coverage}")
        cover = actions.add_parser(
            "coverage", help="the share of managers with an agreed contract, per director"
        )
        cover.add_argument("--as-of", required=True, type=date_option("--as-of"))
        cover.add_argument(
            "--year", type=year_option("--year"), help="the contracts' year (default: as of)"
        )
        cover.add_argument("--format", choices=["text", "json"], default="text")
        cover.add_argument("--municipality", help="municipality slug (if there are several)")

    def handle(self, *args, action, **options):
        municipality = choose_municipality(options.get("municipality"))
        result = coverage_on(municipality, options["as_of"], options.get("year"))
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self.text(result))

    def text(self, result: Coverage) -> str:
        lines = [
            f"Resultatkontrakt {result.year} per {result.as_of} (klara senast {result.deadline}): "
            f"{result.agreed} av {result.total} chefer överenskomna ({percent(result.share)})",
        ]
        for line in result.lines:
            name = line.director.name if line.director else "(ingen direktör)"
            lines.append(f"{name}: {line.agreed} av {line.total} ({percent(line.share)})")
            lines.extend(f"  saknas: {row.name}" for row in line.missing)
        return "\n".join(lines)
