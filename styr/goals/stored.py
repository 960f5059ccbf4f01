"""Each indicator's assessment per year and its default Kolada comparison: stored when their
data changes (`refresh_indicators`), read by the goal pages (`tree_outcomes`, `comparison`).

`refresh_indicators` is the one write of `YearAssessment` and `ComparisonValue`. Every path
that changes what they come from calls it in its own transaction: the admin (an indicator
with its targets, measurements and comparisons; the assessment scale), linking a KPI and
setting a target (`styr.goals.domain`), a Kolada load (through `styr.kolada.load.AFTER_LOAD`,
registered by the app), a new Kolada id of the municipality (the admin's or
`styr.org.kolada_id.change_kolada_id`, through its `AFTER_KOLADA_ID`, registered likewise),
the demo and bench loaders, and `styr precompute`. The level is not stored but compared when
read, with the indicator's direction and the municipality's tolerance as they are then, so
changing either needs nothing stored again. Deleting an
indicator deletes its rows with it; deleting a goal in the admin stores its indicators'
again (one that no goal uses any more has none; a goal's assessment is rolled up from its
indicators' when shown). The rows are computed by the same functions the
pages used before (`styr.goals.outcomes.load_data` and `indicator_year`,
`styr.goals.comparison.group_mean`), so a page shows the same either way; tests hold them to
that on the demo's pages.

Indicators computed by Styr (contact centre, HME) get no rows: their series are stored by
their own apps whenever cases or answers change, and the few of them are assessed from
those series when shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from styr.caching.versions import bump_municipality
from styr.goals import assessment, outcomes
from styr.goals.comparison import ComparisonSeries, group_mean
from styr.goals.models import (
    ComparisonValue,
    Indicator,
    Measurement,
    Source,
    YearAssessment,
)
from styr.kolada.load import DATA, GROUPS
from styr.kolada.models import KoladaValue
from styr.lib.db import analyze
from styr.lib.periods import Period, parse_period, year_of

# Indicators refreshed per round: each round reads their data in a few queries.
BATCH = 500
# A refresh of at least this many indicators is a bulk write (a Kolada load, `styr
# precompute`, a generated municipality): it analyzes the two tables, so that PostgreSQL
# plans the pages' reads of them with statistics of the new rows (0.7 s at L's 52,300
# and 89,600 rows); an admin's save of one indicator does not.
ANALYZE_FROM = 100


@transaction.atomic
def refresh_indicators(indicators: QuerySet[Indicator]) -> int:
    """Store again the yearly outcomes and targets and the default comparisons of
    `indicators`, from their measurements, targets and Kolada's values. Idempotent;
    returns the number of assessment rows written.

    The rows are written in bulk, without model signals: the content versions of the
    indicators' municipalities are bumped here instead, so that a page cached before is
    not shown again (the write that called this has usually bumped them already).
    """
    written = 0
    chosen = indicators.select_related("municipality", "compare_group").prefetch_related(
        "compare_with", "compare_group__members"
    )
    ids = list(chosen.values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = list(chosen.filter(id__in=ids[start : start + BATCH]))
        _delete(YearAssessment, [indicator.id for indicator in batch])
        _delete(ComparisonValue, [indicator.id for indicator in batch])
        by_municipality = defaultdict(list)
        for indicator in batch:
            by_municipality[indicator.municipality].append(indicator)
        for municipality, group in by_municipality.items():
            written += _store_years(municipality, group)
            _store_comparisons(municipality, group)
            bump_municipality(municipality)
    if len(ids) >= ANALYZE_FROM:
        analyze(YearAssessment, ComparisonValue)
    return written


def refresh_after_kolada(kind: str, changed: frozenset[str]) -> None:
    """`styr.kolada.load.AFTER_LOAD`: the indicators that follow a KPI a data file gave
    values, or compare with a group a group file wrote, in every municipality."""
    if not changed:
        return
    if kind == DATA:
        refresh_indicators(Indicator.objects.filter(source=Source.KOLADA, kpi_id__in=changed))
    elif kind == GROUPS:
        refresh_indicators(
            Indicator.objects.filter(source=Source.KOLADA, compare_group_id__in=changed)
        )


def refresh_after_kolada_id(municipality) -> None:
    """`styr.org.kolada_id.AFTER_KOLADA_ID`: the municipality's Kolada indicators, whose
    outcomes are read by its Kolada id and whose comparisons leave that id out."""
    refresh_indicators(Indicator.objects.filter(municipality=municipality, source=Source.KOLADA))


def _delete(model, indicator_ids: list[int]) -> None:
    """One DELETE, not `QuerySet.delete()`, which would load the rows to send signals."""
    quote = connection.ops.quote_name
    column = quote(model._meta.get_field("indicator").column)
    marks = ", ".join(["%s"] * len(indicator_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {column} IN ({marks})",
            indicator_ids,
        )


def _store_years(municipality, indicators: list[Indicator]) -> int:
    """For each indicator some goal uses, a row per year from its first outcome or target to
    its last, and one `onwards`."""
    rules = assessment.Rules()  # the level is not stored: compared with the rules when read
    used = set(
        Indicator.goals.through.objects.filter(
            indicator_id__in=[indicator.id for indicator in indicators]
        ).values_list("indicator_id", flat=True)
    )
    assessed = [i for i in indicators if i.source != Source.COMPUTED and i.id in used]
    rows = []
    for item in outcomes.load_data(municipality, assessed).values():
        years = {year_of(key) for key in item.values} | {year_of(key) for key in item.targets}
        if not years:
            continue
        last = max(years)
        for year in range(min(years), last + 2):
            row = outcomes.indicator_year(item, year, rules)
            rows.append(
                YearAssessment(
                    indicator=item.indicator,
                    municipality=municipality,
                    year=year,
                    onwards=year == last + 1,
                    period=row.period.key if row.period else "",
                    outcome=row.outcome,
                    target=row.target,
                )
            )
    YearAssessment.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _compared(indicator: Indicator, own_id: str | None) -> list[str]:
    """The Kolada municipalities an indicator compares with by default, in the page's order."""
    return [m.id for m in indicator.compare_with.all() if m.id != own_id]


def _store_comparisons(municipality, indicators: list[Indicator]) -> None:
    """The values of the municipalities each Kolada indicator compares with, and the mean of
    its group, as `styr.goals.comparison.kolada_comparison` gives them (a query per KPI of
    the batch)."""
    wanted: dict[int, tuple[list[str], list[str]]] = {}
    kpi_of: dict[int, str] = {}
    for indicator in indicators:
        if indicator.source != Source.KOLADA or not indicator.kpi_id:
            continue
        kpi_of[indicator.id] = indicator.kpi_id
        group = indicator.compare_group
        members = sorted(m.id for m in group.members.all()) if group else []
        ids = _compared(indicator, municipality.kolada_id)
        if ids or group is not None:
            wanted[indicator.id] = (ids, members)
    if not wanted:
        return
    by_id = {indicator.id: indicator for indicator in indicators}
    towns_of_kpi: dict[str, set[str]] = defaultdict(set)
    for key, (ids, members) in wanted.items():
        towns_of_kpi[kpi_of[key]].update(ids, members)
    values: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    # A query per KPI, for just its towns (the unique index leads with the KPI): all the
    # batch's KPIs by all its towns would read many values nobody compares.
    for kpi_id, towns in towns_of_kpi.items():
        if not towns:
            continue
        rows = KoladaValue.objects.filter(
            kpi_id=kpi_id, municipality_id__in=towns, gender="T"
        ).values_list("municipality_id", "period", "value")
        for town, year, value in rows:
            values[kpi_id, town][str(year)] = value
    stored = []
    for key, (ids, members) in wanted.items():
        indicator = by_id[key]
        mine = {
            town: values[kpi_of[key], town]
            for town in {*ids, *members}
            if (kpi_of[key], town) in values
        }
        for town in ids:
            for period, value in mine.get(town, {}).items():
                stored.append(
                    ComparisonValue(
                        indicator=indicator, municipality_id=town, period=int(period), value=value
                    )
                )
        if indicator.compare_group is not None:
            means, counts = group_mean(mine, members)
            for period, mean in means.items():
                stored.append(
                    ComparisonValue(
                        indicator=indicator,
                        group=indicator.compare_group,
                        period=int(period),
                        value=mean,
                        with_value=counts[period][0],
                        members=counts[period][1],
                    )
                )
    ComparisonValue.objects.bulk_create(stored, batch_size=1000)


class StoredData:
    """What the goal pages need of an indicator whose outcomes are stored, in place of
    `outcomes.IndicatorData`: the indicator (what `outcomes.goal_indicators` read of it,
    until a page reads it in full) and whether entered outcomes are invented examples. One
    small object each: a tree makes thousands."""

    __slots__ = ("indicator", "examples")

    def __init__(self, indicator):
        self.indicator = indicator
        self.examples = False


def tree_outcomes(municipality, indicators: Sequence[Any], rules) -> outcomes.TreeOutcomes:
    """The stored outcomes of a goal tree's indicators (`indicators`: those of the
    municipality's goals, `outcomes.IndicatorHead` or Indicator), as `outcomes.computed`
    computes them: two queries, one more for a year, and those of `outcomes.load_data` for
    the indicators Styr computes (only if there are any)."""
    own = [i for i in indicators if i.source == Source.COMPUTED]
    computed = outcomes.load_data(municipality, own)
    items: dict[int, StoredData | outcomes.IndicatorData] = {
        i.id: StoredData(i) for i in indicators
    }
    items.update(computed)
    # The municipality-wide outcomes (no unit, no other municipality) are picked here, not
    # in SQL: PostgreSQL guesses that an IS NULL holds for 0.5 % of the rows of a table it
    # has not analyzed, took the measurements of a fresh load for one row, and read all the
    # municipality's indicators again for each measurement (9,500 x 5,000 rows, 20 s at L).
    # Without those guesses it joins them by hash or index (15-50 ms, analyzed or not).
    examples = (
        Measurement.objects.filter(
            indicator__municipality=municipality,
            indicator__source=Source.MANUAL,
            is_example=True,
        )
        .order_by()  # the model's ordering would make DISTINCT keep every period
        .values_list("indicator_id", "unit_id", "other_municipality_id")
        .distinct()
    )
    for indicator_id, unit_id, other_id in examples:
        if unit_id is None and other_id is None and indicator_id in items:
            items[indicator_id].examples = True
    years = _outcome_years(municipality)
    for indicator in own:
        years |= computed[indicator.id].years()

    def for_year(year: int) -> dict[int, outcomes.IndicatorYear]:
        return _year(municipality, items, own, year, rules)

    return outcomes.TreeOutcomes(sorted(years), items, for_year)


def _outcome_years(municipality) -> set[int]:
    """The years in which some indicator of the municipality has a stored outcome: the index
    of the rows with one (`year_assessment_outcomes`) skipped through, a probe for each year
    (0.4 ms at L), where DISTINCT read every row of it (40,000 at L, 20 ms)."""
    quote = connection.ops.quote_name
    table = quote(YearAssessment._meta.db_table)
    year, municipality_id, outcome = (
        _quoted(YearAssessment, name) for name in ("year", "municipality", "outcome")
    )
    rows = f"{table} WHERE {municipality_id} = %s AND {outcome} IS NOT NULL"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE found(y) AS (SELECT MIN({year}) FROM {rows} UNION ALL "
            f"SELECT (SELECT MIN({year}) FROM {rows} AND {year} > found.y) "
            "FROM found WHERE found.y IS NOT NULL) SELECT y FROM found WHERE y IS NOT NULL",
            [municipality.id, municipality.id],
        )
        return {row[0] for row in cursor.fetchall()}


def _quoted(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _year(municipality, items, own, year: int, rules) -> dict[int, outcomes.IndicatorYear]:
    # Two ranges of the indexes: the year's own rows, and the `onwards` rows of indicators
    # whose last year lies before it. An indicator has a row in one of them at most.
    fields = ("indicator_id", "period", "outcome", "target")
    own_year = YearAssessment.objects.filter(municipality=municipality, year=year)
    later = YearAssessment.objects.filter(municipality=municipality, onwards=True, year__lt=year)
    rows = own_year.values_list(*fields).union(later.values_list(*fields), all=True)
    periods: dict[str, Period] = {}
    result = {}
    for indicator_id, key, outcome, target in rows:
        item = items.get(indicator_id)
        if item is None:
            continue
        period = None
        if key:
            period = periods.get(key) or periods.setdefault(key, parse_period(key))
        level = assessment.assess_indicator(outcome, target, item.indicator.direction, rules)
        result[indicator_id] = outcomes.IndicatorYear(item, period, outcome, target, level)
    for indicator in own:
        result[indicator.id] = outcomes.indicator_year(items[indicator.id], year, rules)
    for indicator_id, item in items.items():
        if indicator_id not in result:  # before its first outcome or target: nothing known
            result[indicator_id] = outcomes.IndicatorYear(item, None, None, None, assessment.NONE)
    return result


def comparison(
    indicator: Indicator, ids: Iterable[str], group, names: dict[str, str]
) -> list[ComparisonSeries]:
    """The indicator's default comparison from its stored values, as
    `styr.goals.comparison.kolada_comparison` gives it: one query."""
    ids = list(ids)
    towns: dict[str, dict[str, float | None]] = defaultdict(dict)
    mean: dict[str, float | None] = {}
    counts: dict[str, tuple[int, int]] = {}
    rows = ComparisonValue.objects.filter(indicator=indicator).values_list(
        "municipality_id", "group_id", "period", "value", "with_value", "members"
    )
    for town, group_id, period, value, with_value, members in rows:
        if town is not None:
            towns[town][str(period)] = value
        elif group is not None and group_id == group.id:
            mean[str(period)] = value
            counts[str(period)] = (with_value, members)
    series = [ComparisonSeries(names.get(i, i), towns.get(i, {}), True) for i in ids]
    if group is not None:
        series.append(ComparisonSeries(group.title, mean, False, counts))
    return series
