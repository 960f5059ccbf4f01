"""Reading HME results: per unit of one survey, and the municipality's series over the years.

Both read the stored `HmeIndex` rows (written with the answers by
`styr.engagement.domain.refresh_indices`), never the answers themselves: a constant number
of small queries whatever the number of respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from styr.engagement import hme
from styr.engagement.domain import survey_day
from styr.engagement.models import EngagementSurvey, HmeIndex
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


def _aggregate(index: HmeIndex) -> hme.Aggregate:
    return hme.Aggregate(index.respondents, tuple(index.answered), tuple(index.sums))


def unit_results(survey: EngagementSurvey) -> SurveyResults:
    """The HME of each unit with respondents and of the whole municipality. Two queries: the
    stored indices with their units, and the units' renames (for their names on the survey
    day)."""
    indices = list(
        HmeIndex.objects.filter(survey=survey)
        .select_related("unit")
        .only(
            "unit__id", "unit__slug", "unit__name", "unit__kind", "respondents", "answered", "sums"
        )
        .order_by("unit_id")
    )
    everyone = next((index for index in indices if index.unit_id is None), None)
    placed = [(index, index.unit) for index in indices if index.unit is not None]
    renames = list(
        UnitChange.objects.filter(
            unit_id__in=[unit.id for _index, unit in placed], kind=ChangeKind.RENAME
        ).only("id", "unit_id", "date", "kind", "new_name")
    )
    units = [
        SimpleNamespace(
            id=unit.id,
            name=unit.name,
            kind=unit.kind,
            parent_id=None,
            responsible_post_id=None,
        )
        for _index, unit in placed
    ]
    states = unit_states_on(units, renames, survey_day(survey.year, survey.conducted_on))
    results = [
        UnitResult(
            unit.id,
            unit.slug,
            states[unit.id].name,
            hme.compute(_aggregate(index)),
        )
        for index, unit in placed
    ]
    results.sort(key=lambda result: swedish_sort_key(result.name))
    total = _aggregate(everyone) if everyone is not None else hme.EMPTY
    return SurveyResults(survey, hme.compute(total), results)


def hme_series(municipality: Municipality | int) -> dict[str, dict[str, float | None]]:
    """The municipality-wide HME per survey year, in one query over the stored indices.

    {"hme_total": {"2015": 78.4, ...}, "hme_motivation": {...}, "hme_leadership": {...},
    "hme_governance": {...}}: period keys as in `styr.lib.periods`, unrounded values on
    0-100, None where the figure is not shown (fewer than ten respondents or answers).
    """
    rows = (
        HmeIndex.objects.filter(survey__municipality=municipality, unit=None)
        .values_list("survey__year", "total", "motivation", "leadership", "governance")
        .order_by("survey__year")
    )
    series: dict[str, dict[str, float | None]] = {key: {} for key in SERIES_KEYS}
    for year, *values in rows:
        for key, value in zip(SERIES_KEYS, values, strict=True):
            series[key][str(year)] = value
    return series
