"""The generated municipality's plans: themes, actions, responsibility and status history.

Each plan belongs to a body and runs two or three years; its actions have a deadline of
varying precision, a responsible unit head (post and person) and sometimes a supporting
role; each action's status history is reported about monthly, from not started through in
progress to done for most, each update recorded at noon of its own day (as if reported
then). The first version of each action is written as `record_action_version` would.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from django.utils import timezone

from styr.bench.names import topic
from styr.bench.organisation import BATCH, Organisation
from styr.bench.sizes import Size, plan_sizes
from styr.lib.asof import recorded_on
from styr.lib.dates import describe
from styr.plans.domain import version_of
from styr.plans.models import Action, ActionVersion, Plan, Responsibility, StatusUpdate, Theme

PLANS_START = dt.date(2023, 1, 1)
UPDATE_EVERY = dt.timedelta(days=30)
# Deadlines as plans state them: the last day of a month, quarter, half year or year.
DEADLINES = [
    (dt.date(2024, 6, 30), "half_year"),
    (dt.date(2024, 12, 31), "year"),
    (dt.date(2025, 3, 31), "quarter"),
    (dt.date(2025, 6, 30), "season"),
    (dt.date(2025, 9, 30), "month"),
    (dt.date(2025, 12, 31), "year"),
    (dt.date(2026, 4, 30), "tertial"),
    (dt.date(2026, 6, 15), "day"),
    (dt.date(2026, 12, 31), "year"),
]
NOTES = {
    "not_started": "Arbetet har inte påbörjats ännu; planeras till nästa tertial.",
    "in_progress": "Arbetet pågår enligt tidplan. Samråd med berörda enheter har hållits.",
    "ongoing": "Ingår nu i den löpande verksamheten och följs upp i årsredovisningen.",
    "done": "Genomfört. Resultatet redovisas för nämnden.",
}


def build_plans(org: Organisation, size: Size, rng: random.Random) -> list[Plan]:
    municipality = org.municipality
    owners = [org.executive, *org.committees]
    tz = timezone.get_current_timezone()
    plans = []
    for n, count in enumerate(plan_sizes(size)):
        start = PLANS_START + dt.timedelta(days=91 * (n % 4))
        plans.append(
            Plan(
                municipality=municipality,
                slug=f"{municipality.slug}-plan-{n + 1}",
                title=f"Handlingsplan för {topic(n)} {start.year}–{start.year + 2}",
                registration_number=f"{municipality.slug.upper()} {start.year}/{100 + n}",
                period_start=start,
                period_end=dt.date(start.year + 2, 12, 31),
                owner=owners[n % len(owners)],
                decided_on=start - dt.timedelta(days=20),
                summary=f"Planen samlar {count} åtgärder för {topic(n)}.",
                published_at=recorded_on(start, tz),
            )
        )
    plans = Plan.objects.bulk_create(plans)
    themes, actions = [], []
    for plan, count in zip(plans, plan_sizes(size), strict=True):
        plan_themes = [
            Theme(plan=plan, title=f"Tema {k + 1}: {topic(k + 7).capitalize()}", number=str(k + 1))
            for k in range(min(12, max(2, count // 15)))
        ]
        for k, theme in enumerate(plan_themes):
            theme.order = k + 1
        themes.append(plan_themes)
    Theme.objects.bulk_create(itertools.chain.from_iterable(themes), batch_size=BATCH)
    for plan, plan_themes, count in zip(plans, themes, plan_sizes(size), strict=True):
        for k in range(count):
            deadline, precision = DEADLINES[rng.randrange(len(DEADLINES))]
            actions.append(
                Action(
                    plan=plan,
                    theme=plan_themes[k * len(plan_themes) // count],
                    order=k + 1,
                    title=f"Åtgärd {k + 1}: utveckla arbetet med {topic(k)}",
                    text=(
                        f"Åtgärden ska utveckla arbetet med {topic(k)} så att invånarna får "
                        "bättre service, och redovisa resultatet till nämnden."
                    ),
                    origin="new" if rng.random() < 0.8 else "earlier",
                    introduced_on=plan.period_start,
                    deadline_text=f"senast {describe(deadline, precision)}",
                    deadline_date=deadline,
                    deadline_precision=precision,
                )
            )
    actions = Action.objects.bulk_create(actions, batch_size=BATCH)
    named = _responsibilities(org, actions, rng)
    ActionVersion.objects.bulk_create(
        (
            version_of(
                action,
                named[action.id],
                applies_from=action.introduced_on,
                recorded_at=recorded_on(action.introduced_on, tz),
            )
            for action in actions
        ),
        batch_size=BATCH,
    )
    _status_history(actions, size.updates_per_action, named, rng, tz)
    return plans


def _responsibilities(org: Organisation, actions, rng) -> dict[int, list[Responsibility]]:
    heads = list(org.heads.values())
    named: dict[int, list[Responsibility]] = {}
    for action in actions:
        post, person = heads[rng.randrange(len(heads))]
        rows = [Responsibility(action=action, post=post, person=person)]
        if rng.random() < 0.3:
            rows.append(
                Responsibility(
                    action=action, kind="supporting", role_text="berörda enhetschefer", order=1
                )
            )
        named[action.id] = rows
    Responsibility.objects.bulk_create(
        itertools.chain.from_iterable(named.values()), batch_size=BATCH
    )
    return named


def _status_history(actions, per_action: int, named, rng, tz) -> None:
    """About monthly updates per action, none in the future; a tenth of the actions are
    ongoing work rather than done once."""
    today = dt.date.today()

    def updates():
        for action in actions:
            author = named[action.id][0].person.name
            finish = rng.randint(per_action // 2, per_action + 4)
            ongoing = rng.random() < 0.1
            for k in range(per_action):
                day = min(action.introduced_on + UPDATE_EVERY * (k + 1), today)
                if k < 2:
                    status = "not_started"
                elif k < finish:
                    status = "in_progress"
                else:
                    status = "ongoing" if ongoing else "done"
                yield StatusUpdate(
                    action=action,
                    date=day,
                    status=status,
                    note=NOTES[status],
                    author_name=author,
                    recorded_at=recorded_on(day, tz) + dt.timedelta(minutes=k),
                )

    StatusUpdate.objects.bulk_create(updates(), batch_size=BATCH)
