"""What the command-line tools share: choosing the municipality, writing a file safely."""

import os
import tempfile
from pathlib import Path

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


def write_file(path: Path, data: bytes) -> None:
    """Write through a temporary file beside the target, so no half-written file is left;
    CommandError naming the file if it cannot be written."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.")
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {error.strerror}") from error
