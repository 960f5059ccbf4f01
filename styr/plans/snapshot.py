"""A plan as it stood on a day: themes in order, actions with their status, progress, lateness.

`plan_snapshot` reads the rows with a fixed number of queries whatever the plan's size;
`assemble` is the pure part that turns rows into the tree the pages (and reports) show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from styr.org.history import holders_on, posts_held_on
from styr.org.models import Tenure
from styr.plans.models import Action, Responsibility, StatusUpdate, Theme
from styr.plans.status import NOT_REPORTED, count_statuses, is_overdue


@dataclass
class Who:
    """One responsibility, resolved to names as of the day."""

    kind: str
    person: Any | None
    post_title: str
    role_text: str

    @property
    def label(self) -> str:
        if self.role_text:
            return self.role_text
        if self.person and self.post_title:
            return f"{self.post_title} {self.person.name}"
        if self.person:
            return self.person.name
        return self.post_title


@dataclass
class ActionRow:
    action: Any
    update: Any | None
    status: str
    overdue: bool
    responsible: list[Who]
    supporting: list[Who]

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass
class ThemeRow:
    theme: Any
    depth: int
    actions: list[ActionRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def heading_level(self) -> int:
        # Themes sit under the page's h1 and the "Åtgärder" h2.
        return min(self.depth + 3, 6)

    @property
    def action_heading_level(self) -> int:
        return min(self.depth + 4, 6)


@dataclass
class PlanSnapshot:
    plan: Any
    day: dt.date
    themes: list[ThemeRow]
    counts: dict[str, int]
    total: int
    done: int
    overdue: list[ActionRow]

    @property
    def actions(self) -> list[ActionRow]:
        return [row for theme in self.themes for row in theme.actions]


def status_label(code: str) -> str:
    from django.utils.translation import gettext

    from styr.plans.models import Status

    if code == NOT_REPORTED:
        return gettext("Ingen status rapporterad")
    return str(Status(code).label)


def updates_in_force(actions: QuerySet, day: dt.date) -> dict[int, StatusUpdate]:
    """Map action id -> the update in force on `day`, in two queries for any number."""
    latest = (
        StatusUpdate.objects.filter(action=OuterRef("pk"), date__lte=day)
        .order_by("-date", "-recorded_at", "-id")
        .values("id")[:1]
    )
    ids = actions.annotate(update_id=Subquery(latest)).values_list("update_id", flat=True)
    return {
        update.action_id: update
        for update in StatusUpdate.objects.filter(id__in=[i for i in ids if i is not None])
    }


def statuses_in_force(actions: QuerySet, day: dt.date) -> list[tuple[int, int, str]]:
    """(action id, plan id, status) for each action, in one query."""
    latest = (
        StatusUpdate.objects.filter(action=OuterRef("pk"), date__lte=day)
        .order_by("-date", "-recorded_at", "-id")
        .values("status")[:1]
    )
    rows = actions.annotate(status=Subquery(latest)).values_list("id", "plan_id", "status")
    return [(action_id, plan_id, status or NOT_REPORTED) for action_id, plan_id, status in rows]


def plan_status_counts(plans, day: dt.date) -> dict[int, dict[str, int]]:
    """Counts per status for each plan on `day`, in one query for any number of plans."""
    by_plan: dict[int, list[str]] = {plan.id: [] for plan in plans}
    actions = Action.objects.filter(plan__in=by_plan, introduced_on__lte=day)
    for _action_id, plan_id, status in statuses_in_force(actions, day):
        by_plan[plan_id].append(status)
    return {plan_id: count_statuses(statuses) for plan_id, statuses in by_plan.items()}


def responsibilities_prefetch() -> Prefetch:
    return Prefetch(
        "responsibilities",
        queryset=Responsibility.objects.select_related("person", "post").order_by(
            "kind", "order", "id"
        ),
    )


def resolve_who(responsibility, day, holders, posts_of) -> Who:
    """Name a responsibility as of `day`: the post's holder then, or the person's post then."""
    person, post = responsibility.person, responsibility.post
    if post is not None and person is None:
        current = holders.get(post.id, [])
        person = current[0] if current else None
    post_title = post.title if post else ""
    if person is not None and not post_title:
        held = posts_of.get(person.id, [])
        directors = [p for p in held if p.is_director]
        post_title = (directors or held)[0].title if held else ""
    return Who(responsibility.kind, person, post_title, responsibility.role_text)


def read_action_rows(actions: QuerySet, day: dt.date, municipality_id: int) -> list[ActionRow]:
    """The actions with their status and named responsibility on `day`, in four queries."""
    loaded = list(
        actions.order_by("order")
        .select_related("plan")
        .prefetch_related(responsibilities_prefetch())
    )
    updates = updates_in_force(actions, day)
    tenures = Tenure.objects.filter(post__municipality_id=municipality_id)
    return build_action_rows(loaded, updates, list(tenures.select_related("person", "post")), day)


def build_action_rows(actions, updates, tenures, day: dt.date) -> list[ActionRow]:
    """Pure: status, lateness and names for each action."""
    holders = holders_on(tenures, day)
    posts_of = posts_held_on(tenures, day)
    rows = []
    for action in actions:
        update = updates.get(action.id)
        status = update.status if update else NOT_REPORTED
        who = [resolve_who(r, day, holders, posts_of) for r in action.responsibilities.all()]
        rows.append(
            ActionRow(
                action=action,
                update=update,
                status=status,
                overdue=is_overdue(action.deadline_date, status, day),
                responsible=[w for w in who if w.kind == "responsible"],
                supporting=[w for w in who if w.kind == "supporting"],
            )
        )
    return rows


def plan_snapshot(plan, day: dt.date) -> PlanSnapshot:
    """The plan as it stood on `day`; actions introduced later are left out."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    actions = Action.objects.filter(plan=plan, introduced_on__lte=day)
    return assemble(plan, day, themes, read_action_rows(actions, day, plan.municipality_id))


def assemble(plan, day, themes, action_rows) -> PlanSnapshot:
    """Pure: place the action rows under their themes and roll the counts up the tree."""
    depth: dict[int, int] = {}
    rows: dict[int, ThemeRow] = {}
    for theme in themes:  # in document order, so a parent comes before its children
        depth[theme.id] = depth[theme.parent_id] + 1 if theme.parent_id in depth else 0
        rows[theme.id] = ThemeRow(theme=theme, depth=depth[theme.id])
    for row in action_rows:
        rows[row.action.theme_id].actions.append(row)

    # A theme counts its own actions and those of every heading below it.
    parent_of = {theme.id: theme.parent_id for theme in themes}
    statuses: dict[int, list[str]] = {theme.id: [] for theme in themes}
    overdue: dict[int, int] = dict.fromkeys(statuses, 0)
    for row in action_rows:
        theme_id = row.action.theme_id
        while theme_id is not None:
            statuses[theme_id].append(row.status)
            overdue[theme_id] += row.overdue
            theme_id = parent_of.get(theme_id)
    for theme_id, theme_row in rows.items():
        theme_row.counts = count_statuses(statuses[theme_id])
        theme_row.total = len(statuses[theme_id])
        theme_row.done = theme_row.counts["done"]
        theme_row.overdue = overdue[theme_id]

    counts = count_statuses(row.status for row in action_rows)
    return PlanSnapshot(
        plan=plan,
        day=day,
        themes=list(rows.values()),
        counts=counts,
        total=len(action_rows),
        done=counts["done"],
        overdue=[row for row in action_rows if row.overdue],
    )
