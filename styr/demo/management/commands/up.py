from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from styr.demo.accounts import DEMO_PASSWORD, load_demo_accounts
from styr.demo.loader import database_is_empty, load_file, load_kolada_catalogue


class Command(BaseCommand):
    help = "Migrate the database, load the Nacka demo if it is empty, and serve Styr."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database and stop")

    def handle(self, *args, addrport: str, no_serve: bool, **options):
        self.prepare()
        if not no_serve:
            self.stdout.write(f"Styr: http://{addrport}/  (Ctrl-C stops)")
            call_command("runserver", addrport, use_reloader=False)

    def prepare(self):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if database_is_empty():
            municipality = load_file()
            self.stdout.write(f"Loaded the demo: {municipality.name}.")
            accounts = load_demo_accounts(municipality)
            self.stdout.write(
                f"Demo accounts (password {DEMO_PASSWORD!r}, for local use only): "
                + ", ".join(accounts)
            )
            self.stdout.write(f"Loaded Kolada's catalogue: {load_kolada_catalogue()}.")
