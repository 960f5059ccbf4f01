"""The generated municipality's goal tree, indicators, targets, outcomes and Kolada values.

A vision, overarching goals, strategic goals, nämndmål owned by the nämnder and enhetsmål
owned by units, each a child of a goal of the level above; about six indicators per goal:
three in five follow a Kolada KPI (compared with three other municipalities), the others have
outcomes entered per year, a few are computed from the contact centre's cases. Every
indicator has yearly targets; every goal the owner's written assessment of last year.

Kolada's values are national, shared by every municipality in the database: the generator
writes values for as many real KPIs (from the bundled catalogue) as the size asks, for every
municipality Kolada knows, ten years each, adding only those not there already.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from pathlib import Path

from django.db import connection
from django.utils import timezone

from styr.bench.names import topic
from styr.bench.organisation import BATCH, Organisation
from styr.bench.sizes import Size, goal_levels
from styr.goals.models import (
    AssessmentLevel,
    Goal,
    GoalAssessment,
    Indicator,
    Measurement,
    Target,
)
from styr.goals.stored import refresh_indicators
from styr.kolada.load import load_files
from styr.kolada.models import KoladaMunicipality, KoladaValue, Kpi
from styr.lib.asof import recorded_on
from styr.plans.models import Action

KOLADA_DATA = Path(__file__).resolve().parent.parent / "kolada" / "data"
KOLADA_YEARS = range(2015, 2025)
MEASURED_YEARS = range(2021, 2026)
TARGET_YEARS = range(2024, 2027)
LEVEL_NAMES = {
    "vision": "Vision",
    "overarching": "Övergripande mål",
    "strategic": "Strategiskt mål",
    "committee": "Nämndmål",
    "unit": "Enhetsmål",
}


def ensure_kolada_catalogue() -> None:
    """Kolada's municipalities, KPIs and groups from the bundled files, unless loaded."""
    if KoladaMunicipality.objects.exists() and Kpi.objects.exists():
        return
    load_files(
        [
            KOLADA_DATA / "municipality.json",
            KOLADA_DATA / "kpi.json.gz",
            KOLADA_DATA / "municipality_groups.json.gz",
        ]
    )


def kolada_kpis(size: Size) -> list[str]:
    """Enough municipal KPIs of the real catalogue to hold the size's values."""
    towns = KoladaMunicipality.objects.filter(type="K").count()
    wanted = math.ceil(size.kolada_values / (towns * len(KOLADA_YEARS)))
    return list(
        Kpi.objects.filter(municipality_type__in=["K", "A"])
        .order_by("id")
        .values_list("id", flat=True)[:wanted]
    )


def write_kolada_values(kpis: list[str], count: int, rng: random.Random) -> None:
    towns = list(
        KoladaMunicipality.objects.filter(type="K").order_by("id").values_list("id", flat=True)
    )
    grid = itertools.product(kpis, KOLADA_YEARS, towns)
    rows = (
        (kpi, town, year, "T", round(rng.uniform(10, 1000), 1), "", None)
        for kpi, year, town in itertools.islice(grid, count)
    )
    insert_ignoring_existing(
        KoladaValue, ["kpi", "municipality", "period", "gender", "value", "status", "count"], rows
    )


def insert_ignoring_existing(model, fields: list[str], rows) -> None:
    """Insert many rows fast, leaving rows already there alone: COPY into a temporary table
    on PostgreSQL, a prepared INSERT on SQLite (both in the caller's transaction)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(f).column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE TEMPORARY TABLE bench_rows ON COMMIT DROP AS "
                f"SELECT {columns} FROM {table} WITH NO DATA"
            )
            with cursor.cursor.copy(f"COPY bench_rows ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM bench_rows "
                "ON CONFLICT DO NOTHING"
            )
            cursor.execute("DROP TABLE bench_rows")
        else:
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT DO NOTHING"
            while chunk := list(itertools.islice(rows, BATCH)):
                cursor.executemany(sql, chunk)


def build_goals(org: Organisation, plans, size: Size, rng: random.Random) -> None:
    ensure_kolada_catalogue()
    kpis = kolada_kpis(size)
    write_kolada_values(kpis, size.kolada_values, rng)
    goals = _goal_tree(org, size)
    _link_actions(goals, plans)
    indicators = _indicators(org, goals, size, kpis, rng)
    _targets_and_outcomes(indicators, rng)
    refresh_indicators(Indicator.objects.filter(municipality=org.municipality))
    _assessments(org, goals, rng)


def _goal_tree(org: Organisation, size: Size) -> list[Goal]:
    municipality, levels = org.municipality, goal_levels(size.goals)
    rows: list[Goal] = []
    above: list[Goal] = []
    owners = {
        "vision": [org.council],
        "overarching": [org.council],
        "strategic": [org.executive],
        "committee": org.committees,
    }
    units = [u for u in org.units if u.kind != "grupp"] or org.units
    order = itertools.count(1)
    for level, count in levels:
        made = Goal.objects.bulk_create(
            (
                Goal(
                    municipality=municipality,
                    parent=above[n % len(above)] if above else None,
                    level=level,
                    code="" if level == "vision" else f"{level[0].upper()}{n + 1}",
                    title=_goal_title(level, n),
                    slug=f"{level}-{n + 1}",
                    description=f"{LEVEL_NAMES[level]} om {topic(n)}.",
                    owner_body=owners[level][n % len(owners[level])] if level in owners else None,
                    owner_unit=units[n % len(units)] if level == "unit" else None,
                    start_year=2023,
                    end_year=2026,
                    order=next(order),
                )
                for n in range(count)
            ),
            batch_size=BATCH,
        )
        rows.extend(made)
        above = made or above
    return rows


def _goal_title(level: str, n: int) -> str:
    if level == "vision":
        return "Bästa platsen att växa upp och leva i"
    return f"Fler invånare ska vara nöjda med {topic(n)}" + ("" if n < 30 else f" ({n + 1})")


def _link_actions(goals: list[Goal], plans) -> None:
    """Each action serves one goal (a nämndmål or an enhetsmål)."""
    serving = [g for g in goals if g.level in ("committee", "unit")] or goals
    through = Goal.actions.through
    actions = Action.objects.filter(plan__in=plans).order_by("id").values_list("id", flat=True)
    through.objects.bulk_create(
        (through(goal_id=serving[n % len(serving)].id, action_id=a) for n, a in enumerate(actions)),
        batch_size=BATCH,
    )


def _indicators(org, goals, size, kpis, rng) -> list[Indicator]:
    municipality, rows = org.municipality, []
    for n in range(size.indicators):
        kind = "kolada" if n % 5 < 3 else "computed" if n % 50 == 4 else "manual"
        rows.append(
            Indicator(
                municipality=municipality,
                name=f"Andel nöjda med {topic(n)} ({n + 1})",
                slug=f"indikator-{n + 1}",
                description=f"Hur stor andel som är nöjda med {topic(n)}.",
                unit="percent",
                direction="higher" if n % 7 else "lower",
                period_type="year" if kind != "computed" else "month",
                source=kind,
                kpi_id=kpis[n % len(kpis)] if kind == "kolada" else None,
                computation="service_handled" if kind == "computed" else "",
                note="Genererade värden för skalprov, inte verkliga." if kind == "manual" else "",
            )
        )
    indicators = Indicator.objects.bulk_create(rows, batch_size=BATCH)
    through = Indicator.goals.through
    through.objects.bulk_create(
        (
            through(indicator_id=ind.id, goal_id=goals[n % len(goals)].id)
            for n, ind in enumerate(indicators)
        ),
        batch_size=BATCH,
    )
    towns = list(KoladaMunicipality.objects.filter(type="K").values_list("id", flat=True))
    compare = Indicator.compare_with.through
    compare.objects.bulk_create(
        (
            compare(indicator_id=ind.id, koladamunicipality_id=town)
            for ind in indicators
            if ind.source == "kolada"
            for town in rng.sample(towns, 3)
            if town != municipality.kolada_id
        ),
        batch_size=BATCH,
    )
    return indicators


def _targets_and_outcomes(indicators, rng) -> None:
    Target.objects.bulk_create(
        (
            Target(indicator=ind, period=str(year), value=round(rng.uniform(60, 95)))
            for ind in indicators
            if ind.period_type == "year"
            for year in TARGET_YEARS
        ),
        batch_size=BATCH,
    )
    tz = timezone.get_current_timezone()
    Measurement.objects.bulk_create(
        (
            Measurement(
                indicator=ind,
                period=str(year),
                value=round(rng.uniform(50, 100), 1),
                is_example=True,
                recorded_at=recorded_on(dt.date(year + 1, 2, 15), tz),
            )
            for ind in indicators
            if ind.source == "manual"
            for year in MEASURED_YEARS
        ),
        batch_size=BATCH,
    )


def _assessments(org, goals, rng) -> None:
    """The owner's analysis of 2025 for every goal, written in February 2026."""
    levels = [AssessmentLevel.MET, AssessmentLevel.PARTLY, AssessmentLevel.NOT_MET]
    written = recorded_on(dt.date(2026, 2, 20), timezone.get_current_timezone())
    authors = [person for _post, person in org.heads.values()]
    GoalAssessment.objects.bulk_create(
        (
            GoalAssessment(
                goal=goal,
                period="2025",
                level=rng.choice(levels),
                analysis="Målet följs upp med indikatorerna; utvecklingen är i stort positiv.",
                author=authors[n % len(authors)],
                recorded_at=written,
            )
            for n, goal in enumerate(goals)
        ),
        batch_size=BATCH,
    )
