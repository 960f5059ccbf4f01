"""Store the yearly assessments and default comparisons of the indicators already there (the
same as `styr.goals.stored.refresh_indicators`, with the historical models and the pure
`styr.goals.assessment`; `styr precompute` does it again at any time). Indicators computed
by Styr, or used by no goal, get no yearly rows, as there."""

from collections import defaultdict

from django.db import migrations

from styr.goals import assessment
from styr.lib.periods import year_of


def _year_rows(YearAssessment, indicator, values, targets) -> list:
    years = {year_of(key) for key in values} | {year_of(key) for key in targets}
    if not years:
        return []
    rows, last = [], max(years)
    for year in range(min(years), last + 2):
        period, outcome = assessment.outcome_for_year(year, values)
        target = assessment.target_for(period.key if period else str(year), targets)
        rows.append(
            YearAssessment(
                indicator_id=indicator.id,
                municipality_id=indicator.municipality_id,
                year=year,
                onwards=year == last + 1,
                period=period.key if period else "",
                outcome=outcome,
                target=target,
            )
        )
    return rows


def _comparison_rows(ComparisonValue, KoladaValue, indicator, own_id) -> list:
    ids = [m.id for m in indicator.compare_with.all() if m.id != own_id]
    group = indicator.compare_group
    members = sorted(m.id for m in group.members.all()) if group else []
    towns: dict = defaultdict(dict)
    if ids or members:
        for town, period, value in KoladaValue.objects.filter(
            kpi_id=indicator.kpi_id, municipality_id__in={*ids, *members}, gender="T"
        ).values_list("municipality_id", "period", "value"):
            towns[town][period] = value
    rows = [
        ComparisonValue(indicator_id=indicator.id, municipality_id=town, period=period, value=value)
        for town in ids
        for period, value in towns.get(town, {}).items()
    ]
    if group is not None:
        for period in {period for values in towns.values() for period in values}:
            present = [
                towns[m][period] for m in members if towns.get(m, {}).get(period) is not None
            ]
            rows.append(
                ComparisonValue(
                    indicator_id=indicator.id,
                    group_id=group.id,
                    period=period,
                    value=sum(present) / len(present) if present else None,
                    with_value=len(present),
                    members=len(members),
                )
            )
    return rows


def fill(apps, schema_editor):
    Indicator = apps.get_model("goals", "Indicator")
    Target = apps.get_model("goals", "Target")
    Measurement = apps.get_model("goals", "Measurement")
    YearAssessment = apps.get_model("goals", "YearAssessment")
    ComparisonValue = apps.get_model("goals", "ComparisonValue")
    KoladaValue = apps.get_model("kolada", "KoladaValue")
    indicators = (
        Indicator.objects.exclude(source="computed")
        .select_related("municipality", "compare_group")
        .prefetch_related("compare_with", "compare_group__members")
    )
    used = set(Indicator.goals.through.objects.values_list("indicator_id", flat=True))
    for indicator in indicators.iterator(chunk_size=500):
        if indicator.source == "kolada":
            ComparisonValue.objects.bulk_create(
                _comparison_rows(
                    ComparisonValue, KoladaValue, indicator, indicator.municipality.kolada_id
                ),
                batch_size=1000,
            )
        if indicator.id not in used:
            continue
        targets = dict(Target.objects.filter(indicator=indicator).values_list("period", "value"))
        if indicator.source == "manual":
            values = dict(
                Measurement.objects.filter(
                    indicator=indicator,
                    unit__isnull=True,
                    other_municipality__isnull=True,
                    gender="T",
                ).values_list("period", "value")
            )
        elif indicator.municipality.kolada_id:
            values = {
                str(period): value
                for period, value in KoladaValue.objects.filter(
                    kpi_id=indicator.kpi_id,
                    municipality_id=indicator.municipality.kolada_id,
                    gender="T",
                ).values_list("period", "value")
            }
        else:
            values = {}
        YearAssessment.objects.bulk_create(
            _year_rows(YearAssessment, indicator, values, targets), batch_size=1000
        )


class Migration(migrations.Migration):
    dependencies = [("goals", "0004_stored_assessments"), ("kolada", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
