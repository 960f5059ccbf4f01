"""Bumping and reading content versions (the counters of `models.ContentVersion`).

A bump is an upsert inside the caller's transaction: it becomes visible together with the
write that caused it, and vanishes with it on a rollback, so a reader who sees the new
version also sees the new data. A page reads its version before it reads its data; a write
that commits in between is then shown under the old version, which the next request no
longer uses. Never the other way round, which is what would make a page stale.

One transaction needs only one bump per scope, however many rows it writes (a demo load
saves thousands): the first bump leaves a marker among the transaction's on-commit
callbacks, where Django drops it on a rollback of the savepoint that made it, and a later
bump in the same transaction finds it and skips the upsert. Reading a version forgets the
markers of that connection, so a transaction that reads its own pages (a test does) still
bumps at its next write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Max, Q, Sum
from django.utils import timezone

from styr.caching.models import SHARED, ContentVersion


class _Bumped:
    """The on-commit marker of one bump; does nothing when the transaction commits."""

    def __init__(self, scope: int):
        self.scope = scope

    def __call__(self) -> None:
        pass


def _markers(connection) -> dict[int, _Bumped]:
    if not hasattr(connection, "styr_bumped"):
        connection.styr_bumped = {}
    return connection.styr_bumped


def _still_pending(connection, marker: _Bumped) -> bool:
    return any(func is marker for _, func, _ in connection.run_on_commit)


def bump(*scopes: int, using: str = DEFAULT_DB_ALIAS) -> None:
    """Count a write to each scope (a municipality's id, or SHARED), in the current
    transaction; outside one, at once."""
    connection = connections[using]
    markers = _markers(connection)
    for scope in sorted(set(scopes)):  # a fixed order: two transactions never deadlock here
        if connection.in_atomic_block:
            marker = markers.get(scope)
            if marker is not None and _still_pending(connection, marker):
                continue
        _upsert(connection, scope)
        if connection.in_atomic_block:
            markers[scope] = _Bumped(scope)
            connection.on_commit(markers[scope])


def bump_municipality(municipality, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Count a write to one municipality's content (a Municipality or its id)."""
    bump(getattr(municipality, "pk", municipality), using=using)


def bump_shared(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Count a write to data every municipality's pages may show (Kolada's, say)."""
    bump(SHARED, using=using)


def _upsert(connection, scope: int) -> None:
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    # INSERT … ON CONFLICT … DO UPDATE: the same statement on SQLite (3.24+) and PostgreSQL;
    # the first write to a scope creates its row, without a race between two writers.
    sql = (
        f"INSERT INTO {table} (scope, number, changed_at) VALUES (%s, 1, %s) "
        f"ON CONFLICT (scope) DO UPDATE SET number = {table}.number + 1, "
        "changed_at = excluded.changed_at"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(sql, [scope, now])


@dataclass(frozen=True)
class Version:
    """The sum of the counters a page depends on, and the last time one of them changed."""

    number: int
    changed_at: dt.datetime | None

    @property
    def token(self) -> str:
        # The time as well as the number: counters restored from a backup, or rolled back
        # between two tests, may repeat a number; never with the same time of the last write.
        stamp = self.changed_at.isoformat() if self.changed_at else "-"
        return f"{self.number}@{stamp}"


def read(scopes: Q | None = None, *, using: str = DEFAULT_DB_ALIAS) -> Version:
    """The version of the rows `scopes` selects (all rows: None), in one query."""
    connections[using].styr_bumped = {}
    rows = ContentVersion.objects.using(using)
    if scopes is not None:
        rows = rows.filter(scopes)
    found = rows.aggregate(number=Sum("number"), changed_at=Max("changed_at"))
    return Version(found["number"] or 0, found["changed_at"])


def of_municipality(municipality_id) -> Q:
    """The rows a municipality's page depends on: its own and the shared one. The id may be
    a subquery (a slug's municipality), which keeps the read at one query."""
    return Q(scope=SHARED) | Q(scope=municipality_id)
