"""Read what a report needs in a fixed number of queries, whatever the plan's size.

The rows come from `styr.plans.queries.read_action_rows`, the same reading the plan page
uses, so the page and the report agree about every day by construction.
"""

from __future__ import annotations

import datetime as dt

from styr.plans.models import Action, Theme
from styr.plans.queries import read_action_rows_on
from styr.reports.build import PlanRows


def read_plan_rows(plan, day: dt.date, since: dt.date | None = None) -> PlanRows:
    """The plan as Styr knew it at the end of `day` (and of `since`)."""
    days = [day, since] if since else [day]
    rows = read_action_rows_on(Action.objects.filter(plan=plan), days, plan.municipality_id)
    return PlanRows(
        day=day,
        since=since,
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=list(Theme.objects.filter(plan=plan).order_by("order")),
        now=rows[0],
        then=rows[1] if since else None,
    )
