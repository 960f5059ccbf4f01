"""Plans as they stood on a day, read from the database under the one as-of rule.

Every page, report, export and command that shows a plan "as of D" reads through here:
`in_force` is the as-of rule of `styr.lib.asof` as a query, used for status updates and
for the versions of actions alike. Each function runs a fixed number of queries, however
many actions and updates there are.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from styr.lib.asof import IN_FORCE_ORDER, AsOf
from styr.org.models import Person, Post, Tenure
from styr.plans.models import (
    VERSIONED_FIELDS,
    Action,
    ActionVersion,
    Decision,
    StatusReview,
    StatusUpdate,
    Theme,
    versioned_values,
)
from styr.plans.snapshot import (
    ActionRow,
    Named,
    PlanSnapshot,
    Standing,
    assemble,
    build_action_rows,
    tenures_asked,
)
from styr.plans.status import NOT_REPORTED, count_statuses, is_overdue
from styr.plans.versions import Names, VersionEntry, describe_versions


def as_of(day: dt.date) -> AsOf:
    """The day in the municipality's time zone (Styr's, for now: Europe/Stockholm)."""
    return AsOf(day, timezone.get_current_timezone())


def in_force(model, applies: str, moment: AsOf, column: str = "id", action: str = "pk") -> Subquery:
    """Per action (the outer query's `action` field), `column` of its `model` record in
    force as of the day.

    The same rule as `AsOf.pick`: applies on the day, known by its end, latest first. A
    status update is known when it was recorded, or, if it needed approval, when approved.
    """
    known = updates_known_on(moment) if model is StatusUpdate else known_on(applies, moment)
    records = model.objects.filter(known, action=OuterRef(action))
    return Subquery(records.order_by(*in_force_order(applies)).values(column)[:1])


def known_on(applies: str, moment: AsOf) -> Q:
    """Records that apply on the day (their `applies` field) and were recorded by its end."""
    return Q(**{f"{applies}__lte": moment.day}, recorded_at__lt=moment.known_by)


def updates_known_on(moment: AsOf) -> Q:
    """Status updates dated on or before the day and known by its end."""
    return Q(date__lte=moment.day) & approved_by(moment.known_by)


def approved_by(moment: dt.datetime) -> Q:
    """Status updates that count at `moment`: recorded by then without needing approval, or
    approved by then. One submitted and not (yet) approved counts nowhere: not on public
    pages, not in reports, exports or the as-of history.

    The approval is asked with EXISTS (an update has at most one review), not by joining
    the reviews: PostgreSQL then reads each action's updates in force from the newest back
    and stops at the first that counts, where the join made it read and sort all of them."""
    approved = StatusReview.objects.filter(
        update=OuterRef("pk"), decision=Decision.APPROVED, decided_at__lt=moment
    )
    return Q(needs_approval=False, recorded_at__lt=moment) | Q(Exists(approved))


def public_updates() -> Q:
    """Status updates anyone who may see the plan may see: those approved, now."""
    return Q(needs_approval=False) | Q(review__decision=Decision.APPROVED)


def in_force_order(applies: str) -> list[str]:
    """`IN_FORCE_ORDER` for a model whose day field is `applies`: the record in force first."""
    return [f"-{applies if name == 'applies' else name}" for name in IN_FORCE_ORDER]


def versions_in_force(
    actions: QuerySet, moment: AsOf, fields: list[str] | None = None
) -> dict[int, ActionVersion]:
    """Map action id -> its version in force; an action without one did not exist yet.

    `fields` limits what is read of each version (e.g. only its responsibilities).
    """
    ids = actions.annotate(v=in_force(ActionVersion, "applies_from", moment)).values("v")
    # Unordered: a version's default order joins its action and plan, for a dict by id.
    versions = ActionVersion.objects.filter(id__in=ids).order_by()
    if fields:
        versions = versions.only(*fields)
    return {v.action_id: v for v in versions}


def updates_in_force(actions: QuerySet, moment: AsOf) -> dict[int, StatusUpdate]:
    """Map action id -> the status update in force, in one query for any number."""
    ids = actions.annotate(u=in_force(StatusUpdate, "date", moment)).values("u")
    return {u.action_id: u for u in StatusUpdate.objects.filter(id__in=ids).order_by()}


def existing(actions: QuerySet, moment: AsOf) -> QuerySet:
    """The actions that were part of their plan on the day (a version in force)."""
    return actions.annotate(v=in_force(ActionVersion, "applies_from", moment)).filter(
        v__isnull=False
    )


def plan_status_counts(plans, day: dt.date) -> dict[int, dict[str, int]]:
    """Counts per status for each plan on `day`, in one query for any number of plans."""
    moment = as_of(day)
    by_plan: dict[int, list[str]] = {plan.id: [] for plan in plans}
    actions = existing(Action.objects.filter(plan__in=by_plan), moment)
    rows = actions.annotate(
        status=in_force(StatusUpdate, "date", moment, column="status")
    ).values_list("plan_id", "status")
    for plan_id, status in rows:
        by_plan[plan_id].append(status or NOT_REPORTED)
    return {plan_id: count_statuses(statuses) for plan_id, statuses in by_plan.items()}


def as_it_stood(action: Action, version: ActionVersion, refs: dict) -> Action:
    """A copy of the action saying what `version` says, responsibilities included.

    `refs` holds the themes, people and posts the versions name, by id.
    """
    shown = copy.copy(action)
    # The copy gets its own cache of related objects, so the row it came from is untouched.
    shown._state = copy.copy(action._state)
    shown._state.fields_cache = dict(action._state.fields_cache)
    for name, value in versioned_values(version).items():
        setattr(shown, name, value)
    shown.theme = refs["themes"][version.theme_id]
    shown.version = version
    people, posts = refs["people"], refs["posts"]
    shown.responsibilities_then = [
        Named(item["kind"], people.get(item["person"]), posts.get(item["post"]), item["role_text"])
        for item in version.responsibilities
    ]
    return shown


def read_action_rows(actions: QuerySet, day: dt.date, municipality_id: int) -> list[ActionRow]:
    """The actions as they stood on `day`: what they said, their status, named responsibility.

    Actions not yet part of their plan on the day are left out. Eight queries.
    """
    return read_action_rows_on(actions, [day], municipality_id)[0]


def read_action_rows_on(
    actions: QuerySet, days: list[dt.date], municipality_id: int
) -> list[list[ActionRow]]:
    """`read_action_rows` for several days (a report and the one it is compared with): the
    versions and updates in force are read per day, the actions, names and tenures once."""
    moments = [as_of(day) for day in days]
    versions = [versions_in_force(actions, moment) for moment in moments]
    updates = [updates_in_force(actions, moment) for moment in moments]
    every = [v for per_day in versions for v in per_day.values()]
    named = [item for v in every for item in v.responsibilities]
    refs = {
        "themes": Theme.objects.select_related("parent").in_bulk({v.theme_id for v in every}),
        "people": Person.objects.in_bulk({r["person"] for r in named if r["person"]}),
        "posts": Post.objects.in_bulk({r["post"] for r in named if r["post"]}),
    }
    loaded = list(
        Action.objects.filter(id__in={v.action_id for v in every})
        .select_related("plan")
        .order_by("order")
    )
    tenures = list(
        Tenure.objects.filter(post__municipality_id=municipality_id).select_related(
            "person", "post"
        )
    )
    return [
        build_action_rows(
            [as_it_stood(a, in_force[a.id], refs) for a in loaded if a.id in in_force],
            updates[index],
            tenures,
            day,
        )
        for index, (day, in_force) in enumerate(zip(days, versions, strict=True))
    ]


def plan_snapshot(plan, day: dt.date) -> PlanSnapshot:
    """The plan as it stood on `day`: the page and the lägesrapport both start here."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order"))
    rows = read_action_rows(Action.objects.filter(plan=plan), day, plan.municipality_id)
    return assemble(plan, day, themes, rows)


@dataclass(frozen=True)
class Listed:
    """What the index knows of an action as it stood: enough to count, filter and order it
    (`build_action_rows` reads the same names from a full `Action`)."""

    id: int
    order: int
    theme_id: int
    deadline_date: dt.date | None
    responsibilities_then: list[Named]
    version_id: int


@dataclass(frozen=True)
class Reported:
    status: str


def versions_with_status(plan, moment: AsOf) -> QuerySet:
    """The versions in force of `plan`'s actions, each with its action's `status` in force
    (None: none reported)."""
    # An action without a version in force adds a NULL to the list, which matches nothing.
    current = Action.objects.filter(plan=plan).annotate(
        v=in_force(ActionVersion, "applies_from", moment)
    )
    return ActionVersion.objects.filter(id__in=current.values("v")).annotate(
        status=in_force(StatusUpdate, "date", moment, column="status", action="action_id")
    )


def standings(plan, day: dt.date) -> dict[int, Standing]:
    """Action id -> its status and lateness on `day`, for each action of `plan` then: what a
    report compares with (`action_index` without names, themes or order). One query."""
    rows = versions_with_status(plan, as_of(day)).order_by()
    result = {}
    for action_id, deadline, reported in rows.values_list("action_id", "deadline_date", "status"):
        status = reported or NOT_REPORTED
        result[action_id] = Standing(status, is_overdue(deadline, status, day))
    return result


def action_index(plan, day: dt.date, themes: list[Theme]) -> PlanSnapshot:
    """The plan as it stood on `day` with light rows: each action's status, lateness, theme
    and who answers for it, but not its texts. Counting, filtering and paging a plan of
    thousands of actions reads these (four queries at most, a few columns each) and reads in full
    (`read_action_rows`) only the actions a page shows.

    Many actions name the same people: each distinct list of responsibilities is read from
    its stored text, and named as of the day, once (`build_action_rows`)."""
    versions = (
        versions_with_status(plan, as_of(day))
        .annotate(named=Cast("responsibilities", TextField()))
        .order_by("action__order", "action_id")
        .values_list(
            "action_id", "action__order", "theme_id", "deadline_date", "named", "status", "id"
        )
    )
    rows = list(versions)
    # Stored text -> its list of names: one list per distinct text, shared by its actions.
    names: dict[str, list] = {text: json.loads(text) for text in {row[4] for row in rows}}
    every = [item for items in names.values() for item in items]
    people = Person.objects.in_bulk({r["person"] for r in every if r["person"]})
    posts = Post.objects.in_bulk({r["post"] for r in every if r["post"]})
    for text, items in names.items():
        names[text] = [
            Named(r["kind"], people.get(r["person"]), posts.get(r["post"]), r["role_text"])
            for r in items
        ]
    listed = [
        Listed(action_id, order, theme_id, deadline, names[text], version_id)
        for action_id, order, theme_id, deadline, text, _, version_id in rows
    ]
    reported = {status: Reported(status) for status in {row[5] for row in rows} if status}
    updates = {row[0]: reported[row[5]] for row in rows if row[5]}
    tenures = Tenure.objects.filter(post__municipality_id=plan.municipality_id)
    # Only the tenures naming a post's holder or a person's post are read: a plan that names
    # people with their posts, as most do, needs none.
    asked = tenures_asked(item for items in names.values() for item in items)
    if asked is not None:
        posts_asked, people_asked = asked
        tenures = tenures.filter(Q(post__in=posts_asked) | Q(person__in=people_asked))
    held = list(tenures.select_related("person", "post")) if asked != (set(), set()) else []
    named = build_action_rows(listed, updates, held, day)
    return assemble(plan, day, themes, named)


@dataclass(frozen=True)
class Noted:
    """What the listed rows read of an action's status update in force: what a page of
    actions and a report show of it (`StatusUpdate`'s fields of the same names)."""

    id: int
    date: dt.date
    status: str
    note: str


def read_listed_rows(
    plan, listed: list[ActionRow], day: dt.date, themes: list[Theme]
) -> list[ActionRow]:
    """The actions of `plan` that `action_index` listed (a page of them), in full as they
    stood on `day`: what their versions in force say and their status updates (`Noted`),
    named as the index named them and in its order. Two queries of a few columns, however
    many actions the plan has: the versions with their actions' other columns (one `Action`
    built from each, given the caller's `plan`) and each one's update in force, then those
    updates."""
    fields = Action._meta.concrete_fields
    said = [_as_versioned(field) for field in fields]
    versions = (
        ActionVersion.objects.filter(id__in=[row.action.version_id for row in listed])
        .annotate(update=in_force(StatusUpdate, "date", as_of(day), action="action_id"))
        .order_by()
        .values_list(*said, "update")
    )
    by_action = {values[0]: values for values in versions}
    updates = StatusUpdate.objects.filter(
        id__in=[values[-1] for values in by_action.values() if values[-1]]
    ).order_by()
    noted = {u[0]: Noted(*u) for u in updates.values_list("id", "date", "status", "note")}
    names = [field.attname for field in fields]
    theme = {theme.id: theme for theme in themes}
    rows = []
    for row in listed:
        *values, update = by_action[row.action.id]
        shown = Action.from_db(versions.db, names, values)
        shown.plan, shown.theme = plan, theme[shown.theme_id]
        shown.responsibilities_then = row.action.responsibilities_then
        rows.append(dataclasses.replace(row, action=shown, update=noted.get(update)))
    return rows


def _as_versioned(field) -> str:
    """Where a version's row says the action's `field`: the versioned fields in the version,
    the others (the action's id, plan, order, origin and first day) in its action."""
    if field.primary_key:
        return "action_id"
    return field.attname if field.name in VERSIONED_FIELDS else f"action__{field.attname}"


def version_changes(action: Action) -> list[VersionEntry]:
    """The action's versions in the order recorded, with what each changed. Four queries."""
    versions = list(action.versions.select_related("recorded_by"))
    named = [item for v in versions for item in v.responsibilities]
    themes = Theme.objects.filter(id__in={v.theme_id for v in versions})
    names = Names(
        themes={theme.id: theme.heading for theme in themes},
        people={p.id: p.name for p in Person.objects.filter(id__in={r["person"] for r in named})},
        posts={p.id: p.title for p in Post.objects.filter(id__in={r["post"] for r in named})},
    )
    return describe_versions(versions, names)
