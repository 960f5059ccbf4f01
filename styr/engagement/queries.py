"""Reading HME results: per unit of one survey, and the municipality's series over the years.

Both run a constant number of queries whatever the number of respondents: the answers are
aggregated in the database (per statement a count and a sum) and turned into indices by
`styr.engagement.hme`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Count, Sum

from styr.engagement import hme
from styr.engagement.domain import survey_day
from styr.engagement.models import EngagementResponse, EngagementSurvey
from styr.org.history import unit_states_on
from styr.org.models import ChangeKind, Municipality, UnitChange

SERIES_KEYS = {
    "hme_total": None,
    "hme_motivation": hme.MOTIVATION,
    "hme_leadership": hme.LEADERSHIP,
    "hme_governance": hme.GOVERNANCE,
}

# Swedish alphabetical order: å, ä, ö come after z, in that order.
_SWEDISH = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003"})


def swedish_sort_key(name: str) -> str:
    return name.casefold().translate(_SWEDISH)


def _sums() -> dict:
    annotations: dict = {"respondents": Count("id")}
    for statement in hme.STATEMENTS:
        annotations[f"answered_{statement.number}"] = Count(statement.field)
        annotations[f"sum_{statement.number}"] = Sum(statement.field)
    return annotations


def _aggregate(row: dict) -> hme.Aggregate:
    numbers = range(1, hme.COUNT + 1)
    return hme.Aggregate(
        respondents=row["respondents"],
        answered=tuple(row[f"answered_{n}"] for n in numbers),
        sums=tuple(int(row[f"sum_{n}"] or 0) for n in numbers),
    )


@dataclass(frozen=True)
class UnitResult:
    unit_id: int
    slug: str
    name: str  # the unit's name on the survey day
    result: hme.HmeResult


@dataclass(frozen=True)
class SurveyResults:
    survey: EngagementSurvey
    municipality: hme.HmeResult  # all respondents together
    units: list[UnitResult]  # units with respondents, in Swedish alphabetical order

    @property
    def respondents(self) -> int:
        return self.municipality.respondents

    @property
    def suppressed_units(self) -> list[UnitResult]:
        return [row for row in self.units if row.result.suppressed]


def unit_results(survey: EngagementSurvey) -> SurveyResults:
    """The HME of each unit with respondents and of the whole municipality. Two queries: the
    answers aggregated per unit, and the units' renames (for their names on the survey day)."""
    rows = list(
        EngagementResponse.objects.filter(survey=survey)
        .values("unit_id", "unit__slug", "unit__name", "unit__kind")
        .annotate(**_sums())
        .order_by("unit_id")
    )
    renames = list(
        UnitChange.objects.filter(
            unit_id__in=[row["unit_id"] for row in rows], kind=ChangeKind.RENAME
        ).only("id", "unit_id", "date", "kind", "new_name")
    )
    units = [
        SimpleNamespace(
            id=row["unit_id"],
            name=row["unit__name"],
            kind=row["unit__kind"],
            parent_id=None,
            responsible_post_id=None,
        )
        for row in rows
    ]
    states = unit_states_on(units, renames, survey_day(survey.year, survey.conducted_on))
    aggregates = [_aggregate(row) for row in rows]
    results = [
        UnitResult(row["unit_id"], row["unit__slug"], states[row["unit_id"]].name, hme.compute(a))
        for row, a in zip(rows, aggregates, strict=True)
    ]
    results.sort(key=lambda result: swedish_sort_key(result.name))
    return SurveyResults(survey, hme.compute_all(aggregates), results)


def hme_series(municipality: Municipality | int) -> dict[str, dict[str, float | None]]:
    """The municipality-wide HME per survey year, in one query.

    {"hme_total": {"2015": 78.4, ...}, "hme_motivation": {...}, "hme_leadership": {...},
    "hme_governance": {...}}: period keys as in `styr.lib.periods`, unrounded values on
    0-100, None where the figure is not shown (fewer than ten respondents or answers).
    """
    rows = (
        EngagementResponse.objects.filter(survey__municipality=municipality)
        .values("survey__year")
        .annotate(**_sums())
        .order_by("survey__year")
    )
    series: dict[str, dict[str, float | None]] = {key: {} for key in SERIES_KEYS}
    for row in rows:
        result = hme.compute(_aggregate(row))
        period = str(row["survey__year"])
        for key, sub in SERIES_KEYS.items():
            series[key][period] = result.total if sub is None else result.subindices[sub]
    return series
