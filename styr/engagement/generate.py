"""Plausible, made-up HME answers for the demo: deterministic for a given seed.

Real HME results in Swedish municipalities mostly lie between 70 and 85, leadership usually
a little above governance. The generator draws a level per unit, adds a small offset per
sub-index and statement, and draws each answer around it; a few answers are left empty.
The last unit given gets fewer than ten respondents, so that the demo shows suppression.
Surveys made here are marked `generated` and the page says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import tempfile
from collections.abc import Sequence
from pathlib import Path

from django.utils.translation import gettext as _

from styr.engagement import hme
from styr.engagement.domain import ImportResult, import_survey, survey_day
from styr.org.history import unit_states_on
from styr.org.models import Municipality, Unit, UnitChange

# Mean answer (1-5) offsets per sub-index, on top of each unit's level.
SUBINDEX_OFFSET = {hme.MOTIVATION: 0.05, hme.LEADERSHIP: 0.15, hme.GOVERNANCE: -0.12}
MISSING_SHARE = 0.015

# The Nacka demo's units that have staff of their own in 2015; the last one is small.
DEMO_UNITS = (
    "stadsledningskontoret",
    "samordnings-och-utvecklingsenheten",  # Förnyelseenheten from 2015
    "mark-och-exploateringsenheten",  # Exploateringsenheten from 2015
    "byggenheten",  # Enheten för fastighetsutveckling from 2015
    "juridik-och-kanslienheten",
    "arbets-och-foretagsenheten",
    "enheten-for-strategisk-stadsutveckling",
    "idrottsdriften",
    "valfard-samhallsservice",
    "valfard-skola",
    "kontaktcenter",
    "serviceenheten",
    "lokalenheten",
    "mottagningsgruppen",
)
DEMO_SEED = 2015


def _answer(rng: random.Random, mean: float) -> int:
    return min(5, max(1, round(rng.gauss(mean, 0.8))))


def generate_rows(units: Sequence[str], *, seed: int = DEMO_SEED) -> list[list[str]]:
    """Rows of [unit, answer 1, …, answer 9] (answers as text, "" for unanswered)."""
    rng = random.Random(seed)
    statement_offset = [rng.uniform(-0.08, 0.08) for _statement in hme.STATEMENTS]
    rows = []
    for position, unit in enumerate(units):
        small = position == len(units) - 1
        respondents = rng.randint(5, 8) if small else rng.randint(12, 60)
        level = rng.gauss(4.15, 0.15)
        means = [
            level + SUBINDEX_OFFSET[statement.subindex] + statement_offset[statement.number - 1]
            for statement in hme.STATEMENTS
        ]
        for _respondent in range(respondents):
            mood = rng.gauss(0, 0.35)  # some respondents are happier throughout
            answers = [
                "" if rng.random() < MISSING_SHARE else str(_answer(rng, mean + mood))
                for mean in means
            ]
            if not any(answers):
                answers[0] = str(_answer(rng, means[0] + mood))
            rows.append([unit, *answers])
    return rows


def generate_csv(units: Sequence[str], *, seed: int = DEMO_SEED) -> str:
    """A CSV in the import format (`;`, header enhet;q1;…;q9), one row per respondent."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["respondent", "enhet", *(s.field for s in hme.STATEMENTS)])
    for number, row in enumerate(generate_rows(units, seed=seed), start=1):
        writer.writerow([number, *row])
    return out.getvalue()


def demo_unit_names(municipality: Municipality, day: dt.date) -> list[str]:
    """The names on `day` of the demo's units that exist then (in DEMO_UNITS order); any
    other municipality's existing units, in name order, when none of the demo's is there."""
    units = list(Unit.objects.filter(municipality=municipality))
    changes = list(UnitChange.objects.filter(unit__municipality=municipality))
    states = unit_states_on(units, changes, day)
    by_slug = {unit.slug: unit for unit in units}
    chosen = [by_slug[slug] for slug in DEMO_UNITS if slug in by_slug]
    if not chosen:
        chosen = sorted(units, key=lambda unit: states[unit.id].name)
    return [states[unit.id].name for unit in chosen if states[unit.id].exists]


def load_demo_survey(
    municipality: Municipality, year: int = 2015, *, seed: int = DEMO_SEED
) -> ImportResult:
    """Generate answers for the demo's units and import them as the `year` survey, marked
    generated, through the same import as a real file."""
    conducted_on = dt.date(year, 10, 15)
    names = demo_unit_names(municipality, survey_day(year, conducted_on))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"hme-{year}-exempeldata.csv"
        path.write_text(generate_csv(names, seed=seed), encoding="utf-8")
        return import_survey(
            municipality,
            path,
            year=year,
            title=_("Medarbetarenkät (HME) %(year)s, exempeldata") % {"year": year},
            conducted_on=conducted_on,
            generated=True,
        )
