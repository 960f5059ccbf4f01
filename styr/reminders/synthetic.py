"""A plan with an open reporting round and any number of responsible people, for the
reminders' query-count tests and benchmark (rows written with bulk_create).

Person j answers for action j % actions, so with more people than actions some actions
have two or more. Every third person has an account (the mail goes to the account's
address), the others their own address, except every `without_address`-th, who has none.
Every tenth action's deadline passed two days ago (late notices), and every fourth action
was reported in the round already.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from styr.accounts.models import Account
from styr.lib.asof import recorded_on
from styr.org.models import Body, Municipality, Person
from styr.plans.domain import version_of
from styr.plans.models import Action, ActionVersion, Plan, Responsibility, StatusUpdate, Theme
from styr.rounds.models import Round


@transaction.atomic
def build_round(
    *,
    people: int,
    actions: int,
    today: dt.date,
    due_in: int = 3,
    without_address: int = 50,
    slug: str = "paminnelser",
) -> Round:
    municipality = Municipality.objects.create(name=f"Kommun {slug}", slug=slug)
    owner = Body.objects.create(
        municipality=municipality, slug=f"ks-{slug}", name="Kommunstyrelsen", kind="styrelse"
    )
    persons = Person.objects.bulk_create(
        Person(
            municipality=municipality,
            name=f"Person {j:05d}",
            slug=f"{slug}-person-{j}",
            email="" if j % without_address == without_address - 1 else f"p{j}@{slug}.example",
        )
        for j in range(people)
    )
    User = get_user_model()
    with_accounts = [p for j, p in enumerate(persons) if j % 3 == 0 and p.email]
    users = User.objects.bulk_create(
        User(username=f"{slug}-u{p.id}", email=f"konto-{p.email}") for p in with_accounts
    )
    Account.objects.bulk_create(
        Account(user=user, person=person) for user, person in zip(users, with_accounts, strict=True)
    )
    plan = Plan.objects.create(
        municipality=municipality,
        slug=slug,
        title=f"Plan med {actions} åtgärder",
        registration_number=f"SYN {slug}",
        period_start=today - dt.timedelta(days=365),
        period_end=today + dt.timedelta(days=365),
        owner=owner,
        published_at=timezone.now() - dt.timedelta(days=30),
    )
    theme = Theme.objects.create(plan=plan, title="Tema", number="1", order=1)
    introduced = today - dt.timedelta(days=100)
    action_rows = Action.objects.bulk_create(
        Action(
            plan=plan,
            theme=theme,
            order=i + 1,
            title=f"Åtgärd {i + 1}",
            text=f"Åtgärd {i + 1} ska genomföras.",
            origin="new",
            introduced_on=introduced,
            deadline_text="",
            deadline_date=today - dt.timedelta(days=2)
            if i % 10 == 0
            else today + dt.timedelta(days=90),
            deadline_precision="day",
        )
        for i in range(actions)
    )
    named: dict[int, list[Responsibility]] = {a.id: [] for a in action_rows}
    for j, person in enumerate(persons):
        action = action_rows[j % actions]
        named[action.id].append(Responsibility(action=action, person=person))
    Responsibility.objects.bulk_create(itertools.chain.from_iterable(named.values()))
    tz = timezone.get_current_timezone()
    ActionVersion.objects.bulk_create(
        (
            version_of(
                action,
                named[action.id],
                applies_from=introduced,
                recorded_at=recorded_on(introduced, tz),
            )
            for action in action_rows
        ),
        batch_size=5000,
    )
    opened_at = timezone.now() - dt.timedelta(days=1)
    StatusUpdate.objects.bulk_create(
        (
            StatusUpdate(
                action=action,
                date=today,
                status="in_progress",
                note="Pågår.",
                recorded_at=opened_at + dt.timedelta(hours=1),
            )
            for i, action in enumerate(action_rows)
            if i % 4 == 1
        ),
        batch_size=5000,
    )
    return Round.objects.create(
        plan=plan,
        title="Uppföljning",
        message="Rapportera före nämndens möte.",
        due=today + dt.timedelta(days=due_in),
        opened_at=opened_at,
    )
