"""`styr import FILE --plan TITLE --owner BODY`: a plan document saved as a new draft plan."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from styr.accounts.commands import acting_user
from styr.extract.document import extract_text
from styr.extract.readers import UnreadableDocument, read_document
from styr.imports.commands import choose_owner
from styr.imports.domain import find_registration_number, import_plan
from styr.lib.dates import date_option
from styr.org.commands import choose_municipality


def read(path: Path) -> str:
    """The document's text; a file that cannot be read is the command's error."""
    try:
        return read_document(path)
    except UnreadableDocument as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = (
        "Read a plan document and save its actions as a new draft plan, all or nothing; "
        "`styr plan publish PLAN` makes it public."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True, help="the new plan's title")
        parser.add_argument(
            "--owner", help="the owning body: its slug or name (required; see the list it gives)"
        )
        parser.add_argument(
            "--as-of",
            type=date_option("--as-of"),
            help="the day the document's status describes, YYYY-MM-DD (default today)",
        )
        parser.add_argument(
            "--municipality", help="municipality slug (needed if there are several)"
        )
        parser.add_argument(
            "--registration-number", help="diarienummer (default: from the document)"
        )
        parser.add_argument("--user", help="the account recorded as having imported it")

    def handle(
        self, *args, file, plan, owner, as_of, municipality, registration_number, user, **options
    ):
        if not plan.strip():
            raise CommandError("--plan: give the plan a title (the file name is not one)")
        day = as_of or timezone.localdate()
        found = choose_municipality(municipality)
        body = choose_owner(found, owner)
        by = acting_user(user, "imports.import_plan", found)
        text = read(Path(file))
        number = (
            registration_number
            or find_registration_number(text)
            or f"Import {day.isoformat()} {Path(file).name}"
        )
        document = extract_text(text, Path(file).name)
        try:
            result = import_plan(
                document,
                municipality=found,
                owner=body,
                title=plan,
                as_of=day,
                registration_number=number,
                by=by,
            )
        except ValidationError as error:
            raise CommandError(
                f"{Path(file).name}: {' '.join(error.messages)} Nothing was saved."
            ) from error
        self.report(result, number)

    def report(self, result, number: str) -> None:
        saved = result.plan
        self.stdout.write(
            f"Saved plan {saved.title!r} ({saved.slug}, {number}): {result.actions} actions."
        )
        for name in result.unmatched:
            self.stdout.write(f"  to review: {name!r} is not a known person; kept as written")
        self.stdout.write(
            "The plan is a draft: only signed-in insiders see it. "
            f"Review it at {saved.get_absolute_url()}, then publish it with "
            f"`styr plan publish {saved.slug}` (or the button on the plan page)."
        )
