"""What the import commands share: choosing the owning body (the acting user is
`styr.accounts.commands`)."""

from django.core.management.base import CommandError

from styr.org.models import Body


def choose_owner(municipality, key: str | None) -> Body:
    """The body whose slug or name is `key` (any case); CommandError listing the known ones.

    There is no default: a plan owned by the wrong body would report to the wrong
    politicians, so the person importing says which one it is."""
    bodies = list(Body.objects.filter(municipality=municipality).order_by("name"))
    wanted = (key or "").strip().casefold()
    for body in bodies:
        if wanted and wanted in (body.slug.casefold(), body.name.casefold()):
            return body
    known = "; ".join(f"{b.slug} ({b.name})" for b in bodies) or "none; add one in the admin"
    problem = f"unknown owner {key!r}" if wanted else "give --owner, the body that owns the plan"
    raise CommandError(f"{problem}; known bodies in {municipality.name}: {known}")
