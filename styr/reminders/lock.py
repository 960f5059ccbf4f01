"""One `styr reminders send` at a time: two runs at once (a slow mail server, a cron line
and a timer both set up) would each send what the other has not logged yet.

On PostgreSQL a session advisory lock, which holds across hosts sharing the database; on
SQLite, whose database is a file on this host, a lock on a file beside it.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection

# An arbitrary constant of Styr's: the advisory lock's key ("styrmail" in hex, shortened).
LOCK_KEY = 0x5374_796D_6169_6C


class Busy(Exception):
    """Another run holds the lock."""


@contextlib.contextmanager
def single_run() -> Iterator[None]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            if not cursor.fetchone()[0]:
                raise Busy
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return
    path = Path(settings.DATA_DIR) / "reminders.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
