"""Reports on the web: any format for any day, the published list, and publishing for staff."""

from __future__ import annotations

import hashlib
import logging
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.policy import can, viewable_plans
from styr.accounts.views import requires
from styr.caching.pages import cached_page
from styr.lib.csp import style_hash_sources
from styr.lib.http import BadQuery, answers_bad_query, read_day
from styr.plans.models import Plan
from styr.reports.domain import (
    ReportDateError,
    make_report,
    publish_report,
    record_report_texts,
)
from styr.reports.domain import (
    render as render_format,
)
from styr.reports.formats import FORMATS, Format, UnknownFormat, get_format
from styr.reports.forms import PublishForm, ReportTextsForm
from styr.reports.models import PublishedFile, PublishedReport
from styr.reports.queries import latest_texts

logger = logging.getLogger("styr.reports")


def _plan(request, slug: str) -> Plan:
    """The plan of the URL, if the user may see it (a draft is for insiders): else 404."""
    visible = Plan.objects.filter(viewable_plans(request.user))
    return get_object_or_404(visible.select_related("municipality", "owner"), slug=slug)


# The frozen content itself is listed with its checksum beside the files, so it is served
# at the files' address under this name; it is not one of the rendered formats.
CONTENT = "json"
CONTENT_FORMAT = Format(CONTENT, "application/json; charset=utf-8", ".json", "")


def _file_response(data: bytes, format_name: str, filename: str) -> HttpResponse:
    chosen = CONTENT_FORMAT if format_name == CONTENT else FORMATS[format_name]
    response = HttpResponse(data, content_type=chosen.media_type)
    disposition = "inline" if format_name == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}{chosen.suffix}"'
    if format_name == "html":
        # The report is a self-contained document with its styles inside; allow exactly
        # those, by the hash of the bytes served (what django-csp's decorators set, but the
        # sources depend on this response's content).
        # django-csp's attribute for its middleware, not in HttpResponse's type
        response._csp_update = {"style-src": style_hash_sources(data)}  # type: ignore[attr-defined]
    return response


@cached_page(by="plan")
@answers_bad_query
def report(request, slug: str, format_name: str):
    plan = _plan(request, slug)
    try:
        get_format(format_name)
    except UnknownFormat:
        raise BadQuery(
            f"Okänt format ”{format_name}”. Välj något av: {', '.join(FORMATS)}."
        ) from None
    day = read_day(request, "as_of", timezone.localdate())
    try:
        content = make_report(plan, day, since=read_day(request, "since"))
    except ReportDateError as error:
        raise BadQuery(str(error)) from error
    data = render_format(content, format_name)
    return _file_response(data, format_name, f"lagesrapport-{plan.slug}-{day.isoformat()}")


def with_replacements(reports: list[PublishedReport]) -> list[PublishedReport]:
    """Set `replaced_by` on every version that a later version of the same day replaced."""
    by_version = {(report.as_of, report.version): report for report in reports}
    for report in reports:
        report.replaced_by = by_version.get((report.as_of, report.version + 1))
    return reports


@cached_page(by="plan")
def published(request, slug: str):
    plan = _plan(request, slug)
    reports = list(
        PublishedReport.objects.filter(plan=plan)
        .select_related("published_by")
        .prefetch_related("files")
        .defer("content")
        .order_by("-as_of", "-version", "-id")
    )
    context = {
        "plan": plan,
        "reports": with_replacements(reports),
        "can_publish": can(request.user, "reports.publish_report", plan),
    }
    return render(request, "reports/published.html", context)


def published_file(request, slug: str, pk: int, format_name: str):
    """A published file, sent only if its bytes still match the checksum and size recorded
    when it was published; otherwise refused (409) and logged as an error."""
    if format_name == CONTENT:
        return _published_content(request, slug, pk)
    file = get_object_or_404(
        PublishedFile.objects.select_related("report__plan"),
        report__plan__in=Plan.objects.filter(viewable_plans(request.user)),
        report__plan__slug=slug,
        report_id=pk,
        format=format_name,
    )
    data = bytes(file.data)
    actual = hashlib.sha256(data).hexdigest()
    if actual != file.sha256 or len(data) != file.size:
        return _mismatch(request, file, actual, len(data))
    response = _file_response(
        data, format_name, f"lagesrapport-{slug}-{file.report.as_of.isoformat()}"
    )
    response["X-Content-SHA256"] = file.sha256
    return response


def _mismatch(request, file: PublishedFile, actual: str, size: int):
    """A published file whose bytes no longer match what was recorded: logged as an error
    with both checksums and sizes, and refused (409)."""
    logger.error(
        "Published file does not match its recorded checksum; not served: plan=%s "
        "report=%s format=%s expected_sha256=%s actual_sha256=%s "
        "expected_size=%s actual_size=%s",
        file.report.plan.slug,
        file.report_id,
        file.format,
        file.sha256,
        actual,
        file.size,
        size,
    )
    return render(
        request,
        "reports/file_mismatch.html",
        {"plan": file.report.plan, "report": file.report, "file": file},
        status=409,
    )


def _published_content(request, slug: str, pk: int):
    """The report's frozen content (JSON), checked against its recorded SHA-256 like a file."""
    report = get_object_or_404(
        PublishedReport.objects.select_related("plan"),
        plan__in=Plan.objects.filter(viewable_plans(request.user)),
        plan__slug=slug,
        pk=pk,
    )
    data = report.content.encode("utf-8")
    actual = hashlib.sha256(data).hexdigest()
    if actual != report.content_sha256:
        logger.error(
            "Published content does not match its recorded checksum; not served: plan=%s "
            "report=%s expected_sha256=%s actual_sha256=%s",
            report.plan.slug,
            report.id,
            report.content_sha256,
            actual,
        )
        listed = SimpleNamespace(format=CONTENT, sha256=report.content_sha256)
        context = {"plan": report.plan, "report": report, "file": listed}
        return render(request, "reports/file_mismatch.html", context, status=409)
    response = _file_response(data, CONTENT, f"lagesrapport-{slug}-{report.as_of.isoformat()}")
    response["X-Content-SHA256"] = report.content_sha256
    return response


def _target_plan(request, slug: str) -> Plan:
    return _plan(request, slug)


@requires("reports.publish_report", _target_plan)
def publish(request, slug: str):
    plan = _plan(request, slug)
    form = PublishForm(request.POST or None, plan=plan, initial={"as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            publish_report(
                plan,
                day=form.cleaned_data["as_of"],
                since=form.cleaned_data["since"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ReportDateError as error:
            form.add_error("as_of", str(error))
        except ValidationError as error:
            form.add_error("reason" if error.code == "reason" else None, error.messages)
        else:
            messages.success(request, _("Rapporten är publicerad och kan inte längre ändras."))
            return redirect("reports:published", slug=plan.slug)
    return render(
        request,
        "reports/publish.html",
        {"plan": plan, "form": form, "published_reports": _published_reports(plan)},
    )


def _published_reports(plan: Plan) -> list:
    """The plan's published reports, newest first, each with what replaced it."""
    return with_replacements(
        list(
            PublishedReport.objects.filter(plan=plan)
            .select_related("published_by")
            .defer("content")
            .order_by("-as_of", "-version", "-id")
        )
    )


@requires("reports.write_texts", _target_plan)
def texts(request, slug: str):
    """The strategy office writes the next report's texts; each save is a new version, and
    reports as of earlier days keep the words they had."""
    plan = _plan(request, slug)
    current = latest_texts(plan)
    form = ReportTextsForm(
        request.POST or None, plan=plan, initial=ReportTextsForm.initial_from(current)
    )
    if request.method == "POST" and form.is_valid():
        try:
            record_report_texts(plan, by=request.user, **form.texts())
        except ValidationError as error:
            form.add_error("remaining", error.messages)
        else:
            messages.success(
                request, _("Texterna är sparade och gäller rapporter från och med i dag.")
            )
            return redirect("reports:publish", slug=plan.slug)
    return render(
        request,
        "reports/texts.html",
        {"plan": plan, "form": form, "current": current},
        status=400 if form.errors else 200,
    )
