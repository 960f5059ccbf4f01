"""The cast of users every permission test is about.

On the demo's plan (`plan`) and one of its actions (`action`, "Översyn av chefsnivåer",
Elisabeth Carle's), with a second published plan in the same municipality (`other_plan`,
with `other_action`, Dag Björklund's):

| name               | who                                                          |
| ------------------ | ------------------------------------------------------------ |
| anonymous          | a citizen, not signed in                                     |
| reader             | läsare for the municipality                                  |
| responsible        | Elisabeth Carle's account: ansvarig for `action`             |
| other_responsible  | Dag Björklund's account: ansvarig for other actions, not this |
| strateg            | strateg for `plan`                                           |
| other_strateg      | strateg for `other_plan` only                                |
| admin              | admin for the municipality (accounts and organisation)       |

Every account's password is PASSWORD.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.org.models import Body, Person
from styr.plans.domain import record_action_version
from styr.plans.models import Action, Plan, Responsibility, Theme

PASSWORD = "ett-langt-testlosenord"
NAMES = [
    "anonymous",
    "reader",
    "responsible",
    "other_responsible",
    "strateg",
    "other_strateg",
    "admin",
]


@dataclass
class Cast:
    plan: Plan
    action: Action
    other_plan: Plan
    other_action: Action
    anonymous: Any
    reader: Any
    responsible: Any
    other_responsible: Any
    strateg: Any
    other_strateg: Any
    admin: Any

    def users(self) -> list[tuple[str, Any]]:
        return [(name, getattr(self, name)) for name in NAMES]


def make_other_plan(municipality) -> tuple[Plan, Action]:
    """A small published plan beside the demo's, with one action for Dag Björklund."""
    plan = Plan.objects.create(
        municipality=municipality,
        slug="va-plan-2016",
        title="Handlingsplan för vatten och avlopp 2016",
        registration_number="KFKS 2016/1-001",
        period_start=dt.date(2016, 1, 1),
        period_end=dt.date(2016, 12, 31),
        owner=Body.objects.get(municipality=municipality, kind="styrelse"),
        published_at=timezone.now(),
    )
    theme = Theme.objects.create(plan=plan, title="Vatten", order=1)
    action = Action.objects.create(
        plan=plan,
        theme=theme,
        order=1,
        title="Utred ett VA-bolag",
        text="En utredning om ett VA-bolag görs under 2016.",
        origin="new",
        introduced_on=dt.date(2016, 1, 1),
    )
    Responsibility.objects.create(
        action=action, person=Person.objects.get(municipality=municipality, slug="dag-bjorklund")
    )
    record_action_version(action)
    return plan, action


def municipality_strateg(municipality, username: str = "kommunstrateg"):
    """A strateg for all of a municipality's plans (may import and link KPIs): not in the
    cast, whose strateger each hold one plan."""
    return add_user(
        username,
        email=f"{username}@example.org",
        password=PASSWORD,
        role="strateg",
        municipality=municipality,
    )


def make_cast(municipality) -> Cast:
    plan = Plan.objects.get(slug="styrning-och-ledning-2015-2016")
    other_plan, other_action = make_other_plan(municipality)

    def person(slug):
        return Person.objects.get(municipality=municipality, slug=slug)

    def user(username, **kwargs):
        return add_user(username, email=f"{username}@example.org", password=PASSWORD, **kwargs)

    return Cast(
        plan=plan,
        action=Action.objects.get(plan=plan, title__startswith="Översyn av chefsnivåer"),
        other_plan=other_plan,
        other_action=other_action,
        anonymous=AnonymousUser(),
        reader=user("lasare", role="lasare", municipality=municipality),
        responsible=user("elisabeth", person=person("elisabeth-carle")),
        other_responsible=user("dag", person=person("dag-bjorklund")),
        strateg=user("strateg-plan", role="strateg", plan=plan),
        other_strateg=user("strateg-annan", role="strateg", plan=other_plan),
        admin=user("admin", role="admin", municipality=municipality),
    )
