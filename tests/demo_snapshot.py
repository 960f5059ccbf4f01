"""The demo's rows, captured once per test process and written back for each test.

Loading the demo through `styr.demo.loader` runs every real write path (validation, the
audit log, append-only history) and costs about 3 s of CPU; most tests only need its rows.
`capture` runs the real loader once, in a transaction it rolls back, and keeps the rows it
wrote, table by table; `Snapshot.restore` inserts those same rows in a few bulk inserts.
The loader itself is still tested as a loader (tests/demo, and every test that calls
`load_file`).

Three things in the database are not the demo's own, and restore deals with each:
- Content types and permissions exist before the demo, and a transactional test's flush
  recreates them under new ids: rows pointing at them are written back by natural key.
- Content versions (styr.caching) are one row per scope, which a test's own writes before
  asking for the demo may already have created: they are written back by scope.
- Row ids: the captured rows keep theirs. So that rows a test creates before asking for the
  demo cannot take them, capture moves each table's id counter past them for the rest of
  the process (PostgreSQL's sequences do not roll back anyway; SQLite's counters do, so they
  are moved again outside the rolled-back transaction); after a restore, PostgreSQL's
  sequences are set past the inserted ids.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

from styr.caching.models import ContentVersion


def _models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _names(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _rows(model) -> dict:
    """Every row of the model's table, by primary key, as attribute values."""
    return {row[0]: row for row in model._base_manager.values_list("pk", *_names(model))}


def _natural_keys() -> dict:
    """Content types and permissions: id -> natural key, as the database has them now."""
    types = {ct.pk: ct.natural_key() for ct in ContentType.objects.all()}
    return {
        ContentType: types,
        Permission: {
            pk: (codename, *types[type_id])
            for pk, codename, type_id in Permission.objects.values_list(
                "pk", "codename", "content_type_id"
            )
        },
    }


@dataclass
class Snapshot:
    """What the loader wrote: new rows to insert and changed rows to update, per model."""

    result_model: type
    result_pk: object
    keys_then: dict  # content type and permission ids at capture -> natural keys
    inserted: list = field(default_factory=list)  # (model, attribute names, rows)
    updated: list = field(default_factory=list)  # (model, attribute names, rows)

    def restore(self):
        """Write the captured rows into the current transaction; returns the loader's result
        (the municipality), read afresh. One transaction (a savepoint inside a test's):
        a transactional test runs in autocommit, and the foreign keys between tables hold
        only once every table is written."""
        with transaction.atomic():
            return self._restore()

    def _restore(self):
        remap = self._remap()
        for model, names, rows in self.inserted:
            rows = [remap(model, names, row) for row in rows]
            if model is ContentVersion:
                for row in rows:
                    values = dict(zip(names, row, strict=True))
                    del values["id"]
                    ContentVersion.objects.update_or_create(
                        scope=values.pop("scope"), defaults=values
                    )
                continue
            model._base_manager.bulk_create(
                [model(**dict(zip(names, row, strict=True))) for row in rows], batch_size=500
            )
        for model, names, rows in self.updated:
            for row in rows:
                values = dict(zip(names, remap(model, names, row), strict=True))
                model._base_manager.filter(pk=values.pop(model._meta.pk.attname)).update(**values)
        if connection.vendor == "postgresql":
            # Inserting explicit ids does not move a sequence; SQLite's counters move by
            # themselves.
            models = [model for model, _, _ in self.inserted]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
        return self.result_model._base_manager.get(pk=self.result_pk)

    def _remap(self):
        """A function that rewrites a row's content type and permission ids to the ids
        those natural keys have now (the same ids, unless a flush recreated them)."""
        keys_now = _natural_keys()
        ids = {}
        for target in (ContentType, Permission):
            now_by_key = {key: pk for pk, key in keys_now[target].items()}
            ids[target] = {then: now_by_key[key] for then, key in self.keys_then[target].items()}
        if all(then == now for target in ids.values() for then, now in target.items()):
            return lambda model, names, row: row

        def remap(model, names, row):
            row = list(row)
            for f in model._meta.concrete_fields:
                if f.is_relation and f.related_model in ids:
                    index = names.index(f.attname)
                    if row[index] is not None:
                        row[index] = ids[f.related_model][row[index]]
            return tuple(row)

        return remap


def capture(load) -> Snapshot:
    """Run `load()` (the real demo loader) in a transaction that is rolled back, and keep what
    it wrote. Must be called outside any transaction (at session set-up)."""
    models = _models()
    with transaction.atomic():
        before = {model: _rows(model) for model in models}
        result = load()
        after = {model: _rows(model) for model in models}
        keys_then = _natural_keys()
        transaction.set_rollback(True)
    snapshot = Snapshot(result_model=type(result), result_pk=result.pk, keys_then=keys_then)
    for model in models:
        old, new = before[model], after[model]
        if gone := old.keys() - new.keys():
            raise RuntimeError(f"the demo loader deleted {model.__name__} rows {sorted(gone)}")
        if model in (ContentType, Permission) and new.keys() != old.keys():
            raise RuntimeError(f"the demo loader created {model.__name__} rows")
        added = [row[1:] for pk, row in new.items() if pk not in old]
        changed = [row[1:] for pk, row in new.items() if pk in old and old[pk] != row]
        if added:
            snapshot.inserted.append((model, _names(model), added))
        if changed:
            snapshot.updated.append((model, _names(model), changed))
    if connection.vendor == "sqlite":
        _move_sqlite_counters(snapshot)
    return snapshot


def _move_sqlite_counters(snapshot: Snapshot):
    """Let each table's next generated id come after the captured rows, although the
    transaction that wrote them rolled their counters back."""
    with connection.cursor() as cursor:
        for model, names, rows in snapshot.inserted:
            highest = max(row[names.index(model._meta.pk.attname)] for row in rows)
            if not isinstance(highest, int):
                continue
            table = model._meta.db_table
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            if found is None:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest]
                )
            elif found[0] < highest:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [highest, table]
                )
