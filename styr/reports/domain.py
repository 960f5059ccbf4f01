"""Make a report for a plan as of a day, and publish it (freeze it for good)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.audit import AuditEvent, audited
from styr.lib.dates import swedish_day
from styr.reports.build import build_report
from styr.reports.content import Report
from styr.reports.formats import FORMATS, get_format
from styr.reports.models import PublishedFile, PublishedReport, ReportTexts
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


# The ReportTexts fields a strateg writes (the rest say which plan, when and by whom).
TEXT_FIELDS = (
    "subtitle",
    "proposal",
    "summary",
    "matter",
    "areas",
    "economy",
    "other",
    "attachments",
    "signatories",
    "remaining",
    "include_statistics",
)


@audited(AuditEvent.REPORT_TEXTS, actor="by")
def record_report_texts(
    plan, *, by, applies_from: dt.date | None = None, recorded_at=None, **values
) -> ReportTexts:
    """Save a new version of the plan's report texts; earlier versions stay as they were.

    The texts apply to reports as of `applies_from` (today) onward, and are the draft the
    next report starts from. `remaining` is a list of the plan's action ids, or None for
    the default selection; ids of other plans' actions are refused.
    """
    unknown = set(values) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"not report text fields: {', '.join(sorted(unknown))}")
    remaining = values.get("remaining")
    if remaining is not None:
        ids = set(plan.actions.values_list("id", flat=True))
        strangers = sorted(set(remaining) - ids)
        if strangers:
            raise ValidationError(
                _("Åtgärderna %(ids)s hör inte till planen.")
                % {"ids": ", ".join(map(str, strangers))},
                code="remaining",
            )
        values["remaining"] = sorted(set(remaining))
    recorded_at = recorded_at or timezone.now()
    texts = ReportTexts(
        plan=plan,
        applies_from=applies_from or timezone.localdate(recorded_at),
        recorded_at=recorded_at,
        recorded_by=by,
        **values,
    )
    texts.full_clean()
    texts.save()
    return texts


def make_report(
    plan, day: dt.date, *, since: dt.date | None = None, proposal: str | None = None
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


def published_versions(plan, day: dt.date) -> list[PublishedReport]:
    """The versions of the plan's report for `day` published so far, newest first."""
    return list(
        PublishedReport.objects.filter(plan=plan, as_of=day)
        .select_related("published_by")
        .defer("content")
        .order_by("-version")
    )


def reason_required_message(day: dt.date, versions: list[int]) -> str:
    return _(
        "Planen har redan en publicerad lägesrapport för %(day)s (version %(versions)s). "
        "Ange ett skäl till att den publiceras igen; den nya versionen ersätter den tidigare, "
        "som står kvar i listan."
    ) % {"day": swedish_day(day), "versions": ", ".join(str(v) for v in sorted(versions))}


@audited(AuditEvent.REPORT_PUBLISH, actor="by")
def publish_report(
    plan,
    *,
    day: dt.date,
    by,
    since: dt.date | None = None,
    proposal: str | None = None,
    reason: str = "",
) -> PublishedReport:
    """Freeze the report as of `day`: its content as JSON and every format, with checksums.

    Publishing a day that already has a report makes the next version of it and needs a
    `reason`; earlier versions stay as they are. Everything is rendered before anything is
    written, and the rows are written in one transaction, so a failure leaves nothing behind.
    Raises ValidationError (in Swedish) without a reason for a new version, or when someone
    else published the same day at the same moment (the unique version makes one of the two
    fail), and ReportDateError for a day the plan cannot be reported on.
    """
    reason = reason.strip()
    if plan.published_at is None:
        # A published report is public: it cannot come out of a plan that is not.
        raise ValidationError(
            _("Planen är ett utkast. Offentliggör planen innan du publicerar en lägesrapport."),
            code="draft",
        )
    report = make_report(plan, day, since=since, proposal=proposal)
    content = report.to_json()
    files = {name: render(report, name) for name in FORMATS}
    try:
        with transaction.atomic():
            versions = list(
                PublishedReport.objects.filter(plan=plan, as_of=day).values_list(
                    "version", flat=True
                )
            )
            if versions and not reason:
                raise ValidationError(reason_required_message(day, versions), code="reason")
            published = PublishedReport.objects.create(
                plan=plan,
                as_of=day,
                version=max(versions, default=0) + 1,
                reason=reason,
                since=dt.date.fromisoformat(report.changes.since) if report.changes else None,
                content=content,
                content_sha256=sha256(content.encode("utf-8")),
                published_at=timezone.now(),
                published_by=by,
            )
            PublishedFile.objects.bulk_create(
                PublishedFile(
                    report=published, format=name, data=data, sha256=sha256(data), size=len(data)
                )
                for name, data in files.items()
            )
    except IntegrityError as error:
        # Two publications of the same day chose the same version; the one that committed
        # first stands and this one wrote nothing.
        raise ValidationError(
            _("Lägesrapporten för %(day)s publicerades samtidigt av någon annan; försök igen.")
            % {"day": swedish_day(day)},
            code="concurrent",
        ) from error
    return published
