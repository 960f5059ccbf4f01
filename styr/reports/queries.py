"""Read what a report needs in a fixed number of queries, whatever the plan's size."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from styr.org.models import Tenure
from styr.plans.models import Action, StatusUpdate, Theme
from styr.plans.snapshot import responsibilities_prefetch
from styr.reports.build import PlanRows, known_by


def read_plan_rows(plan, day: dt.date) -> PlanRows:
    """The plan's rows as Styr knew them at the end of `day` (six queries)."""
    tz = timezone.get_current_timezone()
    return PlanRows(
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=list(Theme.objects.filter(plan=plan).order_by("order")),
        actions=list(
            Action.objects.filter(plan=plan, introduced_on__lte=day)
            .order_by("order")
            .prefetch_related(responsibilities_prefetch())
        ),
        updates=list(
            StatusUpdate.objects.filter(
                action__plan=plan, date__lte=day, recorded_at__lt=known_by(day, tz)
            ).only("id", "action_id", "date", "status", "note", "recorded_at")
        ),
        tenures=list(
            Tenure.objects.filter(post__municipality_id=plan.municipality_id).select_related(
                "person", "post"
            )
        ),
        tz=tz,
    )
