"""`styr user add USERNAME --email E [--person NAME] [--role R] [--plan PLAN] [--password-stdin]`
and `styr user list`: accounts for setup and scripts."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from styr.accounts.domain import add_user, parse_role, summaries
from styr.imports.domain import known_people
from styr.imports.matching import match_person
from styr.org.commands import choose_municipality
from styr.plans.commands import choose_plan


class Command(BaseCommand):
    help = "Add an account tied to a person, with a role; or list the accounts."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        add = commands.add_parser("add", help="add an account")
        add.add_argument("username")
        add.add_argument("--email", required=True)
        add.add_argument("--person", help='the person the account belongs to: "FULL NAME"')
        add.add_argument("--role", help="strateg, läsare, admin or hr")
        add.add_argument("--plan", help="a strateg's plan (slug or diarienummer); default all")
        add.add_argument("--municipality", help="the municipality's slug, if there are several")
        add.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (otherwise: reset by e-mail)",
        )
        commands.add_parser("list", help="list the accounts with their person and roles")

    def handle(self, *args, subcommand: str, **options):
        if subcommand == "list":
            return self.list()
        return self.add(**options)

    def list(self):
        for user in summaries():
            state = "" if user.active else "  (inaktiv)"
            self.stdout.write(
                f"{user.username}\t{user.email}\t{user.person or '-'}\t"
                f"{', '.join(user.roles) or '-'}{state}"
            )

    def add(self, *, username, email, person, role, plan, municipality, password_stdin, **_):
        chosen_plan = choose_plan(plan) if plan else None
        if chosen_plan and role and parse_role(role) != "strateg":
            raise CommandError("--plan goes with --role strateg only")
        place = chosen_plan.municipality if chosen_plan else None
        if place is None and (person or role):
            place = choose_municipality(municipality)
        found = self.find_person(person, place) if person else None
        password = self.read_password() if password_stdin else None
        try:
            user = add_user(
                username,
                email=email,
                person=found,
                role=parse_role(role or "strateg") if role or chosen_plan else None,
                municipality=place,
                plan=chosen_plan,
                password=password,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        who = f" for {found.name}" if found else ""
        self.stdout.write(self.style.SUCCESS(f"Added {user.username}{who}."))
        if password is None:
            self.stdout.write("No password set: the user chooses one through the password reset.")

    def find_person(self, name: str, municipality):
        person = match_person(name, known_people(municipality))
        if person is None:
            raise CommandError(
                f"no person called {name!r} in {municipality.name}; add them in the admin first"
            )
        return person

    def read_password(self) -> str:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise CommandError("--password-stdin: standard input held no password")
        return password
