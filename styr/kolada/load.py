"""Loading Kolada files: municipalities, the KPI catalogue, municipality groups and values.

`load_files(paths)` is the one write into the Kolada tables. It reads each file as a
stream (`styr.kolada.stream`), tells its kind from its records, and loads the files in
dependency order whatever order they came in: municipalities, KPIs, groups, then values.

Guarantees:
- Every record is checked by `styr.kolada.records` (required fields, types, id formats,
  years, genders, numbers, known KPIs and municipalities); a bad one is reported by file,
  1-based record number and field, e.g.
  `N00945.json, record 17, field "values[0].value": "abc" is not a number`.
- One transaction per file: by default the first bad record rolls the whole file back and
  stops the load (files loaded before it stay loaded). With `skip_bad` the good records
  load and each skipped one is reported. A file that is not valid JSON never half-loads.
- Loading again updates rows in place (upsert on Kolada's ids and on kpi, municipality,
  year and gender); a group's members become exactly the file's. A value marked
  `"isdeleted": true` is removed.
- Values are written with `executemany` of an INSERT … ON CONFLICT in chunks, without model
  instances, so a million values load in constant memory.
- What is stored from Kolada's numbers elsewhere (the goals' assessments and comparisons)
  is written again in the same transaction as the file, by the functions in `AFTER_LOAD`.
- The tables filled are analyzed when the load ends (`styr.lib.db.analyze`), so that
  PostgreSQL plans the pages' queries with statistics of the new rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from styr.caching.versions import bump_shared
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from styr.kolada.records import (
    DATA,
    GROUPS,
    KPI_FIELDS,
    KPIS,
    MUNICIPALITIES,
    BadRecord,
    detect_kind,
    group_row,
    kpi_row,
    municipality_row,
    show,
    value_rows,
)
from styr.kolada.stream import MalformedFile, iter_records
from styr.lib.db import analyze
from styr.lib.read_ahead import read_ahead

CHUNK = 5000  # rows per executemany

ORDER = (MUNICIPALITIES, KPIS, GROUPS, DATA)

# Functions that store numbers derived from Kolada's (`styr.goals.stored`, registered when
# the goals app starts: Kolada lies below goals in the layers and cannot call it by name).
# Each is called inside a file's transaction with the file's kind and the ids it changed:
# of the KPIs whose values a data file wrote or deleted, of the groups a group file wrote.
AFTER_LOAD: list[Callable[[str, frozenset[str]], None]] = []
NOUNS = {MUNICIPALITIES: "municipalities", KPIS: "KPIs", GROUPS: "groups", DATA: "values"}
# The tables each kind fills, analyzed once a load ends, not per file (`styr.lib.db`).
FILLS: dict[str, list[type]] = {
    MUNICIPALITIES: [KoladaMunicipality],
    KPIS: [Kpi],
    GROUPS: [KoladaGroup, KoladaGroup.members.through],
    DATA: [KoladaValue],
}


class LoadError(Exception):
    """A file that could not be loaded; nothing from it was written."""


@dataclass(frozen=True)
class Skipped:
    path: str
    record: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}, record {self.record}, {self.message}"


@dataclass
class FileResult:
    """What one file brought: records loaded, how many of them were new, what was skipped."""

    path: str
    kind: str | None
    records: int = 0
    loaded: int = 0  # municipalities, KPIs, groups or values written
    new: int | None = None  # for catalogue files: ids not in the database before
    deleted: int = 0  # values removed because the file marks them "isdeleted"
    members: int | None = None  # for group files: memberships written
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        if self.kind is None:
            return f"{self.path}: no records"
        text = f"{self.path}: {self.loaded} {NOUNS[self.kind]} loaded"
        details = []
        if self.new is not None:
            details.append(f"{self.new} new")
        if self.members is not None:
            details.append(f"{self.members} members")
        if self.kind == DATA:
            details.append(f"from {self.records - len(self.skipped)} records")
        if self.deleted:
            details.append(f"{self.deleted} deleted")
        if self.skipped:
            details.append(f"{len(self.skipped)} bad records skipped")
        return f"{text} ({', '.join(details)})" if details else text


@dataclass
class LoadResult:
    files: list[FileResult]

    @property
    def skipped(self) -> list[Skipped]:
        return [s for f in self.files for s in f.skipped]


def _columns(model, names) -> list[str]:
    return [model._meta.get_field(name).column for name in names]


def upsert_sql(connection, table: str, columns: list[str], keys: list[str]) -> str:
    """INSERT … ON CONFLICT (keys) DO UPDATE of the other columns (SQLite ≥3.24, PostgreSQL).

    The update happens only where a column changed, so loading an unchanged file again
    writes nothing (on PostgreSQL it leaves no dead row versions behind).
    """
    quote = connection.ops.quote_name
    others = [quote(c) for c in columns if c not in keys]
    distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    changed = " OR ".join(f"{quote(table)}.{c} {distinct} excluded.{c}" for c in others)
    return (
        f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(map(quote, keys))}) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in others)
        + f" WHERE {changed}"
    )


def value_upsert_sql(connection) -> str:
    columns = _columns(
        KoladaValue, ["kpi", "municipality", "period", "gender", "value", "status", "count"]
    )
    return upsert_sql(connection, KoladaValue._meta.db_table, columns, columns[:4])


class _Known:
    """Ids already in the database, read once per load and grown as files commit."""

    def __init__(self):
        self._sets: dict[type, set[str]] = {}

    def ids(self, model) -> set[str]:
        if model not in self._sets:
            self._sets[model] = set(model.objects.values_list("pk", flat=True))
        return self._sets[model]


class _FileLoader:
    def __init__(self, connection, path: str, kind: str, known: _Known, skip_bad: bool):
        self.connection, self.path, self.kind = connection, path, kind
        self.known, self.skip_bad = known, skip_bad
        self.result = FileResult(path=path, kind=kind)
        self.added: set[str] = set()  # catalogue ids new in this file, known after commit
        self.changed: set[str] = set()  # for AFTER_LOAD: KPIs given values, groups written

    def bad(self, number: int, error: BadRecord) -> None:
        if not self.skip_bad:
            raise LoadError(
                f"{self.path}, record {number}, {error}. "
                f"Nothing from {self.path} was loaded (it is all or nothing; "
                "--skip-bad loads the good records)."
            )
        self.result.skipped.append(Skipped(self.path, number, str(error)))

    def records(self) -> Iterable[tuple[int, object]]:
        for number, record in enumerate(iter_records(self.path), 1):
            self.result.records = number
            yield number, record

    def run(self) -> FileResult:
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            getattr(self, f"load_{self.kind}")(cursor)
            # Written without model signals: Kolada's data is on every municipality's pages.
            bump_shared(using=self.connection.alias)
            for after in AFTER_LOAD:
                after(self.kind, frozenset(self.changed))
        return self.result

    def _catalogue(self, cursor, model, row_of, sql: str) -> None:
        known, pending = self.known.ids(model), []
        for number, record in self.records():
            try:
                row = row_of(record)
            except BadRecord as error:
                self.bad(number, error)
                continue
            pending.append(row)
            if row[0] not in known:
                self.added.add(row[0])
            if len(pending) >= CHUNK:
                cursor.executemany(sql, pending)
                pending = []
        if pending:
            cursor.executemany(sql, pending)
        self.result.loaded = self.result.records - len(self.result.skipped)
        self.result.new = len(self.added)

    def load_municipalities(self, cursor) -> None:
        columns = _columns(KoladaMunicipality, ["id", "title", "type"])
        sql = upsert_sql(self.connection, KoladaMunicipality._meta.db_table, columns, columns[:1])
        self._catalogue(cursor, KoladaMunicipality, municipality_row, sql)

    def load_kpis(self, cursor) -> None:
        columns = _columns(Kpi, KPI_FIELDS)
        sql = upsert_sql(self.connection, Kpi._meta.db_table, columns, columns[:1])
        adapt = self.connection.ops.adapt_datefield_value

        def row_of(record):
            row = kpi_row(record)
            return (*row[:8], adapt(row[8]), adapt(row[9]), *row[10:])

        self._catalogue(cursor, Kpi, row_of, sql)

    def load_groups(self, cursor) -> None:
        quote = self.connection.ops.quote_name
        columns = _columns(KoladaGroup, ["id", "title"])
        group_sql = upsert_sql(self.connection, KoladaGroup._meta.db_table, columns, columns[:1])
        through = KoladaGroup.members.through
        group_column, member_column = _columns(through, ["koladagroup", "koladamunicipality"])
        table = quote(through._meta.db_table)
        municipalities, known = self.known.ids(KoladaMunicipality), self.known.ids(KoladaGroup)
        pending: dict[str, tuple[str, list[str]]] = {}

        def flush():
            cursor.executemany(group_sql, [(i, title) for i, (title, _) in pending.items()])
            ids = list(pending)
            cursor.execute(
                f"DELETE FROM {table} WHERE {quote(group_column)} IN "
                f"({', '.join(['%s'] * len(ids))})",
                ids,
            )
            cursor.executemany(
                f"INSERT INTO {table} ({quote(group_column)}, {quote(member_column)}) "
                "VALUES (%s, %s)",
                [(i, member) for i, (_, members) in pending.items() for member in members],
            )
            pending.clear()

        members = 0
        for number, record in self.records():
            try:
                group_id, title, member_ids = group_row(record, municipalities)
            except BadRecord as error:
                self.bad(number, error)
                continue
            if group_id in pending:  # the same group twice: the later record wins
                members -= len(pending.pop(group_id)[1])
            pending[group_id] = (title, member_ids)
            self.changed.add(group_id)
            members += len(member_ids)
            if group_id not in known:
                self.added.add(group_id)
            if len(pending) >= 500:
                flush()
        if pending:
            flush()
        self.result.loaded = self.result.records - len(self.result.skipped)
        self.result.new, self.result.members = len(self.added), members

    def load_data(self, cursor) -> None:
        """The hot loop: records are read and checked a few chunks ahead, in a thread, while
        the database writes the chunk before (see `styr.lib.read_ahead`)."""
        kpis, municipalities = self.known.ids(Kpi), self.known.ids(KoladaMunicipality)
        sql = value_upsert_sql(self.connection)
        key_columns = _columns(KoladaValue, ["kpi", "municipality", "period", "gender"])
        quote = self.connection.ops.quote_name
        delete_sql = f"DELETE FROM {quote(KoladaValue._meta.db_table)} WHERE " + " AND ".join(
            f"{quote(c)} = %s" for c in key_columns
        )
        chunks = read_ahead(checked_chunks(self.path, kpis, municipalities, CHUNK))
        loaded = deleted = 0
        with contextlib.closing(chunks):
            for chunk in chunks:
                for number, error in chunk.bad:
                    self.bad(number, error)
                if chunk.rows:
                    cursor.executemany(sql, chunk.rows)
                    loaded += len(chunk.rows)
                    self.changed.update(row[0] for row in chunk.rows)
                if chunk.deletions:
                    cursor.executemany(delete_sql, chunk.deletions)
                    deleted += len(chunk.deletions)
                    self.changed.update(key[0] for key in chunk.deletions)
                self.result.records = chunk.last_record
        self.result.loaded, self.result.deleted = loaded, deleted


@dataclass
class Chunk:
    """Rows to write, then keys to delete, from records up to `last_record`."""

    rows: list[tuple]
    deletions: list[tuple]
    bad: list[tuple[int, BadRecord]]
    last_record: int


def checked_chunks(path, kpis, municipalities, size: int) -> Iterable[Chunk]:
    """A data file's values as chunks of checked rows, in file order.

    A chunk ends after a record that deletes values, so that writes and deletions reach the
    database in the order the file gives them.
    """
    rows: list[tuple] = []
    bad: list[tuple[int, BadRecord]] = []
    number = 0
    for number, record in enumerate(iter_records(path), 1):  # noqa: B007 - used below
        try:
            new, deletions = value_rows(record, kpis, municipalities)
        except BadRecord as error:
            bad.append((number, error))
            continue
        if deletions:
            yield Chunk(rows, list(deletions), bad, number)
            rows, bad = list(new), []
            continue
        rows += new
        if len(rows) >= size:
            yield Chunk(rows, [], bad, number)
            rows, bad = [], []
    yield Chunk(rows, [], bad, number)


def _kind_of(path: str) -> str | None:
    """Read the first record of a file (checking it opens and starts as JSON) for its kind."""
    with contextlib.closing(iter_records(path)) as records:
        first = next(records, None)
    if first is None:
        return None
    kind = detect_kind(first)
    if kind is None:
        keys = ", ".join(first) if isinstance(first, dict) else show(first)
        raise LoadError(
            f"{path}, record 1: not a Kolada municipality, group, KPI or data record "
            f"(it has {keys}). Nothing was loaded."
        )
    return kind


def load_files(paths: Iterable, *, skip_bad: bool = False, out=None) -> LoadResult:
    """Load Kolada files into the database, in dependency order, one transaction per file.

    Raises LoadError naming the file, record and field of the first bad record (unless
    `skip_bad`), or the file that cannot be read. Files before it stay loaded; nothing from
    it is. `out`, if given, gets one line per loaded file and per skipped record.
    """
    paths = [str(p) for p in paths]
    try:
        kinds = {path: _kind_of(path) for path in paths}
    except MalformedFile as error:
        raise LoadError(f"{error}. Nothing was loaded.") from None
    ordered = sorted(paths, key=lambda p: ORDER.index(kinds[p]) if kinds[p] else -1)
    connection, known, results = connections[DEFAULT_DB_ALIAS], _Known(), []
    try:
        for path in ordered:
            kind = kinds[path]
            if kind is None:
                result = FileResult(path=path, kind=None)
            else:
                loader = _FileLoader(connection, path, kind, known, skip_bad)
                try:
                    result = loader.run()
                except MalformedFile as error:
                    raise LoadError(f"{error}. Nothing from {path} was loaded.") from None
                if kind != DATA:  # a catalogue: its new ids, known to the files after it
                    known.ids(FILLS[kind][0]).update(loader.added)
            results.append(result)
            if out is not None:
                out.write(result.summary() + "\n")
                for skipped in result.skipped:
                    out.write(f"  skipped {skipped}\n")
    finally:  # also when a file fails: those before it stay loaded
        written = {result.kind for result in results if result.loaded or result.deleted}
        analyze(*(model for kind in ORDER if kind in written for model in FILLS[kind]))
    return LoadResult(results)


__all__ = ["BadRecord", "FileResult", "LoadError", "LoadResult", "Skipped", "load_files"]
