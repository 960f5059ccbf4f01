"""Reading the case counts from the database: one GROUP BY, whatever the number of cases."""

from __future__ import annotations

from django.db.models import Count

from styr.org.models import Municipality
from styr.service.levels import CaseCount, indicator_values
from styr.service.models import ServiceCase


def case_counts(municipality: Municipality | int) -> list[CaseCount]:
    """The municipality's cases counted per month, requester, category and outcome (1 query).

    Each row also says whether its cases came from a generated (demo) import, so that a page
    can say so; that is one more grouping column through a join, not another query.
    """
    rows = (
        ServiceCase.objects.filter(municipality=municipality)
        .values(
            "month",
            "requester",
            "category",
            "handled_by_contact_centre",
            "resolved_at_first_contact",
            "batch__generated",
        )
        .annotate(count=Count("id"))
        .order_by()
    )
    return [
        CaseCount(
            month=row["month"],
            requester=row["requester"],
            category=row["category"],
            handled_by_contact_centre=row["handled_by_contact_centre"],
            resolved_at_first_contact=row["resolved_at_first_contact"],
            count=row["count"],
            generated=row["batch__generated"],
        )
        for row in rows
    ]


def service_series(municipality: Municipality | int) -> dict[str, dict[str, float | None]]:
    """The two service-level indicators per month and year (1 query).

    {"service_handled": {"2015-01": 91.3, …, "2015": 90.2}, "service_first_contact": {…}},
    unrounded per cent; see `styr.service.levels.indicator_values`.
    """
    return indicator_values(case_counts(municipality))
