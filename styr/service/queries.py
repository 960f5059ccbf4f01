"""Reading the contact centre's counts: the stored ones for the pages, and the one GROUP BY
over the cases from which `styr.service.domain.refresh_series` stores them.

The pages never read `ServiceCase` rows: whatever the number of cases they read the stored
counts (`ServiceCaseCount`) and levels (`ServiceLevel`), which the import writes in the
same transaction as the cases, so they are never stale.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import Length

from styr.org.models import Municipality
from styr.service.levels import CaseCount, Level, series_of
from styr.service.models import ServiceCase, ServiceCaseCount, ServiceLevel


def count_cases(municipality: Municipality | int) -> list[CaseCount]:
    """The municipality's cases counted per month, requester, category and outcome (1 query
    over every case; only `refresh_series` needs it).

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


def case_counts(municipality: Municipality | int, year: int | None = None) -> list[CaseCount]:
    """The stored counts (1 query), of one year's months or of all; the same rows as
    `count_cases` gives."""
    rows = ServiceCaseCount.objects.filter(municipality=municipality)
    if year is not None:
        rows = rows.filter(month__startswith=f"{year}-")
    return [
        CaseCount(
            month=month,
            requester=requester,
            category=category,
            handled_by_contact_centre=handled,
            resolved_at_first_contact=resolved,
            count=count,
            generated=generated,
        )
        for month, requester, category, handled, resolved, count, generated in rows.values_list(
            "month",
            "requester",
            "category",
            "handled_by_contact_centre",
            "resolved_at_first_contact",
            "count",
            "generated",
        ).order_by("id")
    ]


def case_years(municipality: Municipality | int) -> list[int]:
    """The years that have cases, in order (1 query over the stored levels)."""
    periods = ServiceLevel.objects.filter(municipality=municipality)
    periods = periods.annotate(length=Length("period")).filter(length=4)
    return sorted(int(period) for period in periods.values_list("period", flat=True))


def service_series(municipality: Municipality | int) -> dict[str, dict[str, float | None]]:
    """The two service-level indicators per month and year (1 query over the stored levels).

    {"service_handled": {"2015-01": 91.3, …, "2015": 90.2}, "service_first_contact": {…}},
    unrounded per cent; see `styr.service.levels.indicator_values`.
    """
    rows = ServiceLevel.objects.filter(municipality=municipality).order_by("period")
    return series_of(
        Level(period, total, handled, first_contact, generated)
        for period, total, handled, first_contact, generated in rows.values_list(
            "period", "total", "handled", "first_contact", "generated"
        )
    )
