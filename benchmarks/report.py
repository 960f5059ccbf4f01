"""Benchmark: the status report of a plan with 2,000 actions and 50,000 status updates.

For each format prints the median time to build the content (read + build) and to render
it (wall clock, and CPU time: on a shared machine the wall clock also counts other
processes' turns; Typst lays pages out on several threads, all counted as CPU, in a child
process whose time is counted too), and the peak Python memory, beside the floor: one raw
SQL query fetching the rows the report weighs (every update up to the day; the report reads
only each action's one in force). Each render is of a report with other notes than the one
before, as a real series of reports would be.
Runs on a throw-away test database (SQLite in memory, or PostgreSQL via DATABASE_URL).

    .venv/bin/python benchmarks/report.py [--actions 2000] [--updates 25] [--runs 7]
    .venv/bin/python benchmarks/report.py --demo     # the Nacka memo's report of 2015-09-02
"""

import argparse
import dataclasses
import datetime as dt
import os
import statistics
import time
import tracemalloc

from throwaway_db import throwaway_database


def cpu_seconds() -> float:
    """This process's CPU time and that of its finished children (Typst runs in one)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def median_ms(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def median_wall_cpu_ms(function, runs: int) -> tuple[float, float, object]:
    """Wall and CPU medians of `runs` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        result = function()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - start_cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def median_render_ms(render, report, runs: int) -> tuple[float, float, bytes]:
    """Wall and CPU medians of rendering `runs` reports that differ in every note."""
    walls, cpus, data = [], [], b""
    for run in range(runs):
        changed = renoted(report, f" ({run})")
        start, start_cpu = time.perf_counter(), cpu_seconds()
        data = render(changed)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - start_cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, data


def renoted(report, suffix: str):
    def action(item):
        return dataclasses.replace(item, note=item.note + suffix)

    def block(item):
        return dataclasses.replace(item, actions=[action(a) for a in item.actions])

    return dataclasses.replace(
        report,
        remaining=[action(a) for a in report.remaining],
        upcoming=[block(b) for b in report.upcoming],
        appendix=[block(b) for b in report.appendix],
    )


def peak_mb(function) -> float:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def floor_rows(connection, plan, day) -> list:
    """The floor: one raw SQL query fetching the rows a report of `plan` as of `day` reads."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, a.title, a.text, a.deadline_text, a.deadline_date, "
            "u.id, u.date, u.status, u.note, u.recorded_at "
            "FROM plans_action a JOIN plans_statusupdate u ON u.action_id = a.id "
            "WHERE a.plan_id = %s AND u.date <= %s",
            [plan.id, day],
        )
        return cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=25)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--demo", action="store_true", help="the Nacka demo's plan as of the memo's day"
    )
    args = parser.parse_args()

    with throwaway_database() as connection:
        run(connection, args)


def run(connection, args) -> None:

    from styr.demo.synthetic import build_plan
    from styr.plans.models import Plan
    from styr.reports.build import build_report
    from styr.reports.formats import FORMATS
    from styr.reports.queries import read_plan_rows

    if args.demo:
        from styr.demo.loader import load_file

        load_file(generated=False)
        day = dt.date(2015, 9, 2)
        plan = Plan.objects.select_related("municipality", "owner").get()
        print(
            f"database: {connection.vendor}; the Nacka demo as of {day}: "
            f"{plan.actions.count()} actions; {args.runs} runs each"
        )
    else:
        plan = build_plan(actions=args.actions, updates_per_action=args.updates)
        plan = Plan.objects.select_related("municipality", "owner").get(pk=plan.pk)
        day = dt.date.today()
        print(
            f"database: {connection.vendor}; plan: {args.actions} actions, "
            f"{args.actions * args.updates} status updates; {args.runs} runs each"
        )

    def floor():
        return floor_rows(connection, plan, day)

    floor_ms, rows = median_ms(floor, args.runs)
    print(f"floor (one raw SQL query, {len(rows)} rows): median {floor_ms:8.1f} ms")

    since = day - dt.timedelta(days=365)

    def build():
        return build_report(read_plan_rows(plan, day, since))

    build_ms, build_cpu, report = median_wall_cpu_ms(build, args.runs)
    build_peak = peak_mb(build)
    print(
        f"build (read + build content):    median {build_ms:8.1f} ms (CPU {build_cpu:7.1f} ms) "
        f"({build_ms / floor_ms:.1f}× floor), peak {build_peak:.0f} MB"
    )
    for name, chosen in FORMATS.items():
        render_ms, render_cpu, data = median_render_ms(chosen.render, report, args.runs)
        render_peak = peak_mb(lambda chosen=chosen: chosen.render(report))
        total = build_ms + render_ms
        print(
            f"{name:>4}: render median {render_ms:8.1f} ms (CPU {render_cpu:7.1f} ms), "
            f"build+render {total:8.1f} ms (CPU {build_cpu + render_cpu:7.1f} ms) "
            f"= {total / floor_ms:5.1f}× floor; peak {max(build_peak, render_peak):.0f} MB; "
            f"{len(data) / 1e6:.2f} MB out"
        )


if __name__ == "__main__":
    main()
