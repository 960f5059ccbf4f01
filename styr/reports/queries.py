"""Read what a report needs in a fixed number of queries, whatever the plan's size.

The rows come from `styr.plans.queries.read_action_rows`, the same reading the plan page
uses, so the page and the report agree about every day by construction.
"""

from __future__ import annotations

import datetime as dt

from styr.plans.models import Action, Theme
from styr.plans.queries import read_action_rows
from styr.reports.build import PlanRows


def read_plan_rows(plan, day: dt.date, since: dt.date | None = None) -> PlanRows:
    """The plan as Styr knew it at the end of `day` (and of `since`)."""
    actions = Action.objects.filter(plan=plan)
    return PlanRows(
        day=day,
        since=since,
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=list(Theme.objects.filter(plan=plan).order_by("order")),
        now=read_action_rows(actions, day, plan.municipality_id),
        then=read_action_rows(actions, since, plan.municipality_id) if since else None,
    )
