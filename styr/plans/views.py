"""The pages where staff work on their plans: "Mina åtgärder", the status form, and the
strateg's review of submitted updates.

All ask the accounts policy for the right and write only through the domain's functions
(`record_status_update`, `review_update`, `set_approval`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styr.accounts.policy import can, person_of, responsibility_filter, viewable_plans
from styr.accounts.views import requires
from styr.lib.dates import swedish_day
from styr.plans.approval import pending, review_update, set_approval
from styr.plans.domain import StaleStatus, newest_recorded, record_status_update
from styr.plans.forms import ApprovalSettingForm, ReviewForm, StatusForm
from styr.plans.mine import my_plans
from styr.plans.models import Action, Decision, Plan, Responsibility, Status, StatusUpdate
from styr.plans.status import is_overdue

# How many of the latest updates the form shows; the action page has them all.
RECENT = 5


@requires("accounts.view_own_actions")
def my_actions(request):
    person = person_of(request.user)
    today = timezone.localdate()
    plans = []
    if person is not None:
        mine = Responsibility.objects.filter(
            responsibility_filter(person, today),
            action__plan__in=Plan.objects.filter(viewable_plans(request.user)),
        )
        plans = my_plans(mine, today, person.municipality_id)
    for plan in plans:
        for mine in plan.actions:
            mine.may_report = can(request.user, "plans.report_status", mine.row.action)
    context = {
        "person": person,
        "plans": plans,
        "total": sum(len(plan.actions) for plan in plans),
        "overdue": sum(plan.overdue for plan in plans),
    }
    return render(request, "plans/my_actions.html", context)


def reported_action(request, slug: str, pk: int) -> Action:
    """The action of the URL among the plans the user may see (else 404), read once per
    request: the decorator judges the right on it and the view then uses it."""
    if not hasattr(request, "_styr_action"):
        request._styr_action = get_object_or_404(
            Action.objects.filter(
                plan__in=Plan.objects.filter(viewable_plans(request.user))
            ).select_related("plan__municipality", "theme__parent"),
            plan__slug=slug,
            pk=pk,
        )
    return request._styr_action


@require_http_methods(["GET", "POST"])
@requires("plans.report_status", reported_action)
def report_status(request, slug: str, pk: int):
    action = reported_action(request, slug, pk)
    recent = recent_updates(action)
    latest = recent[0] if recent else None
    data = request.POST if request.method == "POST" else None
    form = StatusForm(data, action=action, latest=latest, newest=newest_recorded(action))
    newer = None
    if form.is_bound and form.is_valid():
        try:
            update = record_status_update(
                action,
                author=request.user,
                may_approve=can(request.user, "plans.approve_status", action),
                **form.cleaned_data,
            )
        except StaleStatus as conflict:
            newer = conflict.newer
            recent = recent_updates(action)
            form = form.showing(newer, recent[0])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved_message(update))
            return redirect(action)
    return status_page(request, action, form, recent, newer)


def recent_updates(action: Action) -> list:
    """The latest updates, the one describing the latest day first; submitted ones and
    those sent back too (the form is for those who answer for the action)."""
    updates = action.status_updates.select_related("author", "review")
    return list(updates.order_by("-date", "-recorded_at", "-id")[:RECENT])


def saved_message(update) -> str:
    values = {"status": Status(update.status).label, "date": swedish_day(update.date)}
    if update.needs_approval:
        return (
            _(
                "Statusen är inlämnad: %(status)s den %(date)s. Den visas publikt när "
                "planens strateg har godkänt den."
            )
            % values
        )
    return _("Statusen är sparad: %(status)s den %(date)s.") % values


def status_page(request, action: Action, form: StatusForm, recent: list, newer):
    """The form; 409 after a conflict, 400 after bad input, so that scripts can tell."""
    current = recent[0] if recent else None
    today = timezone.localdate()
    context = {
        "action": action,
        "plan": action.plan,
        "form": form,
        "current": current,
        "overdue": is_overdue(action.deadline_date, current.status if current else "", today),
        "recent": recent,
        "newer": newer,
        "internal": can(request.user, "plans.view_internal", action),
    }
    code = 409 if newer else 400 if form.is_bound and form.errors else 200
    return render(request, "plans/status_form.html", context, status=code)


def reviewed_plan(request, slug: str, pk: int | None = None) -> Plan:
    """The plan of the URL among those the user may see (else 404)."""
    visible = Plan.objects.filter(viewable_plans(request.user))
    return get_object_or_404(visible.select_related("municipality"), slug=slug)


@require_http_methods(["GET", "POST"])
@requires("plans.approve_status", reviewed_plan)
def review_queue(request, slug: str):
    """The submitted updates awaiting the strateg, and whether the plan asks for approval."""
    plan = reviewed_plan(request, slug)
    setting = ApprovalSettingForm(
        request.POST if request.method == "POST" else None,
        initial={"requires_approval": plan.requires_approval},
    )
    if setting.is_bound and setting.is_valid():
        required = setting.cleaned_data["requires_approval"]
        set_approval(plan, required=required, by=request.user)
        messages.success(
            request,
            _("Statusuppdateringar från ansvariga kräver nu godkännande.")
            if required
            else _("Statusuppdateringar kräver inte längre godkännande."),
        )
        return redirect("plans:review_queue", slug=plan.slug)
    return queue_page(request, plan, setting)


def queue_page(request, plan: Plan, setting, failed=None, status: int = 200):
    waiting = list(pending(plan))
    forms_by_update = {update.id: ReviewForm(prefix=f"u{update.id}") for update in waiting}
    if failed is not None:
        forms_by_update[failed[0]] = failed[1]
    context = {
        "plan": plan,
        "setting": setting,
        "waiting": [(update, forms_by_update[update.id]) for update in waiting],
    }
    return render(request, "plans/review.html", context, status=status)


@require_http_methods(["GET", "POST"])
@requires("plans.approve_status", reviewed_plan)
def review(request, slug: str, pk: int):
    """Approve a submitted update or send it back (a GET is sent to the list)."""
    plan = reviewed_plan(request, slug)
    update = get_object_or_404(
        StatusUpdate.objects.select_related("action"), pk=pk, action__plan=plan
    )
    if request.method == "GET":
        return redirect("plans:review_queue", slug=plan.slug)
    form = ReviewForm(request.POST, prefix=f"u{update.id}")
    if form.is_valid():
        try:
            review_update(update, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            decided = Decision(form.cleaned_data["decision"])
            messages.success(
                request,
                _("%(action)s: uppdateringen är godkänd och visas nu publikt.")
                % {"action": update.action.title}
                if decided == Decision.APPROVED
                else _("%(action)s: uppdateringen är skickad tillbaka till %(who)s.")
                % {"action": update.action.title, "who": author_label(update)},
            )
            return redirect("plans:review_queue", slug=plan.slug)
    setting = ApprovalSettingForm(initial={"requires_approval": plan.requires_approval})
    return queue_page(request, plan, setting, failed=(update.id, form), status=400)


def author_label(update: StatusUpdate) -> str:
    author = update.author
    if author is None:
        return update.author_name or _("avsändaren")
    return author.get_full_name() or author.get_username()
