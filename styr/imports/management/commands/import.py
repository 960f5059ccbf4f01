from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from styr.extract.document import extract_text
from styr.extract.readers import UnreadableDocument, read_document
from styr.imports.domain import find_registration_number, import_plan
from styr.lib.dates import InvalidDate, parse_iso_date
from styr.org.commands import choose_municipality
from styr.org.models import Body


class Command(BaseCommand):
    help = "Read a plan document and save its actions as a new plan, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True, help="the new plan's title")
        parser.add_argument(
            "--as-of", help="the day the document's status describes (default today)"
        )
        parser.add_argument(
            "--municipality", help="municipality slug (needed if there are several)"
        )
        parser.add_argument("--owner", help="slug of the owning body (default: kommunstyrelsen)")
        parser.add_argument(
            "--registration-number", help="diarienummer (default: from the document)"
        )

    def handle(self, *args, file, plan, as_of, municipality, owner, registration_number, **options):
        day = timezone.localdate()
        if as_of:
            try:
                day = parse_iso_date(as_of)
            except InvalidDate:
                raise CommandError(
                    f"--as-of: {as_of!r} is not a date in the form YYYY-MM-DD"
                ) from None
        try:
            text = read_document(Path(file))
        except UnreadableDocument as error:
            raise CommandError(str(error)) from error
        found = self.municipality(municipality)
        body = self.owner(found, owner)
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
            )
        except ValidationError as error:
            raise CommandError(
                f"{Path(file).name}: {' '.join(error.messages)} Nothing was saved."
            ) from error
        saved = result.plan
        self.stdout.write(
            f"Saved plan {saved.title!r} ({saved.slug}, {number}): {result.actions} actions."
        )
        for name in result.unmatched:
            self.stdout.write(f"  to review: {name!r} is not a known person; kept as written")

    def municipality(self, slug):
        return choose_municipality(slug)

    def owner(self, municipality, slug):
        bodies = Body.objects.filter(municipality=municipality)
        body = bodies.filter(slug=slug).first() if slug else bodies.filter(kind="styrelse").first()
        if body is None:
            raise CommandError(
                f"unknown owner {slug!r}; known bodies: {', '.join(b.slug for b in bodies)}"
                if slug
                else "no kommunstyrelse is registered; give --owner"
            )
        return body
