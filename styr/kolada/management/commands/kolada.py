"""`styr kolada load FILE… [--skip-bad]` and `styr kolada search TEXT`."""

from django.core.management.base import BaseCommand, CommandError

from styr.kolada.load import LoadError, load_files
from styr.kolada.search import search_kpis


class Command(BaseCommand):
    help = "Load Kolada files (municipalities, KPIs, groups, values) or search the KPIs."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{load,search}")
        load = actions.add_parser(
            "load",
            help="load Kolada API files (.json or .json.gz), all or nothing per file",
            description=(
                "Load Kolada API files in dependency order: municipalities, KPIs, groups, "
                "then values. Loading again updates in place. Source: Kolada."
            ),
        )
        load.add_argument("files", nargs="+", metavar="FILE")
        load.add_argument(
            "--skip-bad",
            action="store_true",
            help="load the good records of a file and report the bad ones",
        )
        search = actions.add_parser("search", help="find KPIs by id or words of their title")
        search.add_argument("text", nargs="+", metavar="TEXT")
        search.add_argument("--limit", type=int, default=50)

    def handle(self, *args, action, **options):
        if action == "load":
            self.load(options["files"], skip_bad=options["skip_bad"])
        else:
            self.search(" ".join(options["text"]), limit=options["limit"])

    def load(self, files, *, skip_bad: bool):
        try:
            result = load_files(files, skip_bad=skip_bad, out=self.stdout)
        except LoadError as error:
            raise CommandError(str(error)) from error
        return result

    def search(self, text: str, *, limit: int):
        found = search_kpis(text, limit=limit)
        for kpi in found:
            self.stdout.write(f"{kpi.id}  {kpi.title}")
        if not found:
            self.stdout.write(f"No KPI matches {text!r}.")
