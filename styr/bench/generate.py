"""`generate`: a whole municipality of a given size, in one transaction, for scale tests.

Writes the organisation, managers and contracts (`styr.bench.organisation`), the plans and
their status history (`styr.bench.plans`), the goals, indicators and Kolada values
(`styr.bench.goals`), a year of contact-centre cases and an HME survey (through the demo's
own generators and imports, which store the contact centre's series and the HME indices as
every import does). Everything or nothing: a failure leaves the database as it was.
"""

from __future__ import annotations

import random
import time

from django.apps import apps
from django.db import transaction

from styr.bench.goals import build_goals
from styr.bench.organisation import build_organisation
from styr.bench.plans import build_plans
from styr.bench.sizes import SIZES, Size
from styr.caching.versions import bump_municipality, bump_shared
from styr.contracts.models import ContractEvent, ManagerAssignment, ResultContract
from styr.goals.models import Goal, GoalAssessment, Indicator, Measurement, Target
from styr.kolada.models import KoladaValue
from styr.lib.db import analyze
from styr.org.models import Municipality, Person, Post, Tenure, Unit, UnitChange
from styr.plans.models import Action, ActionVersion, Plan, Responsibility, StatusUpdate

CASES_YEAR = 2025


class AlreadyGenerated(Exception):
    pass


def generate(size: Size | str, *, slug: str = "skalby", seed: int = 15, out=None) -> Municipality:
    """Generate a municipality of `size` under `slug`; refuse a slug already in use.

    `out`, if given, gets a line per step with the seconds it took.
    """
    size = SIZES[size] if isinstance(size, str) else size
    if Municipality.objects.filter(slug=slug).exists():
        raise AlreadyGenerated(
            f"A municipality with the slug {slug!r} already exists; nothing was generated. "
            "Choose another with --municipality."
        )
    rng = random.Random(seed)
    clock = _Clock(out)
    with transaction.atomic():
        municipality = Municipality.objects.create(
            name=f"{slug.replace('-', ' ').title()} kommun ({size.name})",
            slug=slug,
            kolada_id=_kolada_id(rng),
        )
        org = build_organisation(municipality, size, rng)
        clock.lap("organisation, managers and contracts")
        plans = build_plans(org, size, rng)
        clock.lap("plans, actions and status updates")
        build_goals(org, plans, size, rng)
        clock.lap("goals, indicators and Kolada values")
        _examples(municipality, seed)
        clock.lap("contact-centre cases and HME survey")
        # Written in bulk, without the model signals that count writes: say so once, for the
        # municipality and (Kolada's values being national) for every page that shows them.
        bump_municipality(municipality)
        bump_shared()
    # A whole municipality written in bulk: every table analyzed, so that PostgreSQL plans
    # its pages with statistics of the new rows (a goal page took 20 s at L without them).
    analyze(*apps.get_models(include_auto_created=True))
    clock.lap("planner statistics (ANALYZE)")
    return municipality


def _kolada_id(rng: random.Random) -> str:
    """A municipality Kolada knows, for comparisons (the catalogue is loaded later, in the
    same transaction; an id from the bundled file's ranges)."""
    return rng.choice(["0114", "0180", "0182", "0380", "0580", "1280", "1480", "1880", "2480"])


def _examples(municipality: Municipality, seed: int) -> None:
    # The same generators and imports as the demo's, so the pages meet data of that shape.
    from styr.engagement.generate import load_demo_survey
    from styr.service.generate import load_demo_year

    load_demo_year(municipality, year=CASES_YEAR, seed=seed)
    load_demo_survey(municipality, year=CASES_YEAR, seed=seed)


def counts(municipality: Municipality) -> dict[str, int]:
    """Rows of each table that belong to the municipality (Kolada's values: all of them)."""
    m = municipality
    return {
        "units": Unit.objects.filter(municipality=m).count(),
        "unit changes": UnitChange.objects.filter(unit__municipality=m).count(),
        "people": Person.objects.filter(municipality=m).count(),
        "posts": Post.objects.filter(municipality=m).count(),
        "tenures": Tenure.objects.filter(post__municipality=m).count(),
        "manager assignments": ManagerAssignment.objects.filter(municipality=m).count(),
        "result contracts": ResultContract.objects.filter(municipality=m).count(),
        "contract events": ContractEvent.objects.filter(contract__municipality=m).count(),
        "plans": Plan.objects.filter(municipality=m).count(),
        "actions": Action.objects.filter(plan__municipality=m).count(),
        "responsibilities": Responsibility.objects.filter(action__plan__municipality=m).count(),
        "action versions": ActionVersion.objects.filter(action__plan__municipality=m).count(),
        "status updates": StatusUpdate.objects.filter(action__plan__municipality=m).count(),
        "goals": Goal.objects.filter(municipality=m).count(),
        "goal assessments": GoalAssessment.objects.filter(goal__municipality=m).count(),
        "indicators": Indicator.objects.filter(municipality=m).count(),
        "targets": Target.objects.filter(indicator__municipality=m).count(),
        "measurements": Measurement.objects.filter(indicator__municipality=m).count(),
        "Kolada values (national)": KoladaValue.objects.count(),
    }


class _Clock:
    def __init__(self, out):
        self.out, self.last = out, time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        if self.out is not None:
            self.out.write(f"  {what}: {now - self.last:.1f} s\n")
        self.last = now
