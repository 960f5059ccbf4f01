"""Benchmark: loading a Kolada data file of 1,000,000 values, beside the floor.

Writes a Kolada-shaped data file (compact JSON, as the API sends it) to a temporary file:
100 KPIs × 290 municipalities × 35 years, one value per record (gender T), stopping at
1,000,000 values — the count is of VALUES, the entries of the records' inner "values"
lists; with `--genders TKM` each record holds three values (T, K, M). About 2 % of the
values are missing (null, status "Missing").

Loads the real municipality file and the 100 KPIs (from the real catalogue) into a
throw-away database (SQLite in memory, or PostgreSQL via DATABASE_URL), then times
`load_files` on the data file (median of --runs, the value table emptied before each run).
The FLOOR is a plain `cursor.executemany` INSERT of the same rows, already in a Python list
(no parsing, no checking), in chunks of the loader's size, in one transaction, into the same
emptied table. Memory is the loader's tracemalloc peak (Python allocations; the database's
own memory is not in it), measured in a separate run because tracing slows the load; the
process's resident high-water mark (ru_maxrss) is printed too.

    .venv/bin/python benchmarks/kolada_load.py [--values 1000000] [--genders T] [--runs 3]
"""

import argparse
import gzip
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from throwaway_db import throwaway_database

DATA = Path(__file__).resolve().parent.parent / "styr" / "kolada" / "data"


def write_data_file(path: Path, kpis, municipalities, *, values: int, genders: str, years=35):
    """A data file of exactly `values` values; returns the number of records."""
    rng = random.Random(2015)
    written = records = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"values": [')
        first = True
        for kpi in kpis:
            for year in range(2024 - years + 1, 2025):
                for municipality in municipalities:
                    entries = []
                    for gender in genders:
                        if written == values:
                            break
                        missing = rng.random() < 0.02
                        entries.append(
                            {
                                "gender": gender,
                                "count": 1,
                                "status": "Missing" if missing else "",
                                "value": None if missing else round(rng.uniform(0, 1000), 6),
                                "isdeleted": False,
                            }
                        )
                        written += 1
                    if not entries:
                        break
                    record = {
                        "kpi": kpi,
                        "municipality": municipality,
                        "period": year,
                        "values": entries,
                    }
                    out.write(("" if first else ",") + json.dumps(record, separators=(",", ":")))
                    first, records = False, records + 1
        out.write(f'], "count": {records}, "next_url": ""}}')
    if written != values:
        raise SystemExit(f"the grid holds only {written} values; ask for fewer")
    return records


def write_catalogue(path: Path, count: int) -> list[str]:
    """The first `count` KPIs of the real catalogue, as a catalogue file; returns their ids."""
    with gzip.open(DATA / "kpi.json.gz", "rt", encoding="utf-8") as handle:
        kpis = json.load(handle)["values"][:count]
    path.write_text(json.dumps({"count": len(kpis), "values": kpis}), encoding="utf-8")
    return [k["id"] for k in kpis]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--kpis", type=int, default=100)
    parser.add_argument("--genders", default="T", choices=["T", "TKM"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, throwaway_database() as connection:
        run(connection, Path(folder), args)


def empty_values(connection) -> None:
    from django.db import transaction

    from styr.kolada.models import KoladaValue

    table = connection.ops.quote_name(KoladaValue._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {table}")
        else:
            cursor.execute(f"DELETE FROM {table}")


def run(connection, folder: Path, args) -> None:
    from django.db import transaction

    from styr.kolada.load import CHUNK, load_files, value_rows
    from styr.kolada.models import KoladaMunicipality, KoladaValue, Kpi

    catalogue = folder / "kpi.json"
    kpis = write_catalogue(catalogue, args.kpis)
    load_files([DATA / "municipality.json", catalogue])
    municipalities = list(
        KoladaMunicipality.objects.filter(type="K").order_by("id").values_list("id", flat=True)
    )
    data = folder / "values.json"
    start = time.perf_counter()
    records = write_data_file(data, kpis, municipalities, values=args.values, genders=args.genders)
    size = data.stat().st_size / 1e6
    print(
        f"database: {connection.vendor}; file: {args.values:,} values in {records:,} records "
        f"(genders {args.genders}), {size:.0f} MB, written in {time.perf_counter() - start:.1f} s;"
        f" chunk {CHUNK}; {args.runs} runs each"
    )

    def timed(function) -> list[float]:
        times = []
        for _ in range(args.runs):
            empty_values(connection)
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        return times

    load_times = timed(lambda: load_files([data]))
    assert KoladaValue.objects.count() == args.values, "the loader lost values"

    empty_values(connection)
    tracemalloc.start()
    load_files([data])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux

    # The floor's rows, built the same way the loader checks them but before the clock starts.
    from styr.kolada.stream import iter_records

    known_kpis, known_municipalities = set(kpis), set(municipalities)
    rows = []
    for record in iter_records(data):
        rows += value_rows(record, known_kpis, known_municipalities)[0]
    table = connection.ops.quote_name(KoladaValue._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(KoladaValue._meta.get_field(name).column)
        for name in ("kpi", "municipality", "period", "gender", "value", "status", "count")
    )
    insert = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s)"

    def floor():
        with transaction.atomic(), connection.cursor() as cursor:
            for at in range(0, len(rows), CHUNK):
                cursor.executemany(insert, rows[at : at + CHUNK])

    floor_times = timed(floor)
    assert KoladaValue.objects.count() == args.values
    rows.clear()

    load_s, floor_s = statistics.median(load_times), statistics.median(floor_times)
    load_rate, floor_rate = args.values / load_s, args.values / floor_s
    print(
        f"floor (executemany INSERT of a ready list): median {floor_s:6.2f} s "
        f"= {floor_rate:>9,.0f} values/s  (runs: {', '.join(f'{t:.2f}' for t in floor_times)})"
    )
    print(
        f"load_files (read, check, upsert):           median {load_s:6.2f} s "
        f"= {load_rate:>9,.0f} values/s  (runs: {', '.join(f'{t:.2f}' for t in load_times)})"
    )
    verdict = "ok" if load_rate >= 0.5 * floor_rate else "BELOW the 0.5 aim"
    print(f"ratio load/floor rate: {load_rate / floor_rate:.2f} ({verdict})")
    verdict = "ok" if peak / 1e6 < 300 else "ABOVE the 300 MB aim"
    print(
        f"loader peak memory (tracemalloc, Python allocations): {peak / 1e6:.1f} MB ({verdict}); "
        f"process resident high-water before building the floor's list: {rss:.0f} MB"
        + (" (includes the in-memory SQLite database)" if connection.vendor == "sqlite" else "")
    )
    print(f"KPIs in the database: {Kpi.objects.count()}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
