"""Benchmark: each public page's requests/s under the production server, beside /healthz.

In one run: makes sure the database holds a generated municipality (`styr bench generate
--scale S|M|L`, or the demo with `--scale demo`; generated once, reused by later runs),
starts `styr serve` (gunicorn, --workers sync workers) on it, and loads each page with
--concurrency client connections for --seconds, --runs times, each run beside a run of
/healthz (the ceiling of this client and server together: it touches no database); prints
the median requests/s of each page and of /healthz, and the median share. Then times each
report format (build + render, median of --runs) of the same plan beside the raw-SQL floor
(`report.py`'s).

The client is Python: threads in --clients processes, each thread one connection
(http.client; gunicorn's sync workers close the connection after each answer, so each
request opens a new one, as it would be behind a proxy without keep-alive upstream).

    .venv/bin/python benchmarks/pages.py [--scale S|M|L|demo] [--database URL]
        [--seconds 5] [--runs 3] [--concurrency 8] [--workers 2] [--clients 2]

Without --database: SQLite in var/bench-<scale>.sqlite3. For PostgreSQL, e.g.
--database postgres://postgres@127.0.0.1:5432/styr_bench (the database must exist).
"""

import argparse
import datetime as dt
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYR = str(ROOT / ".venv" / "bin" / "styr")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["S", "M", "L", "demo"], default="M")
    parser.add_argument("--database", help="DATABASE_URL (default: var/bench-<scale>.sqlite3)")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if not args.database:
        (ROOT / "var").mkdir(exist_ok=True)
    database = args.database or f"sqlite:///{ROOT / 'var' / f'bench-{args.scale}.sqlite3'}"
    env = environment(database)
    prepare(env, args.scale)
    os.environ.update(env)
    import django

    django.setup()
    pages, plans = pick_pages(args.scale)
    plan = plans[0]
    from django.db import connection

    print(f"database: {connection.vendor} ({describe(database)}); {describe_data(plan)}")
    connection.close()
    port = free_port()
    with serving(env, port, args.workers):
        print(
            f"styr serve: {args.workers} workers; client: {args.concurrency} connections "
            f"in {args.clients} processes, {args.seconds:g} s × {args.runs} runs, median"
        )
        print(f"{'page':<34} {'req/s':>8}  {'/healthz':>8}  share")
        for label, path in pages:
            # /healthz measured beside each page, run by run: on a shared machine the
            # ceiling moves, and the share of the run's own ceiling is what compares.
            pairs = [
                (
                    load(port, "/healthz", args.concurrency, args.clients, args.seconds),
                    load(port, path, args.concurrency, args.clients, args.seconds),
                )
                for _ in range(args.runs)
            ]
            ceiling = statistics.median(c for c, _ in pairs)
            rate = statistics.median(r for _, r in pairs)
            share = statistics.median(r / c for c, r in pairs)
            print(f"{label:<34} {rate:8.0f}  {ceiling:8.0f}  {100 * share:5.1f} %")
    for chosen in plans:
        report_times(chosen, args.runs)


def environment(database: str) -> dict:
    data = Path(tempfile.mkdtemp(prefix="styr-bench-"))
    return {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "styr.settings",
        "STYR_SECRET_KEY": "benchmarks-only-not-a-secret",
        "STYR_DATA_DIR": str(data),
        "STYR_DB_CONN_MAX_AGE": "60",
        "STYR_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STYR_DEBUG": "",
    }


def describe(database: str) -> str:
    return database.split("@")[-1] if "@" in database else database


def prepare(env: dict, scale: str) -> None:
    """Migrate, and generate the municipality (or load the demo) unless it is there."""
    run = lambda *cmd: subprocess.run([STYR, *cmd], env=env, check=True)  # noqa: E731
    run("migrate", "--no-input", "-v0")
    probe = (
        "from styr.org.models import Municipality as M; "
        f"print(M.objects.filter(slug={slug_of(scale)!r}).exists())"
    )
    there = subprocess.run(
        [STYR, "shell", "-c", probe], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    if there[-1:] == ["True"]:  # the shell may say first how many objects it imported
        return
    started = time.perf_counter()
    if scale == "demo":
        run("demo")
    else:
        run("bench", "generate", "--scale", scale, "--municipality", slug_of(scale))
    print(f"prepared the data in {time.perf_counter() - started:.0f} s")


def slug_of(scale: str) -> str:
    return "nacka" if scale == "demo" else f"bench-{scale.lower()}"


def pick_pages(scale: str):
    """The public pages to load, on the municipality's typical plan (the second largest of a
    generated one; the demo has one), its first action, a strategic goal and indicators."""
    from django.db.models import Count

    from styr.goals.models import Goal, Indicator
    from styr.plans.models import Plan

    slug = slug_of(scale)
    plans = list(
        Plan.objects.filter(municipality__slug=slug)
        .annotate(n=Count("actions"))
        .order_by("-n", "id")
    )
    plan = plans[1] if len(plans) > 1 else plans[0]
    action = plan.actions.order_by("order").first()
    # A strategic goal, with the nämndmål and enhetsmål under it (the vision's page holds
    # the whole tree: a page of its own kind, not a typical goal).
    goals = Goal.objects.filter(municipality__slug=slug).order_by("id")
    goal = goals.filter(level="strategic").first() or goals.first()
    indicators = Indicator.objects.filter(municipality__slug=slug).order_by("id")
    manual = indicators.filter(source="manual").first() or indicators.first()
    kolada = indicators.filter(source="kolada").exclude(compare_with=None).first()
    past = (plan.period_start + dt.timedelta(days=365)).isoformat()
    pages = [
        ("start", "/"),
        (f"plan ({plan.actions.count()} actions)", f"/planer/{plan.slug}/"),
        (f"plan as of {past}", f"/planer/{plan.slug}/?as_of={past}"),
        ("action", f"/planer/{plan.slug}/atgarder/{action.pk}/"),
        ("goal", f"/{slug}/mal/{goal.slug}/"),
        ("indicator (entered values)", f"/{slug}/indikatorer/{manual.slug}/"),
        ("report HTML", f"/planer/{plan.slug}/lagesrapport/html/"),
        ("organisation", f"/{slug}/organisation/"),
        ("contact centre", f"/{slug}/kontaktcenter/"),
    ]
    if kolada:
        pages.append(("Kolada comparison", f"/{slug}/indikatorer/{kolada.slug}/"))
    if len(plans) > 1:
        big = plans[0]
        pages.append((f"largest plan ({big.n} actions)", f"/planer/{big.slug}/"))
        return pages, [plan, big]
    return pages, [plan]


def describe_data(plan) -> str:
    from styr.plans.models import StatusUpdate

    updates = StatusUpdate.objects.filter(action__plan__municipality=plan.municipality).count()
    return f"{plan.municipality.name}: {plan.municipality.plans.count()} plans, {updates} updates"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class serving:
    """`styr serve` on a port, up (answering /healthz) on entry, stopped (SIGTERM) on exit."""

    def __init__(self, env, port, workers):
        self.env, self.port, self.workers = env, port, workers

    def __enter__(self):
        self.process = subprocess.Popen(
            [STYR, "serve", f"127.0.0.1:{self.port}", "--workers", str(self.workers)],
            env=self.env,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        self.process.terminate()
        raise SystemExit("styr serve did not answer within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def load(port: int, path: str, concurrency: int, clients: int, seconds: float) -> float:
    """Requests/s answered 200 by the server over `seconds` (a warm-up request first)."""
    get(http.client.HTTPConnection("127.0.0.1", port), path)
    per_process = [concurrency // clients + (i < concurrency % clients) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        counts = pool.starmap(
            _client, [(port, path, n, seconds) for n in per_process if n], chunksize=1
        )
    return sum(counts) / seconds


def get(connection: http.client.HTTPConnection, path: str) -> None:
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")


def _client(port: int, path: str, threads: int, seconds: float) -> int:
    done = [0] * threads
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            get(connection, path)
            done[i] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(done)


def report_times(plan, runs: int) -> None:
    """Each format's build + render time of the plan's report today, beside the floor."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from django.db import connection
    from report import floor_rows, median_ms

    from styr.plans.models import Plan
    from styr.reports.build import build_report
    from styr.reports.formats import FORMATS
    from styr.reports.queries import read_plan_rows

    plan = Plan.objects.select_related("municipality", "owner").get(pk=plan.pk)
    day = dt.date.today()
    floor_ms, rows = median_ms(lambda: floor_rows(connection, plan, day), runs)
    print(f"report of {plan.slug} as of {day}, median of {runs}:")
    print(f"  floor (one raw SQL query, {len(rows)} rows): {floor_ms:8.1f} ms")
    since = day - dt.timedelta(days=365)
    for name, chosen in FORMATS.items():

        def make(chosen=chosen):
            return chosen.render(build_report(read_plan_rows(plan, day, since)))

        total_ms, data = median_ms(make, runs)
        print(
            f"  {name:>4}: build + render {total_ms:8.1f} ms = {total_ms / floor_ms:6.1f}× floor"
            f" ({len(data) / 1e6:.2f} MB)"
        )


if __name__ == "__main__":
    main()
