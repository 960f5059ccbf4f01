"""Read what a report needs in a fixed number of queries, whatever the plan's size.

The rows come from `styr.plans.queries` (`action_index`, `read_listed_rows`), the same
reading the plan page uses, so the page and the report agree about every day by construction.
"""

from __future__ import annotations

import datetime as dt

from styr.plans.models import Theme
from styr.plans.queries import (
    action_index,
    as_of,
    in_force_order,
    known_on,
    read_listed_rows,
    standings,
)
from styr.reports.build import PlanRows
from styr.reports.models import ReportTexts


def texts_in_force(plan, day: dt.date) -> ReportTexts | None:
    """The strategy office's texts for a report as of `day`, under the one as-of rule."""
    return (
        ReportTexts.objects.filter(known_on("applies_from", as_of(day)), plan=plan)
        .order_by(*in_force_order("applies_from"))
        .first()
    )


def latest_texts(plan) -> ReportTexts | None:
    """The newest texts, whatever day they apply from: the draft of the next report."""
    return ReportTexts.objects.filter(plan=plan).order_by("-recorded_at", "-id").first()


def read_plan_rows(plan, day: dt.date, since: dt.date | None = None) -> PlanRows:
    """The plan as Styr knew it at the end of `day` (and of `since`).

    Read as the plan page reads it: the index (`action_index`: each action's status,
    lateness and names, a few columns), then the actions in full (`read_listed_rows`), in
    the plan's order. Of `since` the report compares only status and lateness (`standings`)."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    index = action_index(plan, day, themes).actions  # grouped by theme
    listed = sorted(index, key=lambda row: (row.action.order, row.action.id))
    return PlanRows(
        day=day,
        since=since,
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=themes,
        now=read_listed_rows(plan, listed, day, themes),
        then=standings(plan, since) if since else None,
        texts=texts_in_force(plan, day),
    )
