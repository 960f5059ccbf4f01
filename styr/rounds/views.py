"""Reporting rounds on the web: a plan's rounds, opening one, a round's page, closing it.

Internal pages (the plan's strateger, readers and admins): they name people and who is late.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styr.accounts.policy import can, viewable_plans
from styr.accounts.views import forbidden, requires
from styr.lib.dates import swedish_day
from styr.plans.models import Plan
from styr.reports.formats import FORMATS
from styr.rounds.domain import close_round, open_round
from styr.rounds.forms import RoundForm
from styr.rounds.models import Round
from styr.rounds.queries import round_progress

# What a strateg is offered as the due date: two weeks is the usual time to answer.
ANSWER_DAYS = 14


def round_plan(request, slug: str, pk: int | None = None) -> Plan:
    """The plan of the URL among those the user may see (else 404)."""
    visible = Plan.objects.filter(viewable_plans(request.user))
    return get_object_or_404(visible.select_related("municipality"), slug=slug)


def the_round(request, slug: str, pk: int) -> Round:
    """The round of the URL, on the plan of the URL (else 404)."""
    plan = round_plan(request, slug)
    found = get_object_or_404(Round.objects.select_related("opened_by", "closed_by"), pk=pk)
    if found.plan_id != plan.id:
        raise Http404
    found.plan = plan
    return found


@require_http_methods(["GET", "POST"])
@requires("rounds.view_round", round_plan)
def rounds(request, slug: str):
    """The plan's rounds, open ones first, and for its strateg the form to open one."""
    plan = round_plan(request, slug)
    today = timezone.localdate()
    may_open = can(request.user, "rounds.open_round", plan)
    form = RoundForm(initial={"due": today + dt.timedelta(days=ANSWER_DAYS)})
    if request.method == "POST":
        if not may_open:
            return forbidden(request, "rounds.open_round")
        form = RoundForm(request.POST)
        if form.is_valid():
            try:
                opened = open_round(plan, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Uppföljningstillfället ”%(title)s” är öppnat, sista dag %(due)s.")
                    % {"title": opened.title, "due": swedish_day(opened.due)},
                )
                return redirect("rounds:round", slug=plan.slug, pk=opened.pk)
    listed = list(Round.objects.filter(plan=plan).order_by("-opened_at", "-id"))
    for item in listed:
        item.closed_day = item.closed_on(today)
    listed.sort(key=lambda item: item.closed_day is not None)  # stable: newest first within
    context = {"plan": plan, "rounds": listed, "form": form if may_open else None}
    return render(request, "rounds/rounds.html", context, status=400 if form.errors else 200)


def add_errors(form: RoundForm, error: ValidationError) -> None:
    """The domain's messages beside the fields they name; the others above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, texts in error.message_dict.items():
        form.add_error(name if name in form.fields else None, texts)


@requires("rounds.view_round", the_round)
def round_page(request, slug: str, pk: int):
    """Per responsible person, what they have reported in the round, who is late, and once
    the round has closed the lägesrapport as of the day it closed."""
    found = the_round(request, slug, pk)
    plan = found.plan
    today = timezone.localdate()
    progress = round_progress(found, today)
    closed_day = found.closed_on(today)
    context = {
        "plan": plan,
        "round": found,
        "progress": progress,
        "closed_day": closed_day,
        "may_close": closed_day is None and can(request.user, "rounds.close_round", found),
        "may_publish": closed_day is not None and can(request.user, "reports.publish_report", plan),
        "formats": list(FORMATS),
    }
    return render(request, "rounds/round.html", context)


@require_http_methods(["GET", "POST"])
@requires("rounds.close_round", the_round)
def close(request, slug: str, pk: int):
    """Close the round (a GET, e.g. a reloaded address, is sent to the round's page)."""
    found = the_round(request, slug, pk)
    if request.method == "GET":
        return redirect("rounds:round", slug=found.plan.slug, pk=found.pk)
    try:
        close_round(found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Uppföljningstillfället är stängt. Lägesrapporten per %(day)s kan tas fram nedan.")
            % {"day": swedish_day(timezone.localdate())},
        )
    return redirect("rounds:round", slug=found.plan.slug, pk=found.pk)
