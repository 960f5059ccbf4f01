"""Changing a municipality's Kolada id, and storing again what is computed from it.

The goal pages store each Kolada indicator's yearly outcomes and default comparison
(`styr.goals.stored`), read from Kolada by the municipality's Kolada id: a new id changes
them. `change_kolada_id` is the write for code; the admin saves its form as usual and then
calls `kolada_id_changed` in its own transaction. Both run what `AFTER_KOLADA_ID` holds,
which the goals app fills in its `ready()`: org is below goals and cannot import it (the
same arrangement as `styr.kolada.load.AFTER_LOAD`).

The page cache needs nothing more: saving the municipality bumps its content version (model
signals, `styr.caching.watch`) and so does storing the indicators again.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from styr.org.models import Municipality

# Called with the municipality after its new Kolada id is saved, in the same transaction.
AFTER_KOLADA_ID: list[Callable[[Municipality], None]] = []


@transaction.atomic
def change_kolada_id(municipality: Municipality, kolada_id: str) -> Municipality:
    """Give the municipality another Kolada id (or none: "") and store again what depends
    on it, all or nothing. ValidationError if the id is not one the field accepts."""
    municipality.kolada_id = kolada_id
    municipality.full_clean()
    municipality.save(update_fields=["kolada_id"])
    kolada_id_changed(municipality)
    return municipality


def kolada_id_changed(municipality: Municipality) -> None:
    """Store again what is computed from the municipality's Kolada id, after a new id was
    saved; in the caller's transaction, so that the pages never show the old town's values
    under the new id."""
    for after in AFTER_KOLADA_ID:
        after(municipality)
