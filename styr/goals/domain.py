"""The important writes on goals: linking a Kolada KPI as an indicator, setting targets,
recording measurements and writing an assessment. Each is one transaction, which stores the
changed indicator's assessments again (`styr.goals.stored.refresh_indicators`)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from styr.goals import outcomes, stored
from styr.goals.models import (
    Direction,
    Goal,
    GoalAssessment,
    Indicator,
    IndicatorUnit,
    PeriodType,
    Source,
    Target,
)
from styr.kolada.models import Kpi
from styr.lib.periods import parse_period


def unique_indicator_slug(municipality, name: str) -> str:
    base = slugify(name)[:80] or "indikator"
    taken = set(
        Indicator.objects.filter(municipality=municipality, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def guess_unit(kpi: Kpi) -> str:
    """Kolada titles end with their unit ("…, andel (%)", "…, kr/inv"); read it from there."""
    title = kpi.title.lower()
    if "(%)" in title or "andel" in title:
        return IndicatorUnit.PERCENT
    if "kr/" in title or title.endswith(", kr") or "kronor" in title:
        return IndicatorUnit.KRONOR
    if "dagar" in title:
        return IndicatorUnit.DAYS
    if "index" in title:
        return IndicatorUnit.INDEX
    return IndicatorUnit.COUNT


@transaction.atomic
def link_kpi(
    goal: Goal,
    kpi: Kpi,
    *,
    direction: str = Direction.HIGHER,
    unit: str | None = None,
    name: str | None = None,
    target: tuple[str, float] | None = None,
) -> Indicator:
    """Make a Kolada KPI an indicator of the goal; reuse the municipality's indicator for
    that KPI if it already has one. `target` is (period key, value)."""
    indicator = Indicator.objects.filter(municipality=goal.municipality, kpi=kpi).first()
    if indicator is None:
        name = name or kpi.title
        indicator = Indicator.objects.create(
            municipality=goal.municipality,
            name=name,
            slug=unique_indicator_slug(goal.municipality, name),
            description=kpi.description,
            unit=unit or guess_unit(kpi),
            direction=direction,
            period_type=PeriodType.YEAR,
            source=Source.KOLADA,
            kpi=kpi,
        )
    indicator.goals.add(goal)
    if target is not None:
        set_target(indicator, *target)
    else:
        stored.refresh_indicators(Indicator.objects.filter(pk=indicator.pk))
    return indicator


@transaction.atomic
def set_target(indicator: Indicator, period: str, value: float) -> Target:
    key = parse_period(period).key
    target, _ = Target.objects.update_or_create(
        indicator=indicator, period=key, defaults={"value": value}
    )
    stored.refresh_indicators(Indicator.objects.filter(pk=indicator.pk))
    return target


def current_level(goal: Goal, period: str) -> str:
    """The goal's attainment for the period's year as the pages show it now, sub-goals
    included."""
    goals = list(Goal.objects.filter(municipality=goal.municipality))
    indicators = outcomes.goal_indicators(goal.municipality, goals)
    rules, _labels = outcomes.rules_for(goal.municipality)
    known = stored.tree_outcomes(goal.municipality, list(indicators.heads.values()), rules)
    yearly = known.for_year(parse_period(period).year)
    assessed = outcomes.assess_goals(goals, indicators, yearly, rules)
    return assessed[goal.id].tally.level


@transaction.atomic
def write_assessment(
    goal: Goal, period: str, analysis: str, *, author=None, author_name: str = "", recorded_at=None
) -> GoalAssessment:
    """Record the owner's analysis of a goal for a period, with the level computed now.

    Earlier analyses stay: the page shows the latest and keeps the rest as history.
    """
    key = parse_period(period).key
    if not analysis.strip():
        raise ValueError("An assessment needs a written analysis.")
    return GoalAssessment.objects.create(
        goal=goal,
        period=key,
        level=current_level(goal, key),
        analysis=analysis.strip(),
        author=author,
        author_name=author_name or (author.name if author else ""),
        recorded_at=recorded_at or timezone.now(),
    )
