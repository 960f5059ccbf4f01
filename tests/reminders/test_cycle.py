"""The reporting cycle of issue 12 from the opening of a round to the closed report, with
three responsible users: Anna reports after the invitation, Bo is reminded and then
reports, Cia never reports, is reminded twice, told her action is late, and shows as late.
Every mail is read from a real SMTP server; every report goes through the status form the
mail links to."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.org.models import Body, Municipality, Person
from styr.plans.domain import record_action_version
from styr.plans.models import Action, Plan, Responsibility, Theme
from styr.rounds.domain import open_round
from tests import html
from tests.reminders.helpers import links, of_kind, recipients, send, text

TODAY = timezone.localdate()
DUE = TODAY + dt.timedelta(days=5)


def make_action(plan, theme, order, title, person, deadline):
    action = Action.objects.create(
        plan=plan,
        theme=theme,
        order=order,
        title=title,
        text=f"{title}.",
        origin="new",
        introduced_on=TODAY - dt.timedelta(days=60),
        deadline_text=f"senast {deadline.isoformat()}",
        deadline_date=deadline,
        deadline_precision="day",
    )
    Responsibility.objects.create(action=action, person=person)
    record_action_version(action, applies_from=action.introduced_on)
    return action


@pytest.fixture
def cycle(db):
    municipality = Municipality.objects.create(name="Cykelkommun", slug="cykel")
    owner = Body.objects.create(
        municipality=municipality, slug="ks", name="Kommunstyrelsen", kind="styrelse"
    )
    plan = Plan.objects.create(
        municipality=municipality,
        slug="cykelplan",
        title="Cykelplan 2026",
        registration_number="KS 2026/1",
        period_start=TODAY - dt.timedelta(days=365),
        period_end=TODAY + dt.timedelta(days=365),
        owner=owner,
        published_at=timezone.now(),
    )
    theme = Theme.objects.create(plan=plan, title="Cykelvägar", order=1)
    later = TODAY + dt.timedelta(days=90)
    users, actions = {}, {}
    for order, name in enumerate(["Anna", "Bo", "Cia"], start=1):
        person = Person.objects.create(municipality=municipality, name=f"{name} Ek", slug=name)
        users[name] = add_user(name.lower(), email=f"{name.lower()}@cykel.example", person=person)
        # Cia's action was due two days ago: it became late.
        deadline = TODAY - dt.timedelta(days=2) if name == "Cia" else later
        actions[name] = make_action(plan, theme, order, f"Cykelåtgärd {name}", person, deadline)
    strateg = add_user("strateg", email="strateg@cykel.example", role="strateg", plan=plan)
    return plan, users, actions, strateg


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def report_through(mail, action, user, status="in_progress"):
    """Follow the mail's link to the action's status form and save a status there."""
    (link,) = [u for u in links(text(mail)) if u.endswith(f"/atgarder/{action.id}/status/")]
    path = link.removeprefix(settings.BASE_URL)
    client = signed_in(user)
    form = client.get(path).content.decode()
    seen = re.search(r'name="seen"(?: value="([^"]*)")?', form).group(1) or ""
    saved = client.post(
        path,
        {"status": status, "note": "Arbetet pågår.", "date": TODAY.isoformat(), "seen": seen},
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]


def test_a_round_from_its_opening_to_the_closed_report(cycle, smtp_server, settings):
    settings.REMINDER_DAYS = [3, 0]
    plan, users, actions, strateg = cycle
    round = open_round(plan, due=DUE, message="Inför KS i juni.", by=strateg)
    mail_of = {name: f"{name.lower()}@cykel.example" for name in users}

    # Day 0: the invitation to all three; Cia's action just became late.
    send(TODAY)
    invitations = of_kind(smtp_server.messages, "invitation")
    assert recipients(invitations) == set(mail_of.values())
    assert all("Inför KS i juni." in text(m) for m in invitations)
    assert recipients(smtp_server.messages, "late") == {mail_of["Cia"]}
    anna_invitation = next(m for m in invitations if m["To"] == mail_of["Anna"])
    report_through(anna_invitation, actions["Anna"], users["Anna"])

    # Three days before the due date: Bo and Cia are reminded, Anna is not.
    smtp_server.messages.clear()
    send(TODAY + dt.timedelta(days=1))
    assert smtp_server.messages == []
    send(DUE - dt.timedelta(days=3))
    reminders = of_kind(smtp_server.messages, "reminder")
    assert recipients(reminders) == {mail_of["Bo"], mail_of["Cia"]}
    bo_reminder = next(m for m in reminders if m["To"] == mail_of["Bo"])
    assert "Cykelåtgärd Bo" in text(bo_reminder)
    assert "Cykelåtgärd Anna" not in text(bo_reminder)
    report_through(bo_reminder, actions["Bo"], users["Bo"])

    # On the due date only Cia is reminded; the late notice is not repeated.
    smtp_server.messages.clear()
    send(DUE)
    assert recipients(smtp_server.messages) == {mail_of["Cia"]}
    assert [m["X-Styr-Kind"] for m in smtp_server.messages] == ["reminder"]

    # The strateg closes the round: Cia shows as late, and the report is offered.
    page_path = f"/planer/{plan.slug}/uppfoljning/{round.id}/"
    strateg_client = signed_in(strateg)
    closed = strateg_client.post(f"{page_path}stang/")
    assert closed.status_code == 302
    page = html.parse(strateg_client.get(page_path))
    facts = html.facts(page)
    assert facts["Rapporterat"] == "2 av 3 åtgärder (67 %)"
    assert facts["Sena"] == "Cia Ek"
    assert html.hrefs(page, "MD") == [
        f"/planer/{plan.slug}/lagesrapport/md/?as_of={TODAY.isoformat()}"
    ]

    # A closed round mails no one.
    smtp_server.messages.clear()
    send(DUE)
    assert smtp_server.messages == []
