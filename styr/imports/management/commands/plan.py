"""`styr plan publish PLAN [--user USERNAME]`: make a draft plan (an import) public."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from styr.accounts.commands import acting_user
from styr.plans.commands import choose_plan
from styr.plans.domain import publish_plan


class Command(BaseCommand):
    help = "Work with plans from scripts: `styr plan publish PLAN` makes a draft plan public."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        publish = commands.add_parser("publish", help="make a draft plan public (not undone)")
        publish.add_argument("plan", help="the plan's slug or registration number (diarienummer)")
        publish.add_argument("--user", help="the account recorded as having published it")

    def handle(self, *args, subcommand: str, **options):
        return self.publish(options["plan"], options["user"])

    def publish(self, key: str, username: str | None) -> None:
        plan = choose_plan(key)
        if plan.published_at is not None:
            self.stdout.write(
                f"{plan.title!r} ({plan.slug}) was already public "
                f"(since {timezone.localtime(plan.published_at):%Y-%m-%d %H:%M})."
            )
            return
        by = acting_user(username, "plans.publish_plan", plan)
        publish_plan(plan, by=by)
        self.stdout.write(
            self.style.SUCCESS(f"Published {plan.title!r} ({plan.slug}): anyone can read it now.")
        )
