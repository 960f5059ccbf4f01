"""Read indicators' outcomes and targets from every source, and assess goals for a year.

Whatever the number of goals and indicators, this reads in a fixed number of queries: one for
targets, one for entered measurements, one for Kolada values, and one or two for each of
Styr's own computations (contact-centre cases, HME answers), each only when needed.

This is how an indicator's assessment for a year is computed (`computed`); the goal pages
read what `styr.goals.stored` stored from it when the data changed (`stored.tree_outcomes`,
the same `TreeOutcomes`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import Exists

from styr.engagement.models import EngagementSurvey
from styr.engagement.queries import hme_series
from styr.goals import assessment
from styr.goals.models import (
    AssessmentScale,
    Computation,
    Goal,
    Indicator,
    Measurement,
    Source,
    Target,
)
from styr.kolada.models import KoladaValue
from styr.lib.periods import Period, year_of
from styr.org.models import Municipality
from styr.service.models import ServiceCaseImport
from styr.service.queries import service_series

SERVICE = {Computation.SERVICE_HANDLED, Computation.SERVICE_FIRST_CONTACT}
HME = {
    Computation.HME_TOTAL,
    Computation.HME_MOTIVATION,
    Computation.HME_LEADERSHIP,
    Computation.HME_GOVERNANCE,
}


class IndicatorHead(NamedTuple):
    """What assessing a goal tree reads of each of its indicators (thousands at a
    municipality's scale); a page reads the rest only of the few indicators it lists. A
    tuple: made by the thousand, it is made fast."""

    id: int
    name: str
    source: str
    kpi_id: str | None
    computation: str
    direction: str


@dataclass
class GoalIndicators:
    """The indicators of a municipality's goals: each goal's ids in the order its page lists
    them (by name), and every indicator once, in the order of the goals."""

    of_goal: dict[int, list[int]]
    heads: dict[int, IndicatorHead]


def goal_indicators(municipality, goals: list[Goal]) -> GoalIndicators:
    """The indicators of `goals` (the municipality's, in their order): one query of plain
    rows, each link of a goal to an indicator with the indicator's head, not a model
    instance per indicator."""
    links = Indicator.goals.through.objects.filter(goal__municipality=municipality)
    head = [f"indicator__{name}" for name in IndicatorHead._fields[1:]]
    heads: dict[int, IndicatorHead] = {}
    of_goal: dict[int, list[int]] = defaultdict(list)
    for goal_id, *row in links.values_list("goal_id", "indicator_id", *head):
        of_goal[goal_id].append(row[0])
        if row[0] not in heads:
            heads[row[0]] = IndicatorHead._make(row)
    ordered: dict[int, IndicatorHead] = {}
    for goal in goals:
        # By name (sorting here is quicker than in the database; a page that lists a goal's
        # indicators orders them as the database does, see `views._shown_in_full`).
        ids = sorted(of_goal.get(goal.id, []), key=lambda i: (heads[i].name, i))
        of_goal[goal.id] = ids
        for indicator_id in ids:
            ordered.setdefault(indicator_id, heads[indicator_id])
    return GoalIndicators(dict(of_goal), ordered)


@dataclass
class IndicatorData:
    indicator: Indicator
    values: dict[str, float | None] = field(default_factory=dict)  # period key -> total
    by_gender: dict[str, dict[str, float | None]] = field(default_factory=dict)  # K/M -> ...
    targets: dict[str, float] = field(default_factory=dict)
    examples: bool = False  # some entered outcomes are invented examples (Measurement.is_example)

    def years(self) -> set[int]:
        return {year_of(key) for key, value in self.values.items() if value is not None}


def load_data(municipality, indicators: list[Indicator]) -> dict[int, IndicatorData]:
    data = {indicator.id: IndicatorData(indicator) for indicator in indicators}
    if not data:
        return data
    # Each indicator's targets by period, as the model orders them, without the join to the
    # indicators that ordering them by indicator (by name) needs.
    targets = Target.objects.filter(indicator_id__in=data).order_by("period")
    for indicator_id, period, target in targets.values_list("indicator_id", "period", "value"):
        data[indicator_id].targets[period] = target

    manual = [i.id for i in indicators if i.source == Source.MANUAL]
    if manual:
        rows = Measurement.objects.filter(
            indicator_id__in=manual, unit__isnull=True, other_municipality__isnull=True
        ).values_list("indicator_id", "period", "gender", "value", "is_example")
        for indicator_id, period, gender, value, is_example in rows:
            _put(data[indicator_id], period, gender, value)
            data[indicator_id].examples |= is_example

    by_kpi = defaultdict(list)
    for indicator in indicators:
        if indicator.source == Source.KOLADA:
            by_kpi[indicator.kpi_id].append(data[indicator.id])
    if by_kpi and municipality.kolada_id:
        kolada_rows = KoladaValue.objects.filter(
            kpi_id__in=by_kpi, municipality_id=municipality.kolada_id
        ).values_list("kpi_id", "period", "gender", "value")
        for kpi_id, kolada_period, gender, value in kolada_rows:
            for item in by_kpi[kpi_id]:
                _put(item, str(kolada_period), gender, value)

    computations = {i.computation for i in indicators if i.source == Source.COMPUTED}
    computed: dict[str, dict[str, float | None]] = {}
    if computations & SERVICE:
        computed.update(service_series(municipality))
    if computations & HME:
        computed.update(hme_series(municipality))
    for indicator in indicators:
        if indicator.source == Source.COMPUTED:
            data[indicator.id].values = dict(computed.get(indicator.computation, {}))
    return data


@dataclass
class Invented:
    """Which numbers behind a page are invented, read from the data's own marks: entered
    outcomes marked as examples (`Measurement.is_example`), and contact-centre cases or HME
    answers from a generated import. Every page showing those numbers shows this beside them."""

    entered: list[Indicator] = field(default_factory=list)
    service: bool = False
    hme: bool = False

    def __bool__(self) -> bool:
        return bool(self.entered or self.service or self.hme)


def invented(municipality, items: list[IndicatorData]) -> Invented:
    """What of `items` (indicators with their loaded outcomes) is invented; one query, only
    for computed indicators, whatever the number of indicators: whether a generated import
    of cases or survey lies behind those computed from them."""
    computations = {
        item.indicator.computation for item in items if item.indicator.source == Source.COMPUTED
    }
    marks: dict[str, Exists] = {}
    if computations & SERVICE:
        imports = ServiceCaseImport.objects.filter(municipality=municipality, generated=True)
        marks["service"] = Exists(imports)
    if computations & HME:
        surveys = EngagementSurvey.objects.filter(municipality=municipality, generated=True)
        marks["hme"] = Exists(surveys)
    found: dict[str, bool] = {}
    if marks:
        row = Municipality.objects.filter(pk=municipality.pk).values(**marks).get()
        found = {name: bool(value) for name, value in row.items()}
    return Invented(
        entered=[item.indicator for item in items if item.examples],
        service=found.get("service", False),
        hme=found.get("hme", False),
    )


def _put(item: IndicatorData, period: str, gender: str, value: float | None) -> None:
    if gender == "T":
        item.values[period] = value
    else:
        item.by_gender.setdefault(gender, {})[period] = value


def rules_for(municipality) -> tuple[assessment.Rules, dict[str, str]]:
    """The municipality's assessment rules and the words it uses for each level."""
    scale = AssessmentScale.objects.filter(municipality=municipality).first()
    if scale is None:
        scale = AssessmentScale(municipality=municipality)
    rules = assessment.Rules(
        float(scale.tolerance_percent),
        float(scale.goal_met_percent),
        float(scale.goal_partly_percent),
    )
    labels = {
        assessment.MET: scale.met_label,
        assessment.PARTLY: scale.partly_label,
        assessment.NOT_MET: scale.not_met_label,
    }
    return rules, labels


@dataclass(slots=True)  # made by the thousand for a tree: one object each, not two
class IndicatorYear:
    """One indicator for one year: its outcome (and which period gave it), target and level."""

    data: IndicatorData
    period: Period | None
    outcome: float | None
    target: float | None
    level: str

    @property
    def indicator(self) -> Indicator:
        return self.data.indicator


def indicator_year(item: IndicatorData, year: int, rules: assessment.Rules) -> IndicatorYear:
    period, outcome = assessment.outcome_for_year(year, item.values)
    target = assessment.target_for(period.key if period else str(year), item.targets)
    level = assessment.assess_indicator(outcome, target, item.indicator.direction, rules)
    return IndicatorYear(item, period, outcome, target, level)


@dataclass
class GoalYear:
    goal: Goal
    tally: assessment.GoalTally
    indicators: list[IndicatorYear]
    children: list[GoalYear] = field(default_factory=list)


@dataclass
class TreeOutcomes:
    """What the goal pages know of a tree's indicators before a year is chosen: the years in
    which any has an outcome, each one's data (the indicator, and whether entered outcomes
    are invented examples; the values themselves only where computed here), and each one's
    outcome, target and level for a given year."""

    years: list[int]
    items: Mapping[int, Any]  # IndicatorData or stored.StoredData: the indicator, `examples`
    for_year: Callable[[int], dict[int, IndicatorYear]]


def computed(municipality, indicators: list, rules) -> TreeOutcomes:
    """The tree's outcomes computed from every source (`load_data`, `indicator_year`)."""
    data = load_data(municipality, indicators)
    return TreeOutcomes(
        outcome_years(data),
        data,
        lambda year: {key: indicator_year(item, year, rules) for key, item in data.items()},
    )


def assess_goals(
    goals: list[Goal], indicators: GoalIndicators, yearly: Mapping[int, IndicatorYear], rules
) -> dict[int, GoalYear]:
    """Each goal with its indicators' rows for the year (by indicator id, as
    `TreeOutcomes.for_year` gives them) and its computed tally, as a tree.

    A goal whose parent is not in the list is treated as a root.
    """
    rows = {goal.id: [yearly[i] for i in indicators.of_goal.get(goal.id, [])] for goal in goals}
    parents = {goal.id: goal.parent_id for goal in goals}
    tallies = assessment.assess_tree(
        parents, {goal_id: [row.level for row in r] for goal_id, r in rows.items()}, rules
    )
    result = {goal.id: GoalYear(goal, tallies[goal.id], rows[goal.id]) for goal in goals}
    for goal in goals:
        if goal.parent_id in result:
            result[goal.parent_id].children.append(result[goal.id])
    return result


def chosen_year(
    with_outcomes: Iterable[int], goals, asked: int | None, today: dt.date
) -> tuple[int, list[int]]:
    """The year to show and the years worth offering; an asked-for year always wins.

    By default the goal pages follow the rule of every other page, today, as a year: today's
    year clamped to the years that have outcomes. Outcomes for a year arrive during the next,
    so today's year usually has none yet, and a citizen opening the goal tree expects the
    newest assessment there is, not a page of "ej bedömt": the latest year with outcomes up
    to today's, or the first with outcomes if all lie ahead. Without any outcome, today's
    year within the goals' own years (never simply the first of them).
    """
    with_data = sorted(set(with_outcomes))
    years = set(with_data)
    for goal in goals:
        end = goal.end_year or max(goal.start_year, today.year)
        years |= set(range(goal.start_year, end + 1))
    if asked is not None:
        years.add(asked)
        return asked, sorted(years)
    if with_data:
        up_to_today = [year for year in with_data if year <= today.year]
        default = up_to_today[-1] if up_to_today else with_data[0]
    elif years:
        default = min(max(today.year, min(years)), max(years))
    else:
        default = today.year
    return default, sorted(years)


def outcome_years(data) -> list[int]:
    """The years in which any of the indicators has an outcome, in order."""
    return sorted({year for item in data.values() for year in item.years()})
