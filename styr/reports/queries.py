"""Read what a report needs in a fixed number of queries, whatever the plan's size.

The rows come from `styr.plans.queries.read_action_rows`, the same reading the plan page
uses, so the page and the report agree about every day by construction.
"""

from __future__ import annotations

import datetime as dt

from styr.plans.models import Action, Theme
from styr.plans.queries import action_index, as_of, in_force_order, known_on, read_action_rows
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

    Of `since` the report compares only each action's status and lateness: those are read
    as the plan page's index reads them (`action_index`, a few columns), not in full."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    return PlanRows(
        day=day,
        since=since,
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=themes,
        now=read_action_rows(Action.objects.filter(plan=plan), day, plan.municipality_id),
        then=action_index(plan, since, themes).actions if since else None,
        texts=texts_in_force(plan, day),
    )
