"""Result contracts on the web: mine, a contract, writing, accepting, following up, and
the coverage page. Internal pages: contracts are personal data (see `styr.contracts.rules`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styr.accounts.policy import can, municipalities_where, person_of
from styr.accounts.views import requires
from styr.caching.pages import cached_page
from styr.contracts.coverage import MIN_MANAGERS, public_coverage
from styr.contracts.domain import (
    ContractError,
    accept_contract,
    follow_up_contract,
    latest_version,
    write_contract,
)
from styr.contracts.forms import AcceptForm, ContractForm, FollowUpForm, VersionQuery
from styr.contracts.models import ContractStatus, ContractVersion, EventKind, ResultContract
from styr.contracts.queries import contract_status, coverage_on, managers_on
from styr.lib.http import BadQuery, answers_bad_query, read_day, read_year
from styr.org.models import Municipality, Person


def status_label(status: str | None) -> str:
    return str(ContractStatus(status).label) if status else _("inget kontrakt")


def the_manager(request, person: int, year: int) -> Person:
    if not 1950 <= year <= 2100:
        raise Http404
    return get_object_or_404(Person.objects.select_related("municipality"), pk=person)


def the_contract(request, person: int, year: int) -> ResultContract:
    manager = the_manager(request, person, year)
    return get_object_or_404(
        ResultContract.objects.select_related("manager", "line_manager", "municipality"),
        manager=manager,
        year=year,
    )


def the_municipality(request, municipality: str) -> Municipality:
    return get_object_or_404(Municipality, slug=municipality)


@requires("contracts.view_own_contracts")
def mine(request):
    """My own contracts, and those of the managers who report to me today."""
    person = person_of(request.user)
    today = timezone.localdate()
    own, reports = [], []
    if person is not None:
        own = list(ResultContract.objects.filter(manager=person).prefetch_related("events"))
        for contract in own:
            contract.status_label = status_label(contract_status(contract, today))
        rows = managers_on(person.municipality, today)
        reports = [row for row in rows if row.line_manager_id == person.id]
        theirs = {
            c.manager_id: c
            for c in ResultContract.objects.filter(
                manager_id__in=[r.person_id for r in reports], year=today.year
            ).prefetch_related("events")
        }
        reports = [(row, theirs.get(row.person_id)) for row in reports]
        for _row, contract in reports:
            if contract is not None:
                contract.status_label = status_label(contract_status(contract, today))
    context = {
        "person": person,
        "own": own,
        "reports": reports,
        "year": today.year,
        "coverage_places": municipalities_where(request.user, "contracts.view_coverage"),
    }
    return render(request, "contracts/mine.html", context)


def contract_context(request, contract: ResultContract, version: ContractVersion | None):
    today = timezone.localdate()
    events = list(contract.events.select_related("person", "version").order_by("on", "id"))
    status = contract_status(contract, today)
    versions = list(contract.versions.order_by("number"))
    newest = versions[-1] if versions else None
    shown = version or newest
    followed = next((e for e in events if e.kind == EventKind.FOLLOWED_UP), None)
    outcomes = {o.result_id: o for o in followed.outcomes.all()} if followed else {}
    results = list(shown.results.select_related("indicator")) if shown else []
    agreed = any(e.kind == EventKind.AGREED for e in events)
    return {
        "contract": contract,
        "events": events,
        "status": status,
        "status_label": status_label(status),
        "versions": versions,
        "shown": shown,
        "newest": newest,
        "results": [(r, outcomes.get(r.id)) for r in results],
        "goals": list(shown.goals.all()) if shown else [],
        "actions": list(shown.actions.select_related("plan")) if shown else [],
        "may_write": not agreed and can(request.user, "contracts.write_contract", contract),
        "may_accept": not agreed and can(request.user, "contracts.accept_contract", contract),
        "may_follow_up": agreed
        and followed is None
        and can(request.user, "contracts.follow_up_contract", contract),
        "accept_form": AcceptForm(initial={"version": newest.number if newest else 1}),
    }


@requires("contracts.view_contract", the_contract)
@answers_bad_query
def contract_page(request, person: int, year: int):
    contract = the_contract(request, person, year)
    asked = VersionQuery(request.GET)
    if not asked.is_valid():
        raise BadQuery(asked.problem())
    number = asked.cleaned_data["version"]
    version = None
    if number:
        version = get_object_or_404(ContractVersion, contract=contract, number=number)
    return render(request, "contracts/contract.html", contract_context(request, contract, version))


@require_http_methods(["GET", "POST"])
@requires("contracts.write_contract", the_manager)
def write(request, person: int, year: int):
    """The line manager writes the contract: its first version, or a new one."""
    manager = the_manager(request, person, year)
    contract = ResultContract.objects.filter(manager=manager, year=year).first()
    previous = latest_version(contract) if contract else None
    municipality = manager.municipality
    if request.method == "POST":
        form = ContractForm(request.POST, municipality=municipality)
        if form.is_valid():
            data = form.cleaned_data
            try:
                write_contract(
                    manager,
                    year,
                    author=person_of(request.user),
                    summary=data["summary"],
                    goals=data["goals"],
                    actions=data["actions"],
                    results=data["results"],
                    by=request.user,
                )
            except ContractError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Resultatkontraktet är sparat som en ny version."))
                return redirect("contracts:contract", person=manager.id, year=year)
    else:
        form = ContractForm(initial=ContractForm.initial_from(previous), municipality=municipality)
    context = {"manager": manager, "year": year, "form": form, "previous": previous}
    return render(request, "contracts/write.html", context, status=400 if form.errors else 200)


@require_POST
@requires("contracts.accept_contract", the_contract)
def accept(request, person: int, year: int):
    """The manager accepts the version they read: the contract is agreed from today."""
    contract = the_contract(request, person, year)
    form = AcceptForm(request.POST)
    problem = _("Formuläret saknar versionen du godkänner.")
    if form.is_valid():
        try:
            accept_contract(
                contract,
                person=person_of(request.user),
                version_number=form.cleaned_data["version"],
                by=request.user,
            )
        except ContractError as error:
            problem = str(error)
        else:
            messages.success(request, _("Du har godkänt resultatkontraktet."))
            return redirect("contracts:contract", person=person, year=year)
    context = contract_context(request, contract, None)
    context["problem"] = problem
    return render(request, "contracts/contract.html", context, status=409)


@require_http_methods(["GET", "POST"])
@requires("contracts.follow_up_contract", the_contract)
def follow_up(request, person: int, year: int):
    """The line manager records the year's outcome of each expected result."""
    contract = the_contract(request, person, year)
    agreed = contract.events.filter(kind=EventKind.AGREED).select_related("version").first()
    if agreed is None:
        raise Http404
    results = agreed.version.results.select_related("indicator")
    form = FollowUpForm(request.POST or None, results=results)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_contract(
                contract,
                person=person_of(request.user),
                outcomes=form.outcomes(),
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ContractError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Uppföljningen är sparad."))
            return redirect("contracts:contract", person=person, year=year)
    context = {"contract": contract, "form": form}
    return render(request, "contracts/follow_up.html", context, status=400 if form.errors else 200)


@answers_bad_query
@requires("contracts.view_coverage", the_municipality)
def coverage(request, municipality: str):
    """HR's page: the share of managers with an agreed contract per director's line, with
    the missing names, as of a day. HR and admins see every line; a director their own; the
    stadsdirektör (the top of the line) also the directors' own contracts."""
    place = the_municipality(request, municipality)
    day = read_day(request, "as_of", timezone.localdate())
    result = coverage_on(place, day, read_year(request, "ar"))
    everything = can(request.user, "contracts.view_contract", place)
    person = person_of(request.user)
    lines = result.lines
    at_top = False
    if not everything:
        mine_id = person.id if person else None
        lines = [line for line in lines if line.director and line.director.person_id == mine_id]
        tops = {row.person_id for row in managers_on(place, day) if row.line_manager_id is None}
        at_top = mine_id in tops
    context = {
        "municipality": place,
        "result": result,
        "lines": lines,
        "everything": everything,
        "show_directors": everything or at_top,
        "mine_url": reverse("contracts:mine"),
    }
    return render(request, "contracts/coverage.html", context)


@cached_page(by="municipality")
@answers_bad_query
def public(request, municipality: str):
    """The public figures: the share of managers with an agreed contract per director's line,
    without names, and no group of fewer than MIN_MANAGERS managers (see public_coverage)."""
    place = the_municipality(request, municipality)
    day = read_day(request, "as_of", timezone.localdate())
    result = public_coverage(coverage_on(place, day, read_year(request, "ar")))
    context = {"municipality": place, "result": result, "min_managers": MIN_MANAGERS}
    return render(request, "contracts/public.html", context)
