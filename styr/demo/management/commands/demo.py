from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.demo.accounts import DEMO_PASSWORD, load_demo_accounts
from styr.demo.loader import (
    DEMO_FILE,
    DatabaseNotEmpty,
    DemoError,
    load_file,
    load_kolada_catalogue,
)
from styr.plans.models import Action


class Command(BaseCommand):
    help = "Load the Nacka 2015 demo (or another data file of the same shape), all or nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", type=Path, default=DEMO_FILE, help="data file (default: the Nacka demo)"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the organisation and plans already in the database first",
        )

    def handle(self, *args, file: Path, replace: bool, **options):
        file = Path(file)  # call_command passes the option through unconverted
        try:
            municipality = load_file(file, replace=replace)
            catalogue = load_kolada_catalogue()
            accounts = load_demo_accounts(municipality) if file == DEMO_FILE else []
        except (DemoError, DatabaseNotEmpty) as error:
            raise CommandError(str(error)) from error
        actions = Action.objects.filter(plan__municipality=municipality).count()
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {municipality.name}: {actions} actions from {file.name}.")
        )
        self.stdout.write(f"Loaded Kolada's catalogue: {catalogue}.")
        if accounts:
            self.stdout.write(
                f"Demo accounts (password {DEMO_PASSWORD!r}, for local use only): "
                + ", ".join(accounts)
            )
