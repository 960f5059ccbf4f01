"""Public pages: read-only, no login, the same query count whatever the data's size."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from styr.accounts.policy import can, viewable_plans
from styr.caching.pages import cached_page
from styr.lib.http import BadQuery, answers_bad_query
from styr.org.models import Municipality, Person
from styr.plans.models import Action, Plan, StatusUpdate
from styr.plans.queries import (
    plan_status_counts,
    public_updates,
    read_action_rows,
    version_changes,
)
from styr.portal import organisation as org_view
from styr.portal.action_items import ActionItems
from styr.portal.forms import AsOfForm
from styr.portal.plan_page import plan_page
from styr.reports.domain import plan_start


def read_day(request):
    """The day asked for (?as_of, default today) and the query with that day filled in."""
    form = AsOfForm(request.GET)
    if not form.is_valid():
        raise BadQuery(form.problem())
    day = form.cleaned_data["as_of"]
    query = request.GET.copy()
    query["as_of"] = day.isoformat()
    return day, query


@cached_page(by="site")
def start(request):
    today = timezone.localdate()
    municipalities = list(Municipality.objects.order_by("name"))
    plans = list(
        Plan.objects.filter(viewable_plans(request.user))
        .select_related("owner", "municipality")
        .order_by("title")
    )
    counts = plan_status_counts(plans, today)
    for plan in plans:
        plan.counts = counts[plan.id]
        plan.total = sum(plan.counts.values())
    return render(
        request,
        "portal/start.html",
        {"municipalities": municipalities, "plans": plans, "day": today},
    )


@cached_page(by="plan")
@answers_bad_query
def plan(request, slug: str):
    plan = get_object_or_404(
        Plan.objects.filter(viewable_plans(request.user)).select_related("owner", "municipality"),
        slug=slug,
    )
    day, query = read_day(request)
    is_today = day == timezone.localdate()
    return render(
        request,
        "portal/plan.html",
        {
            "plan": plan,
            **plan_page(plan, day, query),
            "action_writer": ActionItems(plan, day, is_today),
            # In the model's order within a plan, without the join to the plan it orders by.
            "focus_areas": list(plan.focus_areas.order_by("number")),
            "is_today": is_today,
            "may_publish": can(request.user, "reports.publish_report", plan),
            # Report links only for days the report answers (it refuses days before this).
            "report_from": plan_start(plan),
        },
    )


@cached_page(by="plan")
@answers_bad_query
def action(request, slug: str, pk: int):
    action = get_object_or_404(
        Action.objects.filter(
            plan__in=Plan.objects.filter(viewable_plans(request.user))
        ).select_related("plan__municipality", "plan__owner", "theme__parent"),
        plan__slug=slug,
        pk=pk,
    )
    day, query = read_day(request)
    rows, existed = _action_rows(action, day)
    internal = can(request.user, "plans.view_internal", action)
    history = _history(action, internal)
    return render(
        request,
        "portal/action.html",
        {
            "action": rows[0].action if rows else action,
            "plan": action.plan,
            "row": rows[0] if rows else None,
            "existed": existed,
            "history": history,
            "changes": version_changes(action),
            "internal": internal,
            "may_report": can(request.user, "plans.report_status", action),
            "day": day,
            "form": AsOfForm(query),
            "is_today": day == timezone.localdate(),
        },
    )


def _action_rows(action, day):
    """The action's row as it stood on `day`, and whether it existed then; an action not
    yet part of the plan that day is shown as it says today."""
    only = Action.objects.filter(pk=action.pk)
    rows = read_action_rows(only, day, action.plan.municipality_id)
    if rows:
        return rows, True
    return read_action_rows(only, timezone.localdate(), action.plan.municipality_id), False


def _history(action, internal: bool) -> list:
    """The action's status updates, oldest first. Those who answer for the action, and
    insiders, also see updates submitted for approval and those sent back; everyone else
    the approved ones only."""
    history = StatusUpdate.objects.filter(action=action).select_related("author", "review")
    if not internal:
        history = history.filter(public_updates())
    return list(history.order_by("date", "recorded_at", "id"))


@cached_page(by="municipality")
@answers_bad_query
def organisation(request, municipality: str):
    place = get_object_or_404(Municipality, slug=municipality)
    day, query = read_day(request)
    context = org_view.organisation_on(
        place, day, Plan.objects.filter(viewable_plans(request.user))
    )
    context.update(
        {
            "municipality": place,
            "day": day,
            "form": AsOfForm(query),
            "is_today": day == timezone.localdate(),
        }
    )
    return render(request, "portal/organisation.html", context)


@cached_page(by="municipality")
@answers_bad_query
def person(request, municipality: str, slug: str):
    person = get_object_or_404(
        Person.objects.select_related("municipality").prefetch_related("aliases"),
        municipality__slug=municipality,
        slug=slug,
    )
    day, query = read_day(request)
    context = org_view.person_on(person, day, Plan.objects.filter(viewable_plans(request.user)))
    context.update(
        {
            "person": person,
            "day": day,
            "form": AsOfForm(query),
            "is_today": day == timezone.localdate(),
        }
    )
    return render(request, "portal/person.html", context)
