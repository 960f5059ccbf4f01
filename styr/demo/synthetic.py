"""Synthetic plans of any size, for query-count tests and benchmarks.

Rows are written with bulk_create for speed; they are shaped like the demo's (several
themes, people holding posts, responsibilities, a dated status history per action).
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.db import transaction
from django.utils import timezone

from styr.lib.asof import recorded_on
from styr.org.models import Body, Municipality, Person, Post, Tenure
from styr.plans.domain import version_of
from styr.plans.models import (
    Action,
    ActionVersion,
    Plan,
    Responsibility,
    Status,
    StatusUpdate,
    Theme,
)

STATUSES = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.IN_PROGRESS, Status.DONE]


@transaction.atomic
def build_plan(
    *, actions: int, updates_per_action: int = 2, themes: int = 10, slug: str = "syntetisk"
) -> Plan:
    municipality = Municipality.objects.create(name=f"Syntetisk kommun {slug}", slug=slug)
    owner = Body.objects.create(
        municipality=municipality, slug="ks", name="Kommunstyrelsen", kind="styrelse"
    )
    people = Person.objects.bulk_create(
        Person(municipality=municipality, name=f"Person {i}", slug=f"person-{i}") for i in range(20)
    )
    posts = Post.objects.bulk_create(
        Post(municipality=municipality, title=f"direktör {i}", slug=f"post-{i}", is_director=True)
        for i in range(20)
    )
    Tenure.objects.bulk_create(
        Tenure(post=post, person=person) for post, person in zip(posts, people, strict=True)
    )
    plan = Plan.objects.create(
        municipality=municipality,
        slug=slug,
        title=f"Syntetisk plan med {actions} åtgärder",
        registration_number=f"SYN {slug}",
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2023, 12, 31),
        owner=owner,
        published_at=timezone.now(),
    )
    theme_rows = Theme.objects.bulk_create(
        Theme(plan=plan, title=f"Tema {i + 1}", number=str(i + 1), order=i + 1)
        for i in range(themes)
    )
    action_rows = Action.objects.bulk_create(
        Action(
            plan=plan,
            theme=theme_rows[i % themes],
            order=i + 1,
            title=f"Åtgärd {i + 1}",
            text=f"Åtgärd {i + 1} ska genomföras under planperioden.",
            origin="new",
            introduced_on=dt.date(2020, 1, 1),
            deadline_text="senast den 31 december 2021",
            deadline_date=dt.date(2021, 12, 31),
            deadline_precision="day",
        )
        for i in range(actions)
    )
    responsibilities = [
        (
            Responsibility(action=action, person=people[i % 20], post=posts[i % 20]),
            Responsibility(action=action, kind="supporting", role_text="övriga direktörer"),
        )
        for i, action in enumerate(action_rows)
    ]
    Responsibility.objects.bulk_create(itertools.chain.from_iterable(responsibilities))
    tz = timezone.get_current_timezone()
    ActionVersion.objects.bulk_create(
        (
            version_of(
                action,
                named,
                applies_from=action.introduced_on,
                recorded_at=recorded_on(action.introduced_on, tz),
            )
            for action, named in zip(action_rows, responsibilities, strict=True)
        ),
        batch_size=5000,
    )
    StatusUpdate.objects.bulk_create(
        (
            StatusUpdate(
                action=action,
                date=day,
                status=STATUSES[min(k * len(STATUSES) // updates_per_action, 3)],
                note=f"Lägesrapport {k + 1}.",
                # As if each came in a report of its own day.
                recorded_at=recorded_on(day, tz),
            )
            for action in action_rows
            for k, day in enumerate(
                dt.date(2020, 1, 1) + dt.timedelta(days=30 * k) for k in range(updates_per_action)
            )
        ),
        batch_size=5000,
    )
    return plan
