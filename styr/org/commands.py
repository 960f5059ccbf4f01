"""What the command-line tools share about the organisation."""

from django.core.management.base import CommandError

from styr.org.models import Municipality


def choose_municipality(slug: str | None) -> Municipality:
    """The municipality named by --municipality, or the only one there is; CommandError
    naming the known ones otherwise."""
    municipalities = list(Municipality.objects.order_by("slug"))
    known = ", ".join(m.slug for m in municipalities)
    if slug:
        for municipality in municipalities:
            if municipality.slug == slug:
                return municipality
        raise CommandError(f"unknown municipality {slug!r}; known: {known or 'none'}")
    if len(municipalities) != 1:
        raise CommandError(
            "give --municipality: "
            + (known or "there is none; run `styr demo` or add one in the admin")
        )
    return municipalities[0]
