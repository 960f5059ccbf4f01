"""Public goal pages: the goal tree, one goal, one indicator. Read-only, no login, and the
same number of queries whatever the number of goals, indicators or values."""

from __future__ import annotations

from typing import Any, NamedTuple, cast

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.policy import viewable_plans
from styr.caching.pages import cached_page
from styr.goals import assessment, outcomes, stored, tree_page
from styr.goals.chart import Chart, ChartSeries, render_chart
from styr.goals.comparison import ComparisonSeries, kolada_comparison
from styr.goals.forms import read_comparison
from styr.goals.models import Goal, GoalAssessment, Indicator, Measurement, Source
from styr.kolada.counties import by_county
from styr.kolada.models import KoladaGroup, KoladaMunicipality
from styr.lib.http import answers_bad_query, read_year
from styr.lib.periods import parse_period
from styr.org.models import Municipality
from styr.plans.action_list import read_action_list
from styr.plans.models import Action, Plan


class GoalRow(NamedTuple):
    """What assessing a goal tree reads of each of its goals (hundreds at a municipality's
    scale): a plain tuple, made fast; the page reads in full only the goals it shows
    (`_in_full`)."""

    id: int
    parent_id: int | None
    slug: str
    start_year: int
    end_year: int | None


def _goals(municipality) -> list[GoalRow]:
    """The municipality's goals as plain rows, in tree order; of their indicators (thousands
    at a municipality's scale) `_assessed` reads plain rows (`outcomes.goal_indicators`),
    and the page the rest only of the few it lists (`_shown_in_full`)."""
    rows = (
        Goal.objects.filter(municipality=municipality)
        .order_by("order", "id")
        .values_list("id", "parent_id", "slug", "start_year", "end_year")
    )
    return [GoalRow._make(row) for row in rows]


def _in_full(nodes: list[outcomes.GoalYear]) -> None:
    """The goals the page shows, read in full (one query) in place of their plain rows: a
    large tree's top levels, not its hundreds of goals."""
    full = Goal.objects.filter(id__in=[node.goal.id for node in nodes]).select_related(
        "owner_body", "owner_unit", "municipality"
    )
    by_id = {goal.id: goal for goal in full}
    for node in nodes:
        node.goal = by_id[node.goal.id]


def _nodes(summaries: list[tree_page.Summary]) -> list[outcomes.GoalYear]:
    return [cast(outcomes.GoalYear, summary.node) for summary in summaries]


def _subtree(node: outcomes.GoalYear) -> list[outcomes.GoalYear]:
    return [node, *(below for child in node.children for below in _subtree(child))]


def _shown_in_full(item) -> None:
    """The goal's own indicators, which its page lists, read in full (one query)."""
    full = {
        indicator.id: indicator
        for indicator in Indicator.objects.filter(goals=item.goal).select_related(
            "kpi", "municipality"
        )
    }
    for row in item.indicators:
        row.data.indicator = full[row.data.indicator.id]
    order = {indicator_id: place for place, indicator_id in enumerate(full)}
    item.indicators.sort(key=lambda row: order[row.indicator.id])  # the database's collation


def _assessed(request, municipality, goals: list[GoalRow]):
    """The tree assessed for the year asked (or the default one), from the indicators'
    stored assessments (`styr.goals.stored`), never from their raw values."""
    # The rows stand in for the goals (the roll-up reads their ids, parents and years); the
    # page puts the goals it shows in their place (`_in_full`).
    tree = cast(Any, goals)
    indicators = outcomes.goal_indicators(municipality, tree)
    rules, labels = outcomes.rules_for(municipality)
    known = stored.tree_outcomes(municipality, list(indicators.heads.values()), rules)
    today = timezone.localdate()
    year, years = outcomes.chosen_year(known.years, goals, read_year(request), today)
    assessed = outcomes.assess_goals(tree, indicators, known.for_year(year), rules)
    return assessed, year, years, labels, rules, known


def newest_outcome_note(with_outcomes: list[int], year: int) -> int | None:
    """The year shown, when it is the newest with outcomes and today is later: the page says
    so, as a reader who sees another year than this one should learn why."""
    newest = with_outcomes[-1] if with_outcomes else None
    return year if newest == year < timezone.localdate().year else None


@cached_page(by="municipality")
@answers_bad_query
def goal_tree(request, municipality: str):
    place = get_object_or_404(Municipality, slug=municipality)
    goals = _goals(place)
    assessed, year, years, labels, rules, known = _assessed(request, place, goals)
    roots = [assessed[g.id] for g in goals if g.parent_id is None]
    summaries = tree_page.top_levels(roots) if tree_page.is_large(len(goals)) else []
    _in_full(_nodes(summaries) if summaries else list(assessed.values()))
    return render(
        request,
        "goals/tree.html",
        {
            "municipality": place,
            "roots": roots,
            "summaries": summaries,
            "year": year,
            "newest_outcomes": newest_outcome_note(known.years, year),
            "generated": outcomes.invented(place, list(known.items.values())),
            "years": years,
            "labels": labels,
            "rules": rules,
        },
    )


@cached_page(by="municipality")
@answers_bad_query
def goal(request, municipality: str, slug: str):
    place = get_object_or_404(Municipality, slug=municipality)
    # The whole tree is read so that sub-goals roll up into this goal as on the tree page.
    goals = _goals(place)
    row = next((g for g in goals if g.slug == slug), None)
    if row is None:
        raise Http404(slug)
    assessed, year, years, labels, rules, _known = _assessed(request, place, goals)
    item, above, summaries = _shown_around(assessed, row, goals)
    chosen = item.goal
    today = timezone.localdate()
    analyses = _analyses(chosen)
    context = {
        "municipality": place,
        "goal": chosen,
        "item": item,
        "summaries": summaries,
        "ancestors": [node.goal for node in above],
        "year": year,
        "years": years,
        "labels": labels,
        "rules": rules,
        "actions": _goal_actions(request.user, chosen, today),
        "analysis": next((a for a in analyses if a.period == str(year)), None),
        "generated": outcomes.invented(place, _subtree_data(item)),
        "analyses": analyses,
        "today": today,
    }
    return render(request, "goals/goal.html", context)


def _shown_around(assessed, row: GoalRow, goals: list[GoalRow]):
    """The goal's page's goals, read in full: the goal itself, the goals above it and the
    sub-goals shown (in a large tree, only the top levels under it, as summaries)."""
    item = assessed[row.id]
    above = [assessed[goal_id] for goal_id in _ancestors(row, goals)]
    summaries = tree_page.top_levels(item.children) if tree_page.is_large(len(goals)) else []
    below = _nodes(summaries) if summaries else _subtree(item)[1:]
    _in_full([item, *above, *below])
    _shown_in_full(item)
    return item, above, summaries


def _ancestors(chosen: GoalRow, goals: list[GoalRow]) -> list[int]:
    """The ids of the goals above `chosen`, from the top of the tree down."""
    parents = {g.id: g.parent_id for g in goals}
    ancestors: list[int] = []
    parent_id = chosen.parent_id
    while parent_id in parents:
        ancestors.insert(0, parent_id)
        parent_id = parents[parent_id]
    return ancestors


def _goal_actions(user, chosen, today):
    """The actions that work towards the goal, in the plans the user may see, as today."""
    viewable = Action.objects.filter(
        goals=chosen, plan__in=Plan.objects.filter(viewable_plans(user))
    )
    return read_action_list(viewable, today, chosen.municipality_id)


def _analyses(chosen) -> list:
    """What the owners wrote about the goal, newest period and newest writing first."""
    return list(
        GoalAssessment.objects.filter(goal=chosen)
        .select_related("author")
        .order_by("-period", "-recorded_at", "-id")
    )


def _subtree_data(item) -> list:
    """The outcomes behind a goal's assessment: its own indicators' and its sub-goals'."""
    found = [row.data for row in item.indicators]
    for child in item.children:
        found += _subtree_data(child)
    return found


@cached_page(by="municipality")
@answers_bad_query
def indicator(request, municipality: str, slug: str):
    indicator = _indicator(municipality, slug)
    place = indicator.municipality
    data = outcomes.load_data(place, [indicator])[indicator.id]
    rules, labels = outcomes.rules_for(place)
    comparison, chooser = [], None
    if indicator.source == Source.KOLADA:
        comparison, chooser = _kolada_comparison(request, indicator, place)
    others, other_examples = _other_measurements(indicator)
    comparison += others
    periods, rows = _period_rows(indicator, data, comparison, rules)
    units, unit_examples = _unit_measurements(indicator)
    data.examples |= other_examples or unit_examples
    yearly = [outcomes.indicator_year(data, year, rules) for year in sorted(data.years())]
    chart = _chart(indicator, periods, rows, comparison, bool(data.targets))
    context = {
        "municipality": place,
        "indicator": indicator,
        "data": data,
        "rows": rows,
        "comparison": comparison,
        "chooser": chooser,
        "yearly": yearly,
        "labels": labels,
        "has_gender": bool(data.by_gender),
        "chart": render_chart(chart, chart_id="indikator-diagram") if periods else "",
        "units": units,
        "generated": outcomes.invented(place, [data]),
    }
    return render(request, "goals/indicator.html", context)


def _indicator(municipality: str, slug: str) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("municipality", "kpi", "compare_group").prefetch_related(
            Prefetch("goals", queryset=Goal.objects.select_related("municipality")),
            "compare_with",
            "compare_group__members",
        ),
        municipality__slug=municipality,
        slug=slug,
    )


def _period_rows(indicator, data, comparison, rules):
    """The periods of the indicator's kind with an outcome here or in a comparison, oldest
    first, and a row for each: outcome, by gender, target, the comparisons, the level."""
    keys = {key for key in data.values if parse_period(key).kind == indicator.period_type}
    keys |= {key for series in comparison for key in series.values}
    periods = sorted((parse_period(key) for key in keys), key=lambda period: period.start)
    rows = [
        {
            "period": period,
            "value": data.values.get(period.key),
            "women": data.by_gender.get("K", {}).get(period.key),
            "men": data.by_gender.get("M", {}).get(period.key),
            "target": assessment.target_for(period.key, data.targets),
            "others": [series.values.get(period.key) for series in comparison],
            "counts": [series.counts.get(period.key) for series in comparison],
        }
        for period in periods
    ]
    for row in rows:
        row["level"] = assessment.assess_indicator(
            row["value"], row["target"], indicator.direction, rules
        )
    return periods, rows


def _chart(indicator, periods, rows, comparison, has_targets: bool) -> Chart:
    """The rows as a line chart: the comparisons, then this municipality emphasised."""
    return Chart(
        title=indicator.name,
        periods=tuple(p.short_label for p in periods),
        series=(
            *(ChartSeries(s.name, tuple(s.values.get(p.key) for p in periods)) for s in comparison),
            ChartSeries(
                indicator.municipality.name, tuple(r["value"] for r in rows), emphasis=True
            ),
        ),
        unit=indicator.unit_label,
        targets=tuple(r["target"] for r in rows) if has_targets else (),
        decimals=indicator.decimals,
        description=_("Tabellen under diagrammet visar samma värden."),
    )


def _comparison_groups(municipality, names: dict) -> list:
    """Groups the municipality belongs to, and Kolada's groups of municipalities like it
    ("Liknande kommuner socioekonomi, Nacka, 2024"), which it is not a member of."""
    if municipality.kolada_id not in names:
        return []
    # Membership as a subquery, not a join: joined, each group was read once per member and
    # made distinct again (45-70 ms at L's 26,000 memberships, 3 ms so).
    member_of = KoladaGroup.members.through.objects.filter(
        koladamunicipality_id=municipality.kolada_id
    ).values("koladagroup_id")
    return list(
        KoladaGroup.objects.filter(
            Q(id__in=member_of) | Q(title__contains=f", {names[municipality.kolada_id]},")
        ).order_by("title")
    )


def _kolada_comparison(request, indicator, municipality):
    everyone = list(KoladaMunicipality.objects.order_by("title").values_list("id", "title"))
    names = dict(everyone)
    groups = _comparison_groups(municipality, names)
    asked = read_comparison(request.GET, set(names))
    if asked is None:
        ids = [m.id for m in indicator.compare_with.all()]
        group = indicator.compare_group
    else:
        ids, group = asked
    if group is not None and group.id not in {g.id for g in groups}:
        groups.append(group)
    ids = [i for i in ids if i != municipality.kolada_id]
    if asked is None:  # the indicator's own comparison, stored when Kolada's data changed
        series = stored.comparison(indicator, ids, group, names)
    else:  # a visitor's choice among every municipality and group: read when asked
        series = kolada_comparison(indicator.kpi_id, ids, group, names)
    chooser = {
        "counties": by_county(
            ((i, t) for i, t in everyone if i != municipality.kolada_id),
            ids,
            regions_label=_("Riket och regioner"),
        ),
        "chosen": [names.get(i, i) for i in ids],
        "groups": groups,
        "group": group,
    }
    return series, chooser


def _other_measurements(indicator):
    """Entered outcomes for other municipalities (for indicators not taken from Kolada), and
    whether any of them is an invented example."""
    series: dict[str, ComparisonSeries] = {}
    rows = Measurement.objects.filter(
        indicator=indicator, other_municipality__isnull=False, gender="T"
    ).select_related("other_municipality")
    examples = False
    for row in rows:
        name = row.other_municipality.title
        series.setdefault(name, ComparisonSeries(name, {}, False)).values[row.period] = row.value
        examples |= row.is_example
    return list(series.values()), examples


def _unit_measurements(indicator):
    """Entered outcomes per unit, [(unit name, [(period, value)])], and whether any of them
    is an invented example."""
    by_unit: dict[str, list] = {}
    rows = (
        Measurement.objects.filter(indicator=indicator, unit__isnull=False, gender="T")
        .select_related("unit")
        .order_by("unit__name", "period")
    )
    examples = False
    for row in rows:
        by_unit.setdefault(row.unit.name, []).append((parse_period(row.period), row.value))
        examples |= row.is_example
    return list(by_unit.items()), examples
