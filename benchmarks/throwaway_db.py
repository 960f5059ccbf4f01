"""The benchmarks' databases: a throw-away test database (SQLite in memory, or PostgreSQL),
or an existing one holding generated data, read only."""

import contextlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
# Styr refuses to start without a key; a benchmark's throw-away database signs nothing.
os.environ.setdefault("STYR_SECRET_KEY", "benchmarks-only-not-a-secret")


@contextlib.contextmanager
def throwaway_database():
    """Set Django up and yield its connection to a new test database, dropped afterwards."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def existing_database(url: str):
    """Set Django up on an existing database (a generated L, say), as the production settings
    read it, and return its connection; the benchmark only reads."""
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="styr.settings",
        STYR_DATA_DIR=tempfile.mkdtemp(prefix="styr-bench-"),
        STYR_ALLOWED_HOSTS="testserver",
        STYR_DEBUG="",
    )
    import django

    django.setup()
    from django.db import connection

    return connection
