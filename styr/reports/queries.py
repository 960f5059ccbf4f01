"""Read what a report needs in a fixed number of queries, whatever the plan's size."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from styr.org.models import Tenure
from styr.plans.models import Action, StatusUpdate, Theme
from styr.plans.snapshot import responsibilities_prefetch
from styr.reports.build import PlanRows, known_by


def in_force(day: dt.date, tz) -> Subquery:
    """The id of an action's update in force on `day`, as Styr knew it at the day's end."""
    return Subquery(
        StatusUpdate.objects.filter(
            action=OuterRef("pk"), date__lte=day, recorded_at__lt=known_by(day, tz)
        )
        .order_by("-date", "-recorded_at", "-id")
        .values("id")[:1]
    )


def read_plan_rows(plan, day: dt.date, since: dt.date | None = None) -> PlanRows:
    """The plan's rows as Styr knew them at the end of `day` (and of `since`), in six queries.

    Only the updates in force on those days are read, not the whole history: the database
    picks them with the (action, date) index.
    """
    tz = timezone.get_current_timezone()
    actions = Action.objects.filter(plan=plan, introduced_on__lte=day)
    wanted = Q(id__in=actions.annotate(now=in_force(day, tz)).values("now"))
    if since is not None:
        wanted |= Q(id__in=actions.annotate(then=in_force(since, tz)).values("then"))
    return PlanRows(
        day=day,
        since=since,
        plan=plan,
        municipality_name=plan.municipality.name,
        owner_name=plan.owner.name,
        themes=list(Theme.objects.filter(plan=plan).order_by("order")),
        actions=list(actions.order_by("order").prefetch_related(responsibilities_prefetch())),
        updates=list(
            StatusUpdate.objects.filter(wanted).values_list(
                "id", "action_id", "date", "status", "note", "recorded_at", named=True
            )
        ),
        tenures=list(
            Tenure.objects.filter(post__municipality_id=plan.municipality_id).select_related(
                "person", "post"
            )
        ),
        tz=tz,
    )
