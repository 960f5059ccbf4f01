"""Benchmark: result-contract coverage for 3,000 managers under 40 directors.

Builds the line (`styr.contracts.synthetic.build_line`: a stadsdirektör, 40 directors, the
others in two levels below, two thirds with an agreed contract) and computes the coverage
as of the deadline, as the HR page and `styr contracts coverage` do; prints the median of
the runs and the SQL queries (aim: under 200 ms, a constant number of queries). SQLite in
memory by default; PostgreSQL when DATABASE_URL points at a server.

    .venv/bin/python benchmarks/contracts.py [--managers 3000] [--directors 40] [--runs 15]
"""

import argparse
import datetime as dt
import statistics
import time

from throwaway_db import throwaway_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--managers", type=int, default=3000)
    parser.add_argument("--directors", type=int, default=40)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with throwaway_database() as connection:
        run(connection, args)


def run(connection, args) -> None:
    from django.test.utils import CaptureQueriesContext

    from styr.contracts.queries import coverage_on
    from styr.contracts.synthetic import build_line

    started = time.perf_counter()
    town = build_line(managers=args.managers, directors=args.directors)
    print(f"built {args.managers} managers in {time.perf_counter() - started:.1f} s")
    day = dt.date(2015, 12, 31)
    times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = coverage_on(town, day)
            times.append(time.perf_counter() - started)
    print(
        f"coverage of {result.total} managers in {len(result.lines)} lines "
        f"({result.agreed} agreed): median {statistics.median(times) * 1000:.1f} ms, "
        f"{len(queries)} queries ({connection.vendor})"
    )


if __name__ == "__main__":
    main()
