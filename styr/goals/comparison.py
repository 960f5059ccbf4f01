"""Compare an indicator's outcomes with other municipalities and with municipality groups.

Kolada's own values carry "Källa: Kolada". A group's value is the unweighted mean of its
members' values; when Styr computes that mean itself it is Styr's number, not Kolada's, and
is labelled so (with how many members had a value).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from styr.kolada.models import KoladaGroup, KoladaValue


@dataclass
class ComparisonSeries:
    name: str
    values: dict[str, float | None]
    from_kolada: bool  # a value Kolada published, as opposed to one Styr derived
    counts: dict[str, tuple[int, int]] = field(
        default_factory=dict
    )  # period -> (with value, members)


def group_mean(
    member_values: dict[str, dict[str, float | None]], members: list[str]
) -> tuple[dict[str, float | None], dict[str, tuple[int, int]]]:
    """Pure: per period the unweighted mean of the members that have a value, and how many
    of the members that was. A period where no member has a value is missing."""
    periods = {period for values in member_values.values() for period in values}
    means: dict[str, float | None] = {}
    counts: dict[str, tuple[int, int]] = {}
    for period in periods:
        present = [
            value for m in members if (value := member_values.get(m, {}).get(period)) is not None
        ]
        means[period] = sum(present) / len(present) if present else None
        counts[period] = (len(present), len(members))
    return means, counts


def kolada_comparison(
    kpi_id: str, ids: list[str], group: KoladaGroup | None, names: dict[str, str]
) -> list[ComparisonSeries]:
    """The chosen municipalities' values of a KPI and the chosen group's mean, in two
    queries. `names` maps Kolada municipality ids to names."""
    members = sorted(m.id for m in group.members.all()) if group else []
    wanted = set(ids) | set(members)
    by_municipality: dict[str, dict[str, float | None]] = defaultdict(dict)
    if wanted:
        rows = KoladaValue.objects.filter(
            kpi_id=kpi_id, municipality_id__in=wanted, gender="T"
        ).values_list("municipality_id", "period", "value")
        for municipality_id, period, value in rows:
            by_municipality[municipality_id][str(period)] = value
    series = [ComparisonSeries(names.get(i, i), by_municipality.get(i, {}), True) for i in ids]
    if group is not None:
        means, counts = group_mean(by_municipality, members)
        series.append(ComparisonSeries(group.title, means, False, counts))
    return series
