"""The digest's subscription page, and the unsubscribe link of the optional mails.

The unsubscribe link works without logging in (its token is signed); a GET only shows
what it would do, because mail scanners follow links, and the POST of that page does it.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styr.accounts.policy import can, viewable_plans
from styr.accounts.views import forbidden, requires
from styr.plans.models import Plan
from styr.reminders.domain import digest_subscribers, is_subscribed, opt_out, subscribe
from styr.reminders.forms import AddressForm, ChoiceForm
from styr.reminders.models import Kind
from styr.reminders.schedule import digest_scope
from styr.reminders.tokens import read_token


def visible_plan(request, slug: str) -> Plan:
    visible = Plan.objects.filter(viewable_plans(request.user))
    return get_object_or_404(visible, slug=slug)


@require_http_methods(["GET", "POST"])
@requires("reminders.subscribe", visible_plan)
def subscriptions(request, slug: str):
    """Subscribe yourself to the plan's weekly digest; the plan's strateg also adds others."""
    plan = visible_plan(request, slug)
    manager = can(request.user, "reminders.manage_subscriptions", plan)
    own = request.user.email
    address_form = AddressForm(prefix="add")
    status = 200
    if request.method == "POST" and "add-email" in request.POST:
        if not manager:
            return forbidden(request, "reminders.manage_subscriptions")
        address_form = AddressForm(request.POST, prefix="add")
        if address_form.is_valid():
            email = address_form.cleaned_data["email"]
            subscribe(plan, email, by=request.user)
            messages.success(request, _("%(email)s får nu veckans ändringar.") % {"email": email})
            return redirect("reminders:subscriptions", slug=plan.slug)
        status = 400
    elif request.method == "POST":
        choice = ChoiceForm(request.POST)
        if choice.is_valid() and own:
            return _own_choice(request, plan, own, choice.cleaned_data["subscribe"])
        status = 400
    subscribers = digest_subscribers(plan) if manager else []
    context = {
        "plan": plan,
        "own": own,
        "subscribed": is_subscribed(plan, own) if own else False,
        "manager": manager,
        "address_form": address_form,
        "subscribers": subscribers,
    }
    return render(request, "reminders/subscriptions.html", context, status=status)


def _own_choice(request, plan: Plan, own: str, wanted: bool):
    """Subscribe yourself, or say no to the digest."""
    if wanted:
        subscribe(plan, own, by=request.user)
        messages.success(request, _("Du får nu veckans ändringar i planen."))
    else:
        opt_out(own, Kind.DIGEST, digest_scope(plan.id))
        messages.success(request, _("Du får inte längre veckans ändringar i planen."))
    return redirect("reminders:subscriptions", slug=plan.slug)


DESCRIPTIONS = {
    Kind.LATE: _("meddelanden om försenade åtgärder"),
    Kind.DIGEST: _("veckans ändringar i planen %(plan)s"),
}


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    asked = read_token(token)
    if asked is None or asked.kind not in DESCRIPTIONS:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=400)
    plan = None
    if asked.scope.startswith("plan:"):
        plan = Plan.objects.filter(pk=asked.scope.removeprefix("plan:")).first()
    what = str(DESCRIPTIONS[Kind(asked.kind)]) % {"plan": plan.title if plan else ""}
    done = False
    if request.method == "POST":
        opt_out(asked.email, asked.kind, asked.scope)
        done = True
    context = {"email": asked.email, "what": what, "done": done}
    return render(request, "reminders/unsubscribe.html", context)
