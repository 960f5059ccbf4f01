"""Counting a survey's answers per unit in the database: the one aggregate query over the
answers, from which `styr.engagement.domain.refresh_indices` stores `HmeIndex` rows.

Per statement a count and a sum per unit, whatever the number of respondents; the
arithmetic is `styr.engagement.hme`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Sum

from styr.engagement import hme
from styr.engagement.models import EngagementResponse, EngagementSurvey


def _sums() -> dict:
    annotations: dict = {"respondents": Count("id")}
    for statement in hme.STATEMENTS:
        annotations[f"answered_{statement.number}"] = Count(statement.field)
        annotations[f"sum_{statement.number}"] = Sum(statement.field)
    return annotations


def aggregate_of(row: Mapping[str, Any]) -> hme.Aggregate:
    numbers = range(1, hme.COUNT + 1)
    return hme.Aggregate(
        respondents=row["respondents"],
        answered=tuple(row[f"answered_{n}"] for n in numbers),
        sums=tuple(int(row[f"sum_{n}"] or 0) for n in numbers),
    )


def count_answers(survey: EngagementSurvey | int) -> dict[int, hme.Aggregate]:
    """Each unit's aggregate of the survey's answers, by unit id (1 query over the answers)."""
    rows = (
        EngagementResponse.objects.filter(survey=survey)
        .values("unit_id")
        .annotate(**_sums())
        .order_by("unit_id")
    )
    return {row["unit_id"]: aggregate_of(row) for row in rows}
