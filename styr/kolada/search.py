"""Finding KPIs in the Kolada catalogue by id or by words of their title."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, Value, When

from styr.kolada.models import Kpi


def _contains(word: str) -> Q:
    # SQLite's LIKE folds case for ASCII letters only; asking for the word as typed, in lower
    # case and in upper case as well finds "Äldreomsorg" from "äldreomsorg" there too.
    # PostgreSQL folds every letter, and the extra terms cost it nothing.
    variants = dict.fromkeys([word, word.lower(), word.upper(), word.capitalize()])
    query = Q()
    for variant in variants:
        query |= Q(title__icontains=variant)
    return query


def search_kpis(text: str, limit: int = 50) -> list[Kpi]:
    """KPIs whose id is `text` (any case) first, then those whose title holds every word of
    `text` in any case, ordered by id; at most `limit`. One query."""
    words = text.split()
    if not words or limit <= 0:
        return []
    exact = Q(pk=text.strip().upper())  # Kolada ids are upper case: "N00945"
    in_title = Q()
    for word in words:
        in_title &= _contains(word)
    return list(
        Kpi.objects.filter(exact | in_title)
        .annotate(
            exact=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("exact", "id")[:limit]
    )
