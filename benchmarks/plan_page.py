"""Benchmark: the plan page for a plan of 2,000 actions with 20 status updates each.

Prints the median render time and the query count of the public plan page, today and as of
a past date, on a throw-away test database (SQLite in memory by default; PostgreSQL when
DATABASE_URL points at a server: a `test_…` database is created and dropped).

    .venv/bin/python benchmarks/plan_page.py [--actions 2000] [--updates 20] [--runs 15]
"""

import argparse
import statistics
import time

from throwaway_db import throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with throwaway_database() as connection:
        run(connection, args)


def run(connection, args) -> None:
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from styr.demo.synthetic import build_plan

    started = time.perf_counter()
    plan = build_plan(actions=args.actions, updates_per_action=args.updates)
    built = time.perf_counter() - started
    print(
        f"database: {connection.vendor}; plan: {args.actions} actions, "
        f"{args.actions * args.updates} status updates (built in {built:.1f} s)"
    )
    client = Client()
    for label, query in (("today", ""), ("as of 2020-06-01", "?as_of=2020-06-01")):
        url = f"/planer/{plan.slug}/{query}"
        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            assert response.status_code == 200
        median, low, high = (1000 * f(times) for f in (statistics.median, min, max))
        print(
            f"plan page {label:>17}: median {median:7.1f} ms "
            f"(min {low:.1f}, max {high:.1f}) over {args.runs} runs; "
            f"{len(captured)} SQL queries; {len(response.content) / 1e6:.2f} MB of HTML"
        )


if __name__ == "__main__":
    main()
