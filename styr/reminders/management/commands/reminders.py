"""`styr reminders send [--today YYYY-MM-DD]`: send the day's mail; meant to run daily.

Prints what it sent per kind and what it skipped, and why. A mail server that is down or
fails mid-way: the error on stderr and exit code 1; what the server accepted is logged and
the rest goes out with the next run.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from styr.lib.dates import date_option
from styr.reminders.lock import Busy, single_run
from styr.reminders.send import KINDS_IN_ORDER, send_today


class Command(BaseCommand):
    help = "E-mail for reporting rounds: `styr reminders send` sends what is due today."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        send = commands.add_parser(
            "send",
            help="send today's invitations, reminders, late notices and digests (run daily)",
        )
        send.add_argument(
            "--today",
            type=date_option("--today"),
            help="the day to send for (YYYY-MM-DD; default: today)",
        )

    def handle(self, *args, subcommand: str, **options):
        today = options.get("today") or timezone.localdate()
        try:
            with single_run():
                day = send_today(today)
        except Busy:
            raise CommandError(
                "another `styr reminders send` is running; nothing sent by this one",
                returncode=1,
            ) from None
        self.report(day)

    def report(self, day) -> None:
        sent = day.sent_per_kind()
        self.stdout.write(f"Mail for {day.today.isoformat()}:")
        for kind in KINDS_IN_ORDER + sorted(set(sent) - set(KINDS_IN_ORDER)):
            self.stdout.write(f"  {kind}: {sent.get(kind, 0)} sent")
        for reason, count in sorted(day.batch.skipped.items()):
            self.stdout.write(f"  skipped ({reason}): {count}")
        delivery = day.delivery
        for mail, why in delivery.refused:
            self.stderr.write(f"refused: {mail.kind} to {mail.recipient}: {why}")
        if delivery.error:
            raise CommandError(
                f"the mail server failed: {delivery.error}; {len(delivery.sent)} sent and "
                f"logged, {len(delivery.unsent)} left for the next run",
                returncode=1,
            )
        if delivery.refused:
            raise CommandError(
                f"{len(delivery.refused)} mail(s) refused by the mail server; they are tried "
                "again with the next run",
                returncode=1,
            )
