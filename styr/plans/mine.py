""" "Mina åtgärder": the actions someone answers for today, as they stand today.

The caller says whose responsibilities count (the accounts policy knows how a user maps to
a person and the posts they hold); this module reads those actions under the one as-of rule
(`read_action_rows`) and orders them for the person who has to report on them. A fixed
number of queries, however many actions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from styr.plans.approval import open_submissions
from styr.plans.models import Action, Responsibility, ResponsibilityKind
from styr.plans.queries import read_action_rows
from styr.plans.snapshot import ActionRow

RESPONSIBLE, SUPPORTING = ResponsibilityKind.RESPONSIBLE.value, ResponsibilityKind.SUPPORTING.value
ROLES = {
    (RESPONSIBLE,): _("Ansvarig"),
    (SUPPORTING,): _("Stödjande"),
    (RESPONSIBLE, SUPPORTING): _("Ansvarig och stödjande"),
}


@dataclass
class MyAction:
    row: ActionRow
    kinds: list[str]  # "responsible" before "supporting"
    posts: list[Any]  # the posts through which the person answers for it, if any
    # The newest update if it awaits approval or was sent back (the row shows the approved).
    submitted: Any | None = None

    @property
    def role(self) -> str:
        return str(ROLES[tuple(self.kinds)])


@dataclass
class MyPlan:
    plan: Any
    actions: list[MyAction] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(mine.row.overdue for mine in self.actions)


def my_plans(
    responsibilities: QuerySet[Responsibility], day: dt.date, municipality_id: int
) -> list[MyPlan]:
    """The actions `responsibilities` name, grouped by plan (plans by title).

    Within a plan the late actions come first, since reporting on them is the most urgent,
    then the rest in the plan's own order, which a director knows from the document.
    """
    named = list(responsibilities.select_related("post").order_by("order"))
    kinds: dict[int, list[str]] = defaultdict(list)
    posts: dict[int, list[Any]] = defaultdict(list)
    for responsibility in named:
        if responsibility.kind not in kinds[responsibility.action_id]:
            kinds[responsibility.action_id].append(responsibility.kind)
        if responsibility.person_id is None and responsibility.post is not None:
            posts[responsibility.action_id].append(responsibility.post)
    actions = Action.objects.filter(id__in=responsibilities.values("action_id"))
    submitted = open_submissions(actions)
    plans: dict[int, MyPlan] = {}
    for row in read_action_rows(actions, day, municipality_id):
        plan = row.action.plan
        action_id = row.action.id
        plans.setdefault(plan.id, MyPlan(plan)).actions.append(
            MyAction(
                row,
                sorted(kinds[action_id], key=_kind_order),
                posts[action_id],
                submitted.get(action_id),
            )
        )
    for mine in plans.values():
        mine.actions.sort(key=lambda a: (not a.row.overdue, a.row.action.order))
    return sorted(plans.values(), key=lambda mine: (mine.plan.title, mine.plan.id))


def _kind_order(kind: str) -> int:
    return 0 if kind == RESPONSIBLE else 1
