"""Pages on the Kolada catalogue: find a KPI and link it to a goal as an indicator.

They live in goals, which owns the link between indicators and Kolada KPIs (goals sits above
kolada in the layers; kolada knows nothing of goals). Their URLs keep the "kolada" namespace.

Both need "goals.link_kpi" (`styr.accounts.policy`): the search shows only what may be linked
(its only use is linking; the catalogue itself is public on kolada.se), and linking asks again
for the goal the form picked, so a strateg for another municipality cannot link to it."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styr.accounts.policy import can, municipalities_where
from styr.accounts.views import forbidden, requires
from styr.goals.domain import link_kpi
from styr.goals.kpi_forms import LinkForm, SearchForm, goal_choices
from styr.kolada.models import Kpi
from styr.kolada.search import search_kpis
from styr.lib.http import BadQuery, answers_bad_query

RESULTS = 50


def _page(request, query: str, *, bound: tuple[Kpi, LinkForm] | None = None, status=200):
    """The search page; `bound` is a KPI whose link form came back with errors."""
    choices = goal_choices(municipalities_where(request.user, "goals.link_kpi"))
    results = search_kpis(query, limit=RESULTS + 1) if query else []
    more, results = len(results) > RESULTS, results[:RESULTS]
    if bound and all(kpi.pk != bound[0].pk for kpi in results):
        results.insert(0, bound[0])
    rows = []
    for kpi in results:
        if bound and kpi.pk == bound[0].pk:
            form = bound[1]
            cast(forms.ChoiceField, form.fields["goal"]).choices = [("", _("Välj mål")), *choices]
        else:
            form = LinkForm(prefix=kpi.pk, goal_choices=choices)
        rows.append((kpi, form))
    context = {
        "query": query,
        "rows": rows,
        "has_goals": bool(choices),
        "more": more,
        "limit": RESULTS,
    }
    return render(request, "goals/kpi_search.html", context, status=status)


@requires("goals.link_kpi")
@answers_bad_query
def kpi_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise BadQuery(_("Sökningen får vara högst 200 tecken."))
    return _page(request, form.cleaned_data["q"])


@requires("goals.link_kpi")
@require_POST
def link(request, kpi_id: str):
    kpi = get_object_or_404(Kpi, pk=kpi_id)
    form = LinkForm(request.POST, prefix=kpi.pk, goal_choices=goal_choices())
    if not form.is_valid():
        search = SearchForm(request.POST)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        return _page(request, query, bound=(kpi, form), status=400)
    goal = form.cleaned_data["goal"]
    if not can(request.user, "goals.link_kpi", goal):
        return forbidden(request, "goals.link_kpi")
    indicator = link_kpi(goal, kpi, direction=form.cleaned_data["direction"], target=form.target)
    messages.success(
        request,
        _("%(kpi)s är nu en indikator för målet ”%(goal)s”.") % {"kpi": kpi.id, "goal": goal},
    )
    return redirect(indicator.get_absolute_url())
