"""PostgreSQL's planner statistics, for the tests that a bulk write leaves them behind."""

import pytest
from django.db import connection

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner statistics"
)


def planned_rows(model) -> float:
    """The row count PostgreSQL plans `model`'s table with (-1: never analyzed)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
        )
        return cursor.fetchone()[0]
