"""Benchmark: the public goal pages of a generated municipality, uncached.

Prints, for the goal tree (its first screen), a top-level goal, the goal with the most
indicators and an indicator, the median render time (wall clock and this process's CPU
time), the SQL query count and the HTML size, each request made with the page cache emptied
first, through Django's test client against an existing database holding a generated
municipality (`styr bench generate --scale L`). It only reads.

    .venv/bin/python benchmarks/goal_pages.py [--database URL] [--municipality bench-l]
        [--runs 15]

Without --database: SQLite in var/bench-L.sqlite3. For PostgreSQL, e.g.
--database postgres://postgres@127.0.0.1:5432/h_bench_l.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from throwaway_db import existing_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="DATABASE_URL (default: var/bench-L.sqlite3)")
    parser.add_argument("--municipality", default="bench-l")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    existing_database(args.database or f"sqlite:///{ROOT / 'var' / 'bench-L.sqlite3'}")
    for label, url in pages(args.municipality):
        measure(label, url, args.runs)


def pages(slug: str) -> list[tuple[str, str]]:
    from django.db.models import Count

    from styr.goals.models import Goal, Indicator

    goals = Goal.objects.filter(municipality__slug=slug)
    root = goals.filter(parent__isnull=True).order_by("order", "id").first()
    widest = goals.annotate(n=Count("indicators")).order_by("-n", "id").first()
    indicator = Indicator.objects.filter(municipality__slug=slug).order_by("id").first()
    return [
        (f"goal tree ({goals.count()} goals)", f"/{slug}/mal/"),
        ("top-level goal", f"/{slug}/mal/{root.slug}/"),
        (f"goal with {widest.n} indicators", f"/{slug}/mal/{widest.slug}/"),
        ("indicator", f"/{slug}/indikatorer/{indicator.slug}/"),
    ]


def measure(label: str, url: str, runs: int) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    times, cpu = [], []
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, (url, response.status_code)
    median, low, high = (1000 * f(times) for f in (statistics.median, min, max))
    print(
        f"{label:>28}: median {median:7.1f} ms (min {low:.1f}, max {high:.1f}; "
        f"CPU median {1000 * statistics.median(cpu):.1f} ms) over {runs} runs; "
        f"{len(captured)} SQL queries; {len(response.content) / 1e3:.0f} kB of HTML"
    )


if __name__ == "__main__":
    main()
