"""Benchmark: the plan page for a plan of 2,000 actions with 20 status updates each.

Prints the median render time (wall clock and this process's CPU time: on a shared machine
the wall clock also counts other processes' turns) and the query count of the public plan
page, uncached (the page cache is emptied before each request): its first screen today, as
of a past date, its second page and one theme's actions, on a throw-away test database
(SQLite in memory by default; PostgreSQL when DATABASE_URL points at a server: a `test_…`
database is created and dropped). With --database it only reads an existing database (a
generated L, say) and measures its largest plan, or the one --plan names.

    .venv/bin/python benchmarks/plan_page.py [--actions 2000] [--updates 20] [--runs 15]
    .venv/bin/python benchmarks/plan_page.py --database URL [--plan SLUG] [--runs 15]
"""

import argparse
import statistics
import time

from throwaway_db import existing_database, throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", help="DATABASE_URL of an existing database (read only)")
    parser.add_argument("--plan", help="with --database: the plan's slug (default: the largest)")
    args = parser.parse_args()

    if args.database:
        connection = existing_database(args.database)
        run(connection, existing_plan(args.plan), args)
        return
    with throwaway_database() as connection:
        from styr.demo.synthetic import build_plan

        started = time.perf_counter()
        plan = build_plan(actions=args.actions, updates_per_action=args.updates)
        print(f"(built in {time.perf_counter() - started:.1f} s)")
        run(connection, plan, args)


def existing_plan(slug: str | None):
    from django.db.models import Count

    from styr.plans.models import Plan

    plans = Plan.objects.annotate(n=Count("actions"))
    return plans.get(slug=slug) if slug else plans.order_by("-n", "id").first()


def run(connection, plan, args) -> None:
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from styr.plans.models import StatusUpdate

    updates = StatusUpdate.objects.filter(action__plan=plan).count()
    print(
        f"database: {connection.vendor}; plan {plan.slug}: {plan.actions.count()} actions, "
        f"{updates} status updates"
    )
    client = Client()
    theme = plan.themes.order_by("order").first()
    for label, query in (
        ("today", ""),
        ("as of 2020-06-01", "?as_of=2020-06-01"),
        ("page 2", "?sida=2"),
        ("one theme", f"?tema={theme.id}"),
    ):
        url = f"/planer/{plan.slug}/{query}"
        times, cpu = [], []
        for _ in range(args.runs):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            assert response.status_code == 200
        median, low, high = (1000 * f(times) for f in (statistics.median, min, max))
        print(
            f"plan page {label:>17}: median {median:7.1f} ms "
            f"(min {low:.1f}, max {high:.1f}; CPU median {1000 * statistics.median(cpu):.1f} ms) "
            f"over {args.runs} runs; {len(captured)} SQL queries; "
            f"{len(response.content) / 1e6:.2f} MB of HTML"
        )


if __name__ == "__main__":
    main()
