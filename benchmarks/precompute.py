"""Benchmark: the goal pages and the contact-centre page on the demo, and with many cases.

Loads the demo (with its generated year of contact-centre cases and HME answers) into a
throw-away test database, then prints for each page the median time of a request through
Django's test client and its SQL queries; then adds `--cases` more generated cases (spread
over further years) and measures again. SQLite in memory by default; PostgreSQL when
DATABASE_URL points at a server.

    .venv/bin/python benchmarks/precompute.py [--cases 200000] [--runs 15]
"""

import argparse
import statistics
import time

from throwaway_db import throwaway_database

PAGES = (
    ("goal tree", "/nacka/mal/"),
    ("goal (service levels)", "/nacka/mal/{service_goal}/"),
    ("indicator (service)", "/nacka/indikatorer/{service_indicator}/"),
    ("indicator (Kolada, group)", "/nacka/indikatorer/{kolada_indicator}/"),
    ("contact centre", "/nacka/kontaktcenter/"),
    ("engagement (HME)", "/nacka/medarbetarengagemang/"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with throwaway_database() as connection:
        run(connection, args)


def measure(connection, args, names: dict) -> None:
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    # Uncached: what a request costs when the page cache does not have the page.
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=dummy):
        for label, pattern in PAGES:
            url = pattern.format(**names)
            times = []
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
            median = 1000 * statistics.median(times)
            print(f"  {label:<27} median {median:7.1f} ms, {len(captured):2d} queries  {url}")


def run(connection, args) -> None:
    from styr.demo.loader import load_file
    from styr.goals.models import Computation, Indicator, Source
    from styr.service.domain import import_case_data
    from styr.service.generate import generate_year_csv
    from styr.service.models import ServiceCase

    started = time.perf_counter()
    municipality = load_file()
    print(f"database: {connection.vendor}; demo loaded in {time.perf_counter() - started:.1f} s")
    service = Indicator.objects.filter(
        municipality=municipality, computation=Computation.SERVICE_HANDLED
    ).first()
    kolada = (
        Indicator.objects.filter(municipality=municipality, source=Source.KOLADA)
        .exclude(compare_group=None)
        .first()
    ) or Indicator.objects.filter(municipality=municipality, source=Source.KOLADA).first()
    names = {
        "service_goal": service.goals.first().slug,
        "service_indicator": service.slug,
        "kolada_indicator": kolada.slug,
    }
    print(f"the demo ({ServiceCase.objects.count():,} cases):")
    measure(connection, args, names)

    added, year = 0, 2016
    started = time.perf_counter()
    while added < args.cases:
        text = generate_year_csv(year, seed=year)
        result = import_case_data(
            municipality, text.encode("utf-8"), f"bench-{year}.csv", generated=True
        )
        added += result.imported
        year += 1
    print(
        f"with {ServiceCase.objects.count():,} cases ({added:,} added in "
        f"{time.perf_counter() - started:.1f} s):"
    )
    measure(connection, args, names)


if __name__ == "__main__":
    main()
