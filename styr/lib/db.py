"""Planner statistics after a bulk write (`analyze`).

PostgreSQL plans a query from statistics of each table, gathered by ANALYZE, which
autovacuum runs some time after a table has changed much (or never, where it is off).
Until then a table filled in bulk is planned with guesses (an IS NULL holding for 0.5 % of
the rows, say), and a join can be planned as if a table of thousands of rows held one: a
goal page took 20 s at L after a fresh load, 0.5 s once analyzed. So each bulk write
analyzes the tables it filled itself: a Kolada load once at its end, the stored assessments
written again for many indicators (in the transaction that writes them: ANALYZE counts the
transaction's own rows), `styr precompute`, the bench generator. ANALYZE reads a sample of
at most 30,000 rows whatever the table's size: 0.65 s for Kolada's 1,000,000 values here.

SQLite plans without statistics until ANALYZE has been run once; its plans of the goal
pages are good without them (at L, after ANALYZE: the tree 469 ms against 519, a goal 649
against 490, within a loaded machine's noise), so nothing is done there.
"""

from django.db import DEFAULT_DB_ALIAS, connections


def analyze(*models, using: str = DEFAULT_DB_ALIAS) -> None:
    """Gather PostgreSQL's planner statistics of `models`' tables, in one statement (so in
    the same order each time: each table stays locked against another ANALYZE until the
    transaction ends); nothing on another database, or without models."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not models:
        return
    tables = {connection.ops.quote_name(m._meta.db_table) for m in models if m._meta.managed}
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(sorted(tables))}")
