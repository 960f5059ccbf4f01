"""A plan as it stood on a day: themes in order, actions with their status, progress, lateness.

Pure: `styr.plans.queries` reads the rows as of the day; `build_action_rows` and `assemble`
turn them into the tree the pages and reports show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from styr.org.history import holders_on, posts_held_on
from styr.plans.status import NOT_REPORTED, count_statuses, is_overdue, status_label


@dataclass(frozen=True)
class Named:
    """Who a version of an action names: a person, a post, or a role with no name."""

    kind: str
    person: Any | None
    post: Any | None
    role_text: str


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
            return str(self.person.name)
        return self.post_title

    @property
    def name(self) -> str:
        """Who it is, without the title: what a text naming them would say."""
        if self.role_text:
            return self.role_text
        return self.person.name if self.person else self.post_title


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


class Standing(NamedTuple):
    """An action's status and lateness on a day, and nothing else of it."""

    status: str
    overdue: bool


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


def resolve_who(responsibility, day, holders, posts_of) -> Who:
    """Name a responsibility as of `day`: the post's holder then, or the person's post then."""
    person, post = responsibility.person, responsibility.post
    if post is not None and person is None:
        current = holders.get(post.id, [])
        person = current[0] if current else None
    # A post named outright keeps its title, marked "(exempel)" if the source never gives it.
    post_title = getattr(post, "label", post.title) if post else ""
    if person is not None and not post_title:
        # A title the source never gives (an example post) is not put beside the name.
        held = [p for p in posts_of.get(person.id, []) if not getattr(p, "is_example", False)]
        directors = [p for p in held if p.is_director]
        post_title = (directors or held)[0].title if held else ""
    return Who(responsibility.kind, person, post_title, responsibility.role_text)


def tenures_asked(named: Iterable[Named]) -> tuple[set[int], set[int]] | None:
    """What `resolve_who` looks up in the tenures to name these responsibilities: the posts
    named without a person (their holders) and the people named without a post (their
    posts). None: every tenure may be asked (a post without a title names its holder's)."""
    posts: set[int] = set()
    people: set[int] = set()
    for item in named:
        if item.post is not None and not getattr(item.post, "label", item.post.title):
            return None
        if item.post is not None and item.person is None:
            posts.add(item.post.id)
        elif item.person is not None and item.post is None:
            people.add(item.person.id)
    return posts, people


def build_action_rows(actions, updates, tenures, day: dt.date) -> list[ActionRow]:
    """Status, lateness and names for each action as it stood (`responsibilities_then`).

    Actions that share one list of responsibilities (the same list object: `action_index`
    gives one to every action naming the same people) are named once, and share the result.
    """
    holders = holders_on(tenures, day)
    posts_of = posts_held_on(tenures, day)
    # id(list) -> (the list, kept so that its id cannot be reused, responsible, supporting)
    named: dict[int, tuple[list, list[Who], list[Who]]] = {}
    rows = []
    for action in actions:
        update = updates.get(action.id)
        status = update.status if update else NOT_REPORTED
        listed = action.responsibilities_then
        if id(listed) not in named:
            who = [resolve_who(r, day, holders, posts_of) for r in listed]
            named[id(listed)] = (
                listed,
                [w for w in who if w.kind == "responsible"],
                [w for w in who if w.kind == "supporting"],
            )
        _, responsible, supporting = named[id(listed)]
        rows.append(
            ActionRow(
                action=action,
                update=update,
                status=status,
                overdue=is_overdue(action.deadline_date, status, day),
                responsible=responsible,
                supporting=supporting,
            )
        )
    return rows


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


@dataclass(frozen=True)
class ActionFilter:
    """Which of a plan's actions to show: a status, a theme (with every heading below it),
    a person answering for the action (by slug); empty values do not filter."""

    status: str = ""
    theme_id: int | None = None
    person: str = ""

    def __bool__(self) -> bool:
        return bool(self.status or self.theme_id or self.person)


def filter_snapshot(snapshot: PlanSnapshot, wanted: ActionFilter) -> PlanSnapshot:
    """The snapshot of only the actions `wanted` picks, with every count (the plan's, each
    theme's, the overdue) counted again over those, so a filtered page never shows the
    counts of the whole plan beside a part of it."""
    if not wanted:
        return snapshot
    parent_of = {row.theme.id: row.theme.parent_id for row in snapshot.themes}

    def under_chosen(theme_id) -> bool:
        while theme_id is not None:
            if theme_id == wanted.theme_id:
                return True
            theme_id = parent_of.get(theme_id)
        return False

    def matches(row: ActionRow) -> bool:
        if wanted.status and row.status != wanted.status:
            return False
        if wanted.theme_id and not under_chosen(row.action.theme_id):
            return False
        return not wanted.person or any(
            who.person and who.person.slug == wanted.person for who in row.responsible
        )

    themes = [row.theme for row in snapshot.themes]
    return assemble(snapshot.plan, snapshot.day, themes, list(filter(matches, snapshot.actions)))
