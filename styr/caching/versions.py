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

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
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
    changed_at: object  # as the database returns it: only compared and written into keys

    @property
    def token(self) -> str:
        # The time as well as the number: counters restored from a backup, or rolled back
        # between two tests, may repeat a number; never with the same time of the last write.
        return f"{self.number}@{self.changed_at}"


# The rows a page depends on: every row (the start page), or the shared row and its
# municipality's, found from the URL's slug inside the same query. Plain SQL: this runs
# before every cached page, and building it through the ORM took longer than running it.
WHERE = {
    "site": "",
    "municipality": " WHERE scope = %s OR scope = (SELECT id FROM {municipality} WHERE slug = %s)",
    "plan": " WHERE scope = %s OR scope = (SELECT municipality_id FROM {plan} WHERE slug = %s)",
    "id": " WHERE scope = %s OR scope = %s",
}


def of_municipality(municipality_id: int) -> tuple[str, int]:
    """What `read` takes for a municipality known by its id: `read(*of_municipality(id))`
    or `read(of_municipality(id))`."""
    return ("id", municipality_id)


def read(
    by: str | tuple[str, int] = "site", slug=None, *, using: str = DEFAULT_DB_ALIAS
) -> Version:
    """The version of a page `by` "site", "municipality" (slug), "plan" (slug) or "id" (a
    municipality's id), in one query; forgets this connection's bump markers (see the
    module's docstring)."""
    from django.apps import apps

    if isinstance(by, tuple):
        by, slug = by

    connection = connections[using]
    _markers(connection).clear()
    quote = connection.ops.quote_name
    tables = {
        "municipality": quote(apps.get_model("org", "Municipality")._meta.db_table),
        "plan": quote(apps.get_model("plans", "Plan")._meta.db_table),
    }
    sql = (
        f"SELECT COALESCE(SUM(number), 0), MAX(changed_at) "
        f"FROM {quote(ContentVersion._meta.db_table)}" + WHERE[by].format(**tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [] if by == "site" else [SHARED, slug])
        number, changed_at = cursor.fetchone()
    return Version(int(number), changed_at)
