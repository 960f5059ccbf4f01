"""Append-only rows: history that is written once and never changed or removed.

Status updates, action versions, goal assessments and published reports and files use it.
The ORM refuses to change or delete them through every manager: the default one, and the
base manager Django itself uses for related objects (`Meta.base_manager_name`, which
subclasses inherit through the abstract parent even when they declare their own Meta), so
`Model._base_manager.filter(...).update(...)` is refused as well. On PostgreSQL, triggers
refuse UPDATE and DELETE in the database too (`append_only_triggers`); only `styr demo
--replace` may delete, by setting `styr.purge` for its own transaction.
"""

from django.db import migrations, models

# The setting `styr demo --replace` sets (SET LOCAL, its own transaction only) so that the
# triggers let it delete every row before it loads the demo again.
PURGE_SETTING = "styr.purge"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows are append-only and cannot be updated.")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows are append-only and cannot be deleted.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's own plumbing (related access, refresh_from_db, deletion collection) reads
        # through the base manager; reading is all it needs, and writes through it are
        # refused like any other. Saving a new row inserts and never touches a manager.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} is append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} is append-only and cannot be deleted.")


def _trigger_sql(table: str) -> tuple[list[str], list[str]]:
    """SQL that makes `table` append-only on PostgreSQL, and SQL that undoes it.

    A row-level BEFORE trigger refuses every UPDATE and every DELETE, naming the table, unless
    the transaction has set `styr.purge` to 'on' (deletes only). Row triggers do not fire on
    TRUNCATE, which test databases use to empty tables between tests. The message is built
    with || rather than RAISE's % placeholders, so the SQL has no % for a driver to misread.
    """
    function = f"{table}_append_only"
    forwards = [
        f"""
        CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND current_setting('{PURGE_SETTING}', true) = 'on' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION USING
                ERRCODE = 'restrict_violation',
                MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only: '
                    || TG_OP || ' refused; record a newer row instead';
        END;
        $$
        """,
        f"""
        CREATE TRIGGER {function} BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {function}()
        """,
    ]
    backwards = [
        f"DROP TRIGGER IF EXISTS {function} ON {table}",
        f"DROP FUNCTION IF EXISTS {function}()",
    ]
    return forwards, backwards


def append_only_triggers(*tables: str) -> migrations.RunPython:
    """A migration operation that adds (reversibly) the append-only triggers to `tables`.

    It runs SQL only on PostgreSQL: SQLite relies on the ORM's refusal above.
    """

    def run(schema_editor, index: int) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            for statement in _trigger_sql(table)[index]:
                schema_editor.execute(statement)

    def forwards(apps, schema_editor):
        run(schema_editor, 0)

    def backwards(apps, schema_editor):
        run(schema_editor, 1)

    return migrations.RunPython(forwards, backwards, elidable=False)
