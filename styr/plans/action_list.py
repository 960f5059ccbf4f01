"""Actions as a list of them shows them as of a day: a goal's actions on its page.

`read_action_list` gives the same rows as `styr.plans.queries.read_action_rows` but for
their status update, of which it reads only the status, in half the queries: each action's
version in force comes with its action, plan, theme and status in one query, under the one
as-of rule (`styr.plans.queries.in_force`), and the tenures are read only when a name needs
them (`styr.plans.snapshot.tenures_asked`), as `styr.plans.queries.action_index` does.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from styr.org.models import Person, Post, Tenure
from styr.plans.models import ActionVersion, StatusUpdate, versioned_values
from styr.plans.queries import Reported, as_of, in_force
from styr.plans.snapshot import ActionRow, Named, build_action_rows, tenures_asked


def read_action_list(actions: QuerySet, day: dt.date, municipality_id: int) -> list[ActionRow]:
    """The actions as they stood on `day`, in their order, each with its plan and theme, its
    status (the row's `update` is a `Reported`, as `action_index` gives it) and who answered
    for it then. Actions not yet part of their plan on the day are left out. Three queries,
    four if a name needs the tenures, however many actions."""
    moment = as_of(day)
    ids = actions.annotate(v=in_force(ActionVersion, "applies_from", moment)).values("v")
    versions = list(
        ActionVersion.objects.filter(id__in=ids)
        .select_related("action__plan", "theme")
        .annotate(
            status=in_force(StatusUpdate, "date", moment, column="status", action="action_id")
        )
        .order_by("action__order", "action_id")
    )
    every = [item for version in versions for item in version.responsibilities]
    # By id, unordered: their default order (by name) is of no use to a dict.
    people = Person.objects.order_by().in_bulk({r["person"] for r in every if r["person"]})
    posts = Post.objects.order_by().in_bulk({r["post"] for r in every if r["post"]})
    shown = []
    for version in versions:
        action = version.action
        for name, value in versioned_values(version).items():
            setattr(action, name, value)
        action.theme, action.version = version.theme, version
        action.responsibilities_then = [
            Named(r["kind"], people.get(r["person"]), posts.get(r["post"]), r["role_text"])
            for r in version.responsibilities
        ]
        shown.append(action)
    statuses = {v.action_id: Reported(v.status) for v in versions if v.status}
    named = [item for action in shown for item in action.responsibilities_then]
    return build_action_rows(shown, statuses, _tenures(named, municipality_id), day)


def _tenures(named: list[Named], municipality_id: int) -> list:
    """The municipality's tenures that naming `named` looks up: none when each names a
    person with a post, as most do."""
    asked = tenures_asked(named)
    if asked == (set(), set()):
        return []
    tenures = Tenure.objects.filter(post__municipality_id=municipality_id)
    if asked is not None:
        posts, people = asked
        tenures = tenures.filter(Q(post__in=posts) | Q(person__in=people))
    return list(tenures.select_related("person", "post"))
