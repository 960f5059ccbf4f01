"""The authorisation matrix: every URL pattern × the cast, with the outcome each one gets.

The patterns are read from the URL configuration, so a new page that is not in the matrix
fails `test_every_url_pattern_is_in_the_matrix`. Each row names, for the cast in the order
of `tests.cast.NAMES` (anonymous, reader, responsible, other_responsible, strateg,
other_strateg, admin), one letter:

    A  allowed: the page, or the action done (a form with errors counts: the right held)
    D  denied: 403 with the Swedish explanation
    L  sent to log in
    N  not found (404)

The cast acts on the demo plan and its action "Översyn av chefsnivåer" (Elisabeth Carle's,
`responsible`); `strateg` administers that plan, `other_strateg` only a second plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from styr.contracts.models import ManagerAssignment, ResultContract
from styr.demo.loader import load_file
from styr.engagement.models import EngagementResponse, EngagementSurvey
from styr.goals.models import AssessmentScale, Goal, GoalAssessment, Indicator
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from styr.meetings.models import Coordination, Meeting
from styr.org.models import Body, Person, Post, Unit, UnitChange
from styr.plans.models import StatusUpdate, Theme
from styr.reports.domain import publish_report
from styr.reports.models import PublishedReport
from styr.rounds.domain import open_round
from styr.rounds.models import Round
from styr.service.models import ServiceCase, ServiceCaseImport
from tests import html
from tests.cast import NAMES, Cast, make_cast
from tests.conftest import MEMO_DAY

EVERYONE = "AAAAAAA"
SIGNED_IN = "LAAAAAA"
STRATEG = "LDDDADD"  # the strateg for this plan
NOBODY_HERE = "LDDDDDD"  # needs a strateg for the whole municipality: none in the cast
INSIDERS = "LADDADA"  # the plan's strateg, the readers and admins of its municipality


@dataclass
class Case:
    path: Callable[[World], str]
    expected: str
    method: str = "get"


@dataclass
class World:
    cast: Cast
    report: PublishedReport
    sessions: dict[str, str]  # user name -> session key, signed in once for the module

    def client(self, name: str) -> Client:
        client = Client()
        if name in self.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[name]
        return client

    @property
    def plan(self):
        return self.cast.plan

    @property
    def action(self):
        return self.cast.action

    @property
    def municipality(self):
        return self.cast.plan.municipality


def any_update(world: World) -> StatusUpdate:
    return StatusUpdate.objects.filter(action__plan=world.plan).first()


def a_round(world: World) -> Round:
    """An open reporting round on the cast's plan (made by the first row that asks)."""
    found = Round.objects.filter(plan=world.plan).first()
    return found or open_round(world.plan, title="Uppföljning", due=timezone.localdate())


def a_meeting(world: World) -> Meeting:
    """A manager meeting of the demo (made by the first row that asks if it has none)."""
    found = Meeting.objects.filter(municipality=world.municipality).first()
    return found or Meeting.objects.create(
        municipality=world.municipality, date=MEMO_DAY, kind="frukost", audience="alla"
    )


def contract_url(world: World, tail: str = "") -> str:
    """Cecilia Holm's agreed 2015 contract (invented), signed with Elisabeth Carle."""
    contract = ResultContract.objects.get(manager__slug="cecilia-holm", year=2015)
    return f"/resultatkontrakt/{contract.manager_id}/{contract.year}/{tail}"


def kpi(world: World) -> Kpi:
    return Indicator.objects.filter(kpi__isnull=False).first().kpi


CASES: dict[str, Case] = {
    # Public pages: everyone, signed in or not.
    ":healthz": Case(lambda w: "/healthz", EVERYONE),
    ":readyz": Case(lambda w: "/readyz", EVERYONE),
    "portal:start": Case(lambda w: "/", EVERYONE),
    "portal:plan": Case(lambda w: f"/planer/{w.plan.slug}/", EVERYONE),
    "portal:action": Case(lambda w: f"/planer/{w.plan.slug}/atgarder/{w.action.id}/", EVERYONE),
    "portal:organisation": Case(lambda w: f"/{w.municipality.slug}/organisation/", EVERYONE),
    "portal:person": Case(lambda w: f"/{w.municipality.slug}/personer/elisabeth-carle/", EVERYONE),
    "reports:report": Case(
        lambda w: f"/planer/{w.plan.slug}/lagesrapport/md/?as_of={MEMO_DAY}", EVERYONE
    ),
    "reports:published": Case(lambda w: f"/planer/{w.plan.slug}/rapporter/", EVERYONE),
    "reports:published_file": Case(
        lambda w: f"/planer/{w.plan.slug}/rapporter/{w.report.id}/md/", EVERYONE
    ),
    "goals:tree": Case(lambda w: f"/{w.municipality.slug}/mal/", EVERYONE),
    "goals:goal": Case(
        lambda w: f"/{w.municipality.slug}/mal/{Goal.objects.first().slug}/", EVERYONE
    ),
    "goals:indicator": Case(
        lambda w: f"/{w.municipality.slug}/indikatorer/{Indicator.objects.first().slug}/",
        EVERYONE,
    ),
    "service:levels": Case(lambda w: f"/{w.municipality.slug}/kontaktcenter/", EVERYONE),
    "engagement:survey": Case(lambda w: f"/{w.municipality.slug}/medarbetarengagemang/", EVERYONE),
    # Signing in and out, and a forgotten password: open to all.
    "accounts:login": Case(lambda w: "/konto/logga-in/", EVERYONE),
    "accounts:logout": Case(lambda w: "/konto/logga-ut/", EVERYONE, method="post"),
    "accounts:password_reset": Case(lambda w: "/konto/losenord/", EVERYONE),
    "accounts:password_reset_done": Case(lambda w: "/konto/losenord/skickat/", EVERYONE),
    "accounts:password_reset_confirm": Case(
        lambda w: "/konto/losenord/nytt/MQ/fel-nyckel/", EVERYONE
    ),
    "accounts:password_reset_complete": Case(lambda w: "/konto/losenord/klart/", EVERYONE),
    # Single sign-on's pages exist only with STYR_OIDC_ISSUER set, which the matrix does not
    # set: 404 for all. Configured, they are open to everyone (tests/accounts/test_oidc*.py).
    "accounts:oidc_authenticate": Case(lambda w: "/konto/oidc/logga-in/", "NNNNNNN"),
    "accounts:oidc_callback": Case(lambda w: "/konto/oidc/callback/?code=x&state=y", "NNNNNNN"),
    "accounts:oidc_logout": Case(lambda w: "/konto/oidc/logga-ut/", "NNNNNNN", method="post"),
    # Reporting status: those who answer for the action, and the plan's strateg.
    "plans:my_actions": Case(lambda w: "/mina-atgarder/", SIGNED_IN),
    "plans:report_status": Case(
        lambda w: f"/planer/{w.plan.slug}/atgarder/{w.action.id}/status/", "LDADADD"
    ),
    # The status spreadsheet: anyone signed in who may see the plan downloads it and
    # uploads it filled in (each row is then checked against reporting status).
    "plans:status_export_xlsx": Case(lambda w: f"/planer/{w.plan.slug}/status.xlsx", SIGNED_IN),
    "plans:status_export_csv": Case(lambda w: f"/planer/{w.plan.slug}/status.csv", SIGNED_IN),
    "plans:status_import": Case(lambda w: f"/planer/{w.plan.slug}/status/import/", SIGNED_IN),
    # The plan's strateg approves what the ansvariga submit (an empty decision: a 400 form).
    "plans:review_queue": Case(lambda w: f"/planer/{w.plan.slug}/granskning/", STRATEG),
    "plans:review": Case(
        lambda w: f"/planer/{w.plan.slug}/granskning/{any_update(w).id}/", STRATEG, method="post"
    ),
    # The weekly digest: anyone signed in subscribes to a plan they may read; the unsubscribe
    # link of a mail works without logging in (a bad token: a page that says so).
    "reminders:subscriptions": Case(lambda w: f"/planer/{w.plan.slug}/bevakning/", SIGNED_IN),
    "reminders:unsubscribe": Case(lambda w: "/e-post/avregistrera/fel-nyckel/", EVERYONE),
    # The plan's strateg publishes its reports and the plan itself.
    "reports:publish": Case(lambda w: f"/planer/{w.plan.slug}/publicera/", STRATEG),
    "reports:texts": Case(lambda w: f"/planer/{w.plan.slug}/rapporttexter/", STRATEG),
    # Reporting rounds name people and who is late: the plan's insiders read them (an
    # outside strateg is no insider of this plan), its strateg opens and closes them.
    "rounds:rounds": Case(lambda w: f"/planer/{w.plan.slug}/uppfoljning/", INSIDERS),
    "rounds:round": Case(lambda w: f"/planer/{w.plan.slug}/uppfoljning/{a_round(w).id}/", INSIDERS),
    "rounds:close": Case(
        lambda w: f"/planer/{w.plan.slug}/uppfoljning/{a_round(w).id}/stang/",
        STRATEG,
        method="post",
    ),
    "imports:publish_plan": Case(
        lambda w: f"/planer/{w.plan.slug}/offentliggor/", STRATEG, method="post"
    ),
    # Importing a plan and linking KPIs to goals: a strateg for the whole municipality.
    "imports:upload": Case(lambda w: "/import/", NOBODY_HERE),
    "imports:save": Case(lambda w: "/import/spara/", NOBODY_HERE, method="post"),
    "kolada:kpi_search": Case(lambda w: "/kolada/nyckeltal/?q=chefer", NOBODY_HERE),
    "kolada:link": Case(
        lambda w: f"/kolada/nyckeltal/{kpi(w).id}/koppla/", NOBODY_HERE, method="post"
    ),
    # Manager meetings: the plan and the rates per line are public (no names); attendance is
    # personal data. The rates page: every signed-in person of the organisation (each sees
    # their own and their line's rows) and admins; a manager's page: the manager (here
    # Elisabeth Carle's own), the line above, the coordinating unit (none in the cast) and
    # admins; a meeting's list and its writes: the coordinating unit and admins.
    # Result contracts are personal data: the manager, the line manager who signs (here
    # Elisabeth Carle, `responsible`), those above in the line, HR (none in the cast) and
    # admins read one; the line manager writes and follows up, the manager accepts (not in
    # the cast). Coverage: HR, admins and directors (Elisabeth Carle, Dag Björklund).
    "contracts:mine": Case(lambda w: "/resultatkontrakt/", SIGNED_IN),
    "contracts:contract": Case(lambda w: contract_url(w), "LDADDDA"),
    "contracts:write": Case(lambda w: contract_url(w, "skriv/"), "LDADDDD"),
    "contracts:accept": Case(lambda w: contract_url(w, "godkann/"), "LDDDDDD", method="post"),
    "contracts:follow_up": Case(lambda w: contract_url(w, "uppfoljning/"), "LDADDDD"),
    "contracts:coverage": Case(lambda w: f"/{w.municipality.slug}/resultatkontrakt/", "LDAADDA"),
    # Public: the shares per director's line, no names, no small groups.
    "contracts:public": Case(lambda w: f"/{w.municipality.slug}/resultatkontrakt/andel/", EVERYONE),
    "meetings:meetings": Case(lambda w: f"/{w.municipality.slug}/chefsmoten/", EVERYONE),
    "meetings:attendance": Case(lambda w: f"/{w.municipality.slug}/chefsmoten/narvaro/", "LDAADDA"),
    "meetings:manager": Case(
        lambda w: f"/{w.municipality.slug}/chefsmoten/chefer/elisabeth-carle/", "LDADDDA"
    ),
    "meetings:meeting": Case(
        lambda w: f"/{w.municipality.slug}/chefsmoten/{a_meeting(w).pk}/", "LDDDDDA"
    ),
    "meetings:record_attendance": Case(
        lambda w: f"/{w.municipality.slug}/chefsmoten/{a_meeting(w).pk}/narvaro/",
        "LDDDDDA",
        method="post",
    ),
    "meetings:import": Case(
        lambda w: f"/{w.municipality.slug}/chefsmoten/{a_meeting(w).pk}/import/",
        "LDDDDDA",
        method="post",
    ),
    "meetings:award": Case(
        lambda w: f"/{w.municipality.slug}/chefsmoten/{a_meeting(w).pk}/chefspris/",
        "LDDDDDA",
        method="post",
    ),
}

# ---------------------------------------------------------------------------------------
# The admin: strateger and admins enter; each model is edited by the role that owns it.
# Letters for strateg, other_strateg and admin; the others are L, D, D, D throughout.

ADMIN_OUTSIDERS = "LDDD"


def admin_row(allowed: str) -> str:
    """'S', 'O', 'A' letters allowed -> the full row."""
    return ADMIN_OUTSIDERS + "".join("A" if who in allowed else "D" for who in "SOA")


# For each model: (changelist, add, change view of the sample, delete of the sample, history)
ADMIN_MODELS: dict[str, tuple[str, str, str, str, str]] = {
    # The plan's content: its strateg edits; the municipality's staff read published plans.
    "plans.plan": ("SOA", "", "SOA", "", "SOA"),
    "plans.theme": ("SOA", "SO", "SOA", "S", "SOA"),
    "plans.action": ("SOA", "SO", "SOA", "", "SOA"),
    "plans.statusupdate": ("SOA", "", "SOA", "", "SOA"),
    "reports.publishedreport": ("SOA", "", "SOA", "", "SOA"),
    # A round names who is late: only the plan's insiders open one (the list is the staff's).
    "rounds.round": ("SOA", "", "SA", "", "SA"),
    # The organisation: its staff read, admins edit.
    "org.municipality": ("SOA", "A", "SOA", "", "SOA"),
    "org.person": ("SOA", "A", "SOA", "A", "SOA"),
    "org.post": ("SOA", "A", "SOA", "A", "SOA"),
    "org.unit": ("SOA", "A", "SOA", "A", "SOA"),
    "org.unitchange": ("SOA", "A", "SOA", "A", "SOA"),
    "org.body": ("SOA", "A", "SOA", "A", "SOA"),
    # Goals: read by staff, edited by a strateg for the whole municipality (none here).
    "goals.assessmentscale": ("SOA", "", "SOA", "", "SOA"),
    "goals.goal": ("SOA", "", "SOA", "", "SOA"),
    "goals.indicator": ("SOA", "", "SOA", "", "SOA"),
    "goals.goalassessment": ("SOA", "", "SOA", "", "SOA"),
    # Data loaded from files: read by a municipality strateg or an admin.
    "service.servicecaseimport": ("A", "", "A", "", "A"),
    "service.servicecase": ("A", "", "A", "", "A"),
    "engagement.engagementsurvey": ("A", "", "A", "", "A"),
    "engagement.engagementresponse": ("A", "", "A", "", "A"),
    "kolada.kpi": ("SOA", "", "SOA", "", "SOA"),
    "kolada.koladamunicipality": ("SOA", "", "SOA", "", "SOA"),
    "kolada.koladagroup": ("SOA", "", "SOA", "", "SOA"),
    "kolada.koladavalue": ("SOA", "", "SOA", "", "SOA"),
    # Managers and result contracts are personal data: admins (and HR) read, nobody edits.
    "contracts.managerassignment": ("A", "", "A", "", "A"),
    "contracts.resultcontract": ("A", "", "A", "", "A"),
    # Manager meetings: the coordinating unit (none in the cast) and admins; who coordinates
    # is the admins' to say.
    "meetings.meeting": ("A", "A", "A", "A", "A"),
    "meetings.coordination": ("A", "A", "A", "A", "A"),
    # Accounts and the audit log: admins.
    "auth.user": ("A", "A", "A", "", "A"),
    "auditlog.logentry": ("A", "", "A", "", "A"),
}


def samples(world: World) -> dict[str, object]:
    """One object per admin model, belonging to the cast's plan or municipality."""
    cast = world.cast
    return {
        "plans.plan": cast.plan,
        "plans.theme": Theme.objects.filter(plan=cast.plan).first(),
        "plans.action": cast.action,
        "plans.statusupdate": StatusUpdate.objects.filter(action__plan=cast.plan).first(),
        "reports.publishedreport": world.report,
        "rounds.round": a_round(world),
        "org.municipality": world.municipality,
        "org.person": Person.objects.get(slug="elisabeth-carle"),
        "org.post": Post.objects.filter(municipality=world.municipality).first(),
        "org.unit": Unit.objects.filter(municipality=world.municipality).first(),
        "org.unitchange": UnitChange.objects.first(),
        "org.body": Body.objects.filter(municipality=world.municipality).first(),
        "goals.assessmentscale": AssessmentScale.objects.get_or_create(
            municipality=world.municipality
        )[0],
        "goals.goal": Goal.objects.first(),
        "goals.indicator": Indicator.objects.first(),
        "goals.goalassessment": GoalAssessment.objects.first(),
        "service.servicecaseimport": ServiceCaseImport.objects.first(),
        "service.servicecase": ServiceCase.objects.first(),
        "engagement.engagementsurvey": EngagementSurvey.objects.first(),
        "engagement.engagementresponse": EngagementResponse.objects.first(),
        "kolada.kpi": Kpi.objects.first(),
        "kolada.koladamunicipality": KoladaMunicipality.objects.first(),
        "kolada.koladagroup": KoladaGroup.objects.first(),
        "kolada.koladavalue": KoladaValue.objects.first(),
        "contracts.managerassignment": ManagerAssignment.objects.filter(
            person__slug="cecilia-holm"
        ).first(),
        "contracts.resultcontract": ResultContract.objects.get(
            manager__slug="cecilia-holm", year=2015
        ),
        "meetings.meeting": a_meeting(world),
        "meetings.coordination": Coordination.objects.get_or_create(
            municipality=world.municipality
        )[0],
        "auth.user": cast.responsible,
        "auditlog.logentry": _first_log_entry(),
    }


def content_type_id(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).id


def _first_log_entry():
    from auditlog.models import LogEntry

    return LogEntry.objects.first()


def admin_cases() -> dict[str, Case]:
    cases = {
        "admin:index": Case(lambda w: "/admin/", admin_row("SOA")),
        "admin:login": Case(lambda w: "/admin/login/", admin_row("SOA")),
        # Signing out harms no one: the admin signs out whoever asks.
        "admin:logout": Case(lambda w: "/admin/logout/", EVERYONE, method="post"),
        "admin:app_list": Case(lambda w: "/admin/plans/", admin_row("SOA")),
        "admin:password_change": Case(lambda w: "/admin/password_change/", admin_row("SOA")),
        "admin:password_change_done": Case(
            lambda w: "/admin/password_change/done/", admin_row("SOA")
        ),
        # /admin/r/<type>/<pk>/ sends the staff on to the object's public page.
        "admin:view_on_site": Case(
            lambda w: f"/admin/r/{content_type_id(w.plan)}/{w.plan.pk}/", admin_row("SOA")
        ),
        "admin:auth_user_password_change": Case(
            lambda w: f"/admin/auth/user/{w.cast.responsible.pk}/password/", admin_row("A")
        ),
        "admin:autocomplete": Case(
            lambda w: (
                "/admin/autocomplete/?app_label=plans&model_name=action&field_name=theme&term=a"
            ),
            admin_row("SOA"),
        ),
        "admin:jsi18n": Case(lambda w: "/admin/jsi18n/", admin_row("SOA")),
        "admin/(?P<url>.*)$": Case(lambda w: "/admin/finns-inte/", ADMIN_OUTSIDERS + "NNN"),
    }
    for model, (changelist, add, change, delete, history) in ADMIN_MODELS.items():
        app, name = model.split(".")
        base = f"/admin/{app}/{name}/"

        def with_pk(suffix, model=model, base=base):
            return lambda w: f"{base}{samples(w)[model].pk}/{suffix}"

        cases[f"admin:{app}_{name}_changelist"] = Case(lambda w, b=base: b, admin_row(changelist))
        cases[f"admin:{app}_{name}_add"] = Case(lambda w, b=base: f"{b}add/", admin_row(add))
        cases[f"admin:{app}_{name}_change"] = Case(with_pk("change/"), admin_row(change))
        cases[f"admin:{app}_{name}_delete"] = Case(with_pk("delete/"), admin_row(delete))
        cases[f"admin:{app}_{name}_history"] = Case(with_pk("history/"), admin_row(history))
        # /admin/<app>/<model>/<pk>/ redirects to the change view: allowed where it is.
        cases[f"admin/{app}/{name}/<path:object_id>/"] = Case(with_pk(""), admin_row(change))
    return cases


CASES.update(admin_cases())


def url_patterns(resolver=None, prefix="", namespace="") -> list[tuple[str, str]]:
    """(key, route) of every pattern: "namespace:name", or the route when it has no name."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            found += url_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            key = f"{namespace}:{pattern.name}" if pattern.name else route
            found.append((key, route))
    return found


def test_every_url_pattern_is_in_the_matrix():
    keys = {key for key, _route in url_patterns()}
    missing = sorted(keys - set(CASES))
    assert not missing, f"add these URL patterns to the matrix in {__file__}: {missing}"
    stale = sorted(set(CASES) - keys)
    assert not stale, f"these matrix rows match no URL pattern any more: {stale}"


def test_every_admin_model_is_in_the_matrix():
    registered = {f"{m._meta.app_label}.{m._meta.model_name}" for m in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The full demo, the cast and a published report, once for the module (rolled back)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        municipality = load_file()
        cast = make_cast(municipality)
        report = publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
        sessions = {}
        for name, user in cast.users():
            if user.is_authenticated:
                client = Client()
                client.force_login(user)
                sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    yield World(cast=cast, report=report, sessions=sessions)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def outcome(client: Client, case: Case, path: str) -> str:
    response = getattr(client, case.method)(path)
    # Inside the admin a GET may be sent on (to its login, which answers for itself, or from
    # /admin/<app>/<model>/<pk>/ to the change view): the outcome is where it lands.
    if response.status_code == 302 and (
        response["Location"].startswith("/admin/login/")
        or (case.method == "get" and response["Location"].startswith("/admin/"))
    ):
        response = client.get(response["Location"])
    status = response.status_code
    assert status < 500, f"{path} answered {status}"
    if status in (301, 302) and response["Location"].startswith("/konto/logga-in/"):
        return "L"
    if status == 403:
        assert html.texts(html.parse(response, 403), "//h1") == ["Behörighet saknas"], path
        return "D"
    if status == 404:
        return "N"
    return "A"


@pytest.mark.parametrize("key", sorted(CASES))
def test_the_matrix(key, world, db):
    case = CASES[key]
    path = case.path(world)
    got = ""
    for name in NAMES:
        with transaction.atomic():
            got += outcome(world.client(name), case, path)
            transaction.set_rollback(True)  # what one user did is not there for the next
    assert got == case.expected, f"{key} {path}: expected {case.expected}, got {got}"
