"""Benchmark: public pages of the Nacka demo, uncached (cold) and from the page cache (warm).

Prints per page the median time of a request through Django's test client with the page
cache emptied before each (cold) and with the page already cached (warm), the queries of
each, and the time of a 304 answer to the page's ETag, on a throw-away test database
(SQLite in memory by default; PostgreSQL when DATABASE_URL points at a server). The cache
is Django's local memory, or what STYR_CACHE_URL names (redis://…, memcached://…).

    .venv/bin/python benchmarks/cache.py [--runs 25]
"""

import argparse
import statistics
import time

from throwaway_db import throwaway_database

PAGES = [
    ("start page", "/"),
    ("plan page, today", "/planer/styrning-och-ledning-2015-2016/"),
    ("plan page, as of 2015-09-02", "/planer/styrning-och-ledning-2015-2016/?as_of=2015-09-02"),
    ("goal page", "/nacka/mal/maximalt-varde-for-skattepengarna/"),
    ("goal tree", "/nacka/mal/"),
    ("indicator page", "/nacka/indikatorer/brp-per-invanare/"),
    ("organisation", "/nacka/organisation/"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    with throwaway_database() as connection:
        run(connection, args.runs)


def timed(client, url, connection, **headers) -> tuple[float, int, int]:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(url, **headers)
        elapsed = time.perf_counter() - start
    return elapsed, len(captured), response.status_code


def run(connection, runs: int) -> None:
    from django.core.cache import cache, caches
    from django.test import Client

    from styr.demo.loader import load_file

    started = time.perf_counter()
    load_file()
    print(
        f"database: {connection.vendor}; cache: {caches['default'].__class__.__name__}; full demo "
        f"(loaded in {time.perf_counter() - started:.1f} s); medians of {runs} requests"
    )
    print(f"{'page':30} {'cold ms':>8} {'q':>3} {'warm ms':>8} {'q':>3} {'304 ms':>7} {'x':>6}")
    client = Client()
    floor = statistics.median(timed(client, "/healthz", connection)[0] for _ in range(runs))
    print(f"{'/healthz (no database)':30} {'':8} {'':3} {floor * 1000:8.2f} {0:3}")
    for label, url in PAGES:
        cold, warm, not_modified = [], [], []
        for _ in range(runs):
            cache.clear()
            elapsed, cold_queries, status = timed(client, url, connection)
            assert status == 200, (url, status)
            cold.append(elapsed)
        etag = client.get(url)["ETag"]
        for _ in range(runs):
            elapsed, warm_queries, status = timed(client, url, connection)
            warm.append(elapsed)
            elapsed, _, status = timed(client, url, connection, HTTP_IF_NONE_MATCH=etag)
            assert status == 304, (url, status)
            not_modified.append(elapsed)
        c, w, n = (statistics.median(x) * 1000 for x in (cold, warm, not_modified))
        print(
            f"{label:30} {c:8.2f} {cold_queries:3} {w:8.2f} {warm_queries:3} {n:7.2f} {c / w:5.0f}×"
        )


if __name__ == "__main__":
    main()
