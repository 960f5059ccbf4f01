"""Health endpoints for load balancers and service managers.

`/healthz` (liveness) answers without touching the database: a process that can run Python
is alive, whatever the database is doing, and restarting it would not help. It is also the
floor the page benchmarks compare with. `/readyz` (readiness) says whether this process
can serve pages: the database answers and every migration has been applied (a new release
whose `styr migrate` has not run yet is not ready).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("styr.health")


def _plain(text: str, status: int = 200) -> HttpResponse:
    return HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request) -> HttpResponse:
    return _plain("ok")


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@never_cache
@require_safe
def readyz(request) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = unapplied_migrations()
    except DatabaseError as error:
        logger.warning("not ready: the database does not answer: %s", error)
        return _plain(f"not ready: the database does not answer ({type(error).__name__})", 503)
    if pending:
        return _plain(f"not ready: {len(pending)} migrations not applied ({pending[0]} …)", 503)
    return _plain("ok")
