"""Deleting stored, recomputed rows in one statement.

Rows that a refresh function recomputes whole (the contact centre's counts, HME indices)
are deleted with one DELETE before being written again. `QuerySet.delete()` would, while
any receiver listens to a model's deletes (the page cache's bookkeeping does), load every
row and send a signal for each; the write that made the refresh necessary already counts
as the change, so a plain DELETE is what is meant.
"""

from __future__ import annotations

from django.db import connection


def delete_rows(model, **equal) -> None:
    """DELETE FROM the model's table WHERE each column = its value (all of them)."""
    quote = connection.ops.quote_name
    where = " AND ".join(f"{quote(model._meta.get_field(name).column)} = %s" for name in equal)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {where}", list(equal.values())
        )
