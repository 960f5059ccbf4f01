"""Make a report for a plan as of a day, and publish it (freeze it for good)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import timezone

from styr.lib.dates import swedish_day
from styr.reports.build import DEFAULT_PROPOSAL, build_report
from styr.reports.content import Report
from styr.reports.formats import FORMATS, get_format
from styr.reports.models import PublishedFile, PublishedReport
from styr.reports.queries import read_plan_rows


class ReportDateError(ValueError):
    """A report date the plan cannot be reported on; the message says why, in Swedish."""


def plan_start(plan) -> dt.date:
    """The first day a plan can be reported on: its decision, else its period's start."""
    return min(filter(None, [plan.decided_on, plan.period_start]))


def check_dates(plan, day: dt.date, since: dt.date | None) -> None:
    start = plan_start(plan)
    if day < start:
        raise ReportDateError(
            f"Planen fanns inte den {swedish_day(day)}; den första dagen att rapportera är "
            f"{swedish_day(start)} ({start.isoformat()})."
        )
    if since is not None and since >= day:
        raise ReportDateError(
            f"Jämförelsedatumet ({since.isoformat()}) måste ligga före rapportdatumet "
            f"({day.isoformat()})."
        )


def previous_report_day(plan, day: dt.date) -> dt.date | None:
    """The day of the latest published report before `day`: what "since" means by default."""
    previous = PublishedReport.objects.filter(plan=plan, as_of__lt=day).order_by("-as_of").first()
    return previous.as_of if previous else None


def make_report(
    plan, day: dt.date, *, since: dt.date | None = None, proposal: str = DEFAULT_PROPOSAL
) -> Report:
    """The report's content as of `day`; `since` defaults to the previous published report."""
    if since is None:
        since = previous_report_day(plan, day)
    check_dates(plan, day, since)
    return build_report(read_plan_rows(plan, day, since), proposal=proposal)


def render(report: Report, format_name: str) -> bytes:
    return get_format(format_name).render(report)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def publish_report(
    plan, *, day: dt.date, by, since: dt.date | None = None, proposal: str = DEFAULT_PROPOSAL
) -> PublishedReport:
    """Freeze the report as of `day`: its content as JSON and every format, with checksums.

    Everything is rendered before anything is written, so a failure leaves nothing behind.
    """
    report = make_report(plan, day, since=since, proposal=proposal)
    content = report.to_json()
    files = {name: render(report, name) for name in FORMATS}
    published = PublishedReport.objects.create(
        plan=plan,
        as_of=day,
        since=dt.date.fromisoformat(report.changes.since) if report.changes else None,
        content=content,
        content_sha256=sha256(content.encode("utf-8")),
        published_at=timezone.now(),
        published_by=by,
    )
    PublishedFile.objects.bulk_create(
        PublishedFile(report=published, format=name, data=data, sha256=sha256(data), size=len(data))
        for name, data in files.items()
    )
    return published
