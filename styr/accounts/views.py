"""What every page that needs a right shares: ask the policy, or say in Swedish why not."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from styr.accounts.policy import can

# What each right is for, in the words of the 403 page.
EXPLANATIONS = {
    "plans.report_status": _(
        "Bara den som är ansvarig eller stödjande för åtgärden, eller strateg för planen, "
        "kan rapportera status."
    ),
    "plans.export_status": _("Logga in med ett konto som får läsa planen för att ladda ned den."),
    "plans.import_status": _(
        "Logga in med ett konto som får läsa planen för att ladda upp status för den."
    ),
    "plans.change_plan": _("Bara en strateg för planen kan ändra den."),
    "plans.approve_status": _(
        "Bara en strateg för planen kan godkänna eller skicka tillbaka statusuppdateringar."
    ),
    "plans.publish_plan": _("Bara en strateg för planen kan offentliggöra den."),
    "plans.change_action": _("Bara en strateg för planen kan ändra åtgärder."),
    "reports.publish_report": _("Bara en strateg för planen kan publicera lägesrapporter."),
    "rounds.view_round": _(
        "Uppföljningstillfällena visar vem som har rapporterat och vem som är sen. De är "
        "interna: bara planens strateger, läsare och administratörer ser dem."
    ),
    "rounds.open_round": _("Bara en strateg för planen kan öppna ett uppföljningstillfälle."),
    "rounds.close_round": _("Bara en strateg för planen kan stänga ett uppföljningstillfälle."),
    "imports.import_plan": _(
        "Bara en strateg för hela kommunen kan importera en plan som ett nytt utkast."
    ),
    "goals.link_kpi": _("Bara en strateg för hela kommunen kan koppla nyckeltal till mål."),
    "org.change_organisation": _("Bara en administratör kan ändra organisationen."),
    "accounts.manage_accounts": _("Bara en administratör kan hantera konton."),
    "accounts.view_audit": _("Bara en administratör kan läsa ändringsloggen."),
    "accounts.use_admin": _(
        "Administrationen är till för strateger och administratörer. Status rapporterar du "
        "under Mina åtgärder."
    ),
    "reminders.manage_subscriptions": _(
        "Bara en strateg för planen kan lägga till andras e-postadresser."
    ),
    "contracts.view_contract": _(
        "Ett resultatkontrakt är personligt: bara chefen, chefens chef och cheferna ovanför "
        "i linjen, HR och administratörer kan läsa det."
    ),
    "contracts.write_contract": _("Bara chefens närmaste chef skriver resultatkontraktet."),
    "contracts.accept_contract": _("Bara chefen som kontraktet gäller kan godkänna det."),
    "contracts.follow_up_contract": _(
        "Bara chefens chef, som skrev under kontraktet, följer upp det."
    ),
    "contracts.view_coverage": _(
        "Uppföljningen av resultatkontrakten är för HR, administratörer och direktörer "
        "(var och en ser sin egen linje)."
    ),
}


def forbidden(request, right: str):
    """The 403 page: what the right is, and who has it."""
    context = {"explanation": EXPLANATIONS.get(right, _("Du har inte behörighet till detta."))}
    return render(request, "accounts/forbidden.html", context, status=403)


def requires(right: str, target: Callable[..., Any] | None = None):
    """A view decorator: anonymous users are sent to log in; users without `right` on the
    object `target(request, **kwargs)` returns (None: no object) get a 403 that says why.
    `target` may raise Http404 for an object that does not exist."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = target(request, **kwargs) if target else None
            if not can(request.user, right, obj):
                return forbidden(request, right)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
