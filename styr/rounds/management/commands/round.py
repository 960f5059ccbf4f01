"""`styr round open PLAN --due YYYY-MM-DD [--title T] [--message M] [--user USERNAME]`,
`styr round close ROUND_ID [--user USERNAME]` and `styr round list [PLAN]`: reporting rounds
(uppföljningstillfällen) from scripts, through the same domain functions as the web."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from styr.accounts.commands import acting_user
from styr.lib.dates import date_option
from styr.plans.commands import choose_plan
from styr.rounds.domain import close_round, open_round
from styr.rounds.models import Round


def round_url(found: Round) -> str:
    """The round's page, absolute (STYR_BASE_URL): what a script passes on."""
    return settings.BASE_URL + reverse("rounds:round", args=[found.plan.slug, found.pk])


def refused(error: ValidationError) -> CommandError:
    return CommandError(" ".join(error.messages))


class Command(BaseCommand):
    help = "Open, close and list reporting rounds (uppföljningstillfällen) of a plan."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        opening = commands.add_parser("open", help="ask the plan's ansvariga for their status")
        opening.add_argument("plan", help="the plan's slug or registration number (diarienummer)")
        opening.add_argument(
            "--due", required=True, type=date_option("--due"), help="the last day, YYYY-MM-DD"
        )
        opening.add_argument("--title", help='default: "Uppföljning <month year>" of --due')
        opening.add_argument("--message", default="", help="sent with the invitation")
        opening.add_argument("--user", help="the account recorded as having opened it")
        closing = commands.add_parser("close", help="close an open round now")
        closing.add_argument("round_id", type=int, metavar="ROUND_ID")
        closing.add_argument("--user", help="the account recorded as having closed it")
        listing = commands.add_parser("list", help="list the rounds, open ones first")
        listing.add_argument("plan", nargs="?", help="only this plan's (slug or diarienummer)")

    def handle(self, *args, subcommand: str, **options):
        if subcommand == "open":
            return self.open(**options)
        if subcommand == "close":
            return self.close(options["round_id"], options["user"])
        return self.list(options["plan"])

    def open(self, *, plan, due, title, message, user, **_):
        chosen = choose_plan(plan)
        by = acting_user(user, "rounds.open_round", chosen)
        try:
            opened = open_round(chosen, title=title, due=due, message=message, by=by)
        except ValidationError as error:
            raise refused(error) from error
        self.stdout.write(
            self.style.SUCCESS(f"Opened round {opened.pk}: {opened.title!r}, due {opened.due}.")
        )
        self.stdout.write(round_url(opened))

    def close(self, round_id: int, username: str | None) -> None:
        found = Round.objects.select_related("plan").filter(pk=round_id).first()
        if found is None:
            raise CommandError(f"no round {round_id}; see `styr round list`")
        by = acting_user(username, "rounds.close_round", found)
        try:
            close_round(found, by=by)
        except ValidationError as error:
            raise refused(error) from error
        self.stdout.write(self.style.SUCCESS(f"Closed round {found.pk}: {found.title!r}."))
        self.stdout.write(round_url(found))

    def list(self, key: str | None) -> None:
        """One line a round: id, plan, title, due date, open or the day it closed, URL."""
        rounds = Round.objects.select_related("plan").order_by("plan__slug", "-opened_at", "-id")
        if key:
            rounds = rounds.filter(plan=choose_plan(key))
        today = timezone.localdate()
        found = sorted(rounds, key=lambda r: not r.is_open(today))
        for item in found:
            closed = item.closed_on(today)
            state = f"closed {closed}" if closed else "open"
            self.stdout.write(
                f"{item.pk}\t{item.plan.slug}\t{item.title}\tdue {item.due}\t{state}\t"
                f"{round_url(item)}"
            )
        if not found:
            self.stdout.write("No rounds.")
