"""Read models for the organisation and person pages, as of a day.

Each function reads a fixed number of queries and returns plain context for a template.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from styr.lib.dates import swedish_day
from styr.org.history import holders_on, names_at_changes, unit_states_on
from styr.org.models import (
    Body,
    BodyKind,
    ChangeKind,
    Post,
    Tenure,
    Unit,
    UnitChange,
    UnitKind,
    example_label,
)
from styr.plans.models import Action
from styr.plans.queries import as_of, read_action_rows, versions_in_force

BODY_ORDER = [kind.value for kind in BodyKind]


def kind_words(kinds) -> dict[str, str]:
    """A choice's words by value, translated once per page: `get_kind_display` per row
    rebuilds the field's choices each time (~70 rows: ~5 ms of the organisation page)."""
    return {value: str(label) for value, label in kinds.choices}


@dataclass
class UnitRow:
    unit: Any
    name: str  # as the unit was called on the day shown
    kind: str
    depth: int
    is_example: bool = False
    kind_label: str = ""
    heads: list = field(default_factory=list)
    responsible_post: Any = None
    responsible_people: list = field(default_factory=list)


@dataclass
class DirectorRow:
    post: Any
    holders: list
    bodies: list = field(default_factory=list)
    units: list = field(default_factory=list)
    actions: list = field(default_factory=list)


def _tree(items, parent_of, sort_key):
    """Depth-first order of items by parent; returns (item, depth) pairs."""
    children = defaultdict(list)
    ids = {id_ for id_, _ in items}
    for id_, item in items:
        parent = parent_of(item)
        children[parent if parent in ids else None].append((id_, item))
    ordered = []

    def walk(parent, depth):
        for id_, item in sorted(children[parent], key=lambda pair: sort_key(pair[1])):
            ordered.append((item, depth))
            walk(id_, depth + 1)

    walk(None, 0)
    return ordered


def organisation_on(municipality, day: dt.date, plans) -> dict:
    tenures = list(
        Tenure.objects.filter(post__municipality=municipality).select_related("person", "post")
    )
    holders = holders_on(tenures, day)
    _link_people(municipality, holders)
    posts = {post.id: post for post in Post.objects.filter(municipality=municipality)}
    units = list(Unit.objects.filter(municipality=municipality))
    changes = list(
        UnitChange.objects.filter(unit__municipality=municipality).select_related("unit")
    )
    states = unit_states_on(units, changes, day)
    bodies = _bodies_on(municipality, day, posts, holders, states)
    unit_rows = _unit_rows(day, units, states, posts, holders)
    directors = _directors(day, posts, holders, bodies, unit_rows)
    _attach_actions(municipality, day, directors, holders, plans)
    return {
        "bodies": _tree(
            [(body.id, body) for body in bodies],
            lambda body: body.parent_id,
            lambda body: (BODY_ORDER.index(body.kind), body.name),
        ),
        "units": unit_rows,
        "directors": list(directors.values()),
        "changes": _changes(
            changes, names_at_changes(units, changes), bodies_all(municipality), day
        ),
    }


def _link_people(municipality, holders: dict) -> None:
    """Each holder's page link (`person.link`), made once per person: the page links a
    person wherever they hold a post, and {% url %} per link cost ~1.5 ms of it."""
    links: dict[str, str] = {}
    for people in holders.values():
        for person in people:
            if person.slug not in links:
                links[person.slug] = reverse("portal:person", args=[municipality.slug, person.slug])
            person.link = links[person.slug]


def _bodies_on(municipality, day: dt.date, posts, holders, states) -> list:
    """The bodies that exist on the day, each with the post answering for it then and its
    holders, and its support unit's name then."""
    kinds = kind_words(BodyKind)
    bodies = [
        body
        for body in Body.objects.filter(municipality=municipality).select_related(
            "responsible_post", "support_unit"
        )
        if body.exists_on(day)
    ]
    for body in bodies:
        # A post that does not exist yet (or any more) on the day is not shown as answering.
        post = posts.get(body.responsible_post_id)
        body.post_then = post if post and _post_exists(post, day) else None
        body.holders = holders.get(body.responsible_post_id, [])
        support = states.get(body.support_unit_id)
        body.support_name = support.name if support else ""
        body.kind_label = kinds.get(body.kind, body.kind)
    return bodies


def _unit_rows(day: dt.date, units, states, posts, holders) -> list[UnitRow]:
    """The units that exist on the day as a tree, named as then, with their heads and the
    post (and people) answering for them."""
    heads = defaultdict(list)
    for post in posts.values():
        if post.leads_unit_id and _post_exists(post, day):
            heads[post.leads_unit_id].append(post)
    living = {uid: state for uid, state in states.items() if state.exists}
    unit_objects = {unit.id: unit for unit in units}
    kinds = kind_words(UnitKind)
    unit_rows = []
    for state, depth in _tree(
        list(living.items()), lambda state: state.parent_id, lambda state: state.name
    ):
        unit = unit_objects[state.unit_id]
        row = UnitRow(unit, state.name, state.kind, depth, state.is_example)
        row.kind_label = kinds.get(unit.kind, unit.kind)
        row.heads = [
            (post, holders.get(post.id, []))
            for post in heads[state.unit_id]
            if post.is_director or holders.get(post.id)
        ]
        responsible = posts.get(state.responsible_post_id)
        if responsible and _post_exists(responsible, day):
            row.responsible_post = responsible
            row.responsible_people = holders.get(responsible.id, [])
        unit_rows.append(row)
    return unit_rows


def _directors(day: dt.date, posts, holders, bodies, unit_rows) -> dict[int, DirectorRow]:
    """The director posts of the day by title, each with the bodies and units it answers for."""
    directors = {
        post.id: DirectorRow(post, holders.get(post.id, []))
        for post in sorted(posts.values(), key=lambda post: post.title)
        if post.is_director and _post_exists(post, day)
    }
    for body in bodies:
        if body.post_then and body.post_then.id in directors:
            directors[body.post_then.id].bodies.append(body)
    for row in unit_rows:
        if row.responsible_post and row.responsible_post.id in directors:
            directors[row.responsible_post.id].units.append(row)
    return directors


def bodies_all(municipality):
    return list(Body.objects.filter(municipality=municipality, valid_from__isnull=False))


def _post_exists(post, day) -> bool:
    return (post.valid_from is None or post.valid_from <= day) and (
        post.valid_to is None or day < post.valid_to
    )


def _attach_actions(municipality, day, directors, holders, plans):
    """Each director's actions on the day: those naming the post, or the person holding it."""
    person_posts = defaultdict(list)
    for post_id, people in holders.items():
        if post_id in directors:
            for person in people:
                person_posts[person.id].append(post_id)
    versions = versions_in_force(
        Action.objects.filter(plan__in=plans, plan__municipality=municipality),
        as_of(day),
        fields=["action_id", "title", "responsibilities"],
    )
    # The page shows a link and a title per action: light rows, not Action objects.
    places = Action.objects.filter(id__in=list(versions)).order_by("plan_id", "order", "id")
    for action_id, plan_slug in places.values_list("id", "plan__slug"):
        version = versions[action_id]
        action = ListedAction(
            action_id, version.title, reverse("portal:action", args=[plan_slug, action_id])
        )
        for item in version.responsibilities:
            post_ids = set()
            if item["post"] in directors:
                post_ids.add(item["post"])
            elif item["person"]:
                post_ids.update(person_posts.get(item["person"], []))
            for post_id in post_ids:
                if action not in directors[post_id].actions:
                    directors[post_id].actions.append(action)


@dataclass(frozen=True)
class ListedAction:
    id: int
    title: str
    url: str


@dataclass
class ChangeRow:
    date: dt.date
    when: str
    subject: str
    kind: str
    note: str


def _changes(changes, names, bodies, day) -> dict:
    """Every change, its unit named as it was called when the change was made."""
    kinds = kind_words(ChangeKind)
    rows = [
        ChangeRow(c.date, c.when, names[c.id], kinds.get(c.kind, c.kind), c.note) for c in changes
    ]
    rows += [
        ChangeRow(b.valid_from, swedish_day(b.valid_from), b.name, str(_("inrättas")), "")
        for b in bodies
    ]
    rows.sort(key=lambda row: (row.date, row.subject))
    return {
        "done": [row for row in rows if row.date <= day],
        "later": [row for row in rows if row.date > day],
    }


def person_on(person, day: dt.date, plans) -> dict:
    """The person's posts and what they answered for on `day`, in the given plans."""
    tenures = list(
        Tenure.objects.filter(post__municipality_id=person.municipality_id).select_related(
            "post__leads_unit", "person"
        )
    )
    own = [tenure for tenure in tenures if tenure.person_id == person.id]
    held_now = [t.post for t in own if t.covers(day)]
    units_all = list(Unit.objects.filter(municipality_id=person.municipality_id))
    changes = list(UnitChange.objects.filter(unit__municipality_id=person.municipality_id))
    post_ids = {post.id for post in held_now}
    rows = _answered_for(person, post_ids, day, plans)
    mine = [
        (row, "responsible" if any(w.person == person for w in row.responsible) else "supporting")
        for row in rows
    ]
    bodies, units = _bodies_and_units(held_now, day, units_all, changes)
    for tenure in own:
        tenure.unit_name = _unit_name_during(tenure, day, units_all, changes)
    return {
        "tenures": sorted(own, key=lambda t: t.start or dt.date.min),
        "held_now": [
            HeldPost(tenure.post, tenure.unit_name) for tenure in own if tenure.covers(day)
        ],
        "responsible_rows": [row for row, kind in mine if kind == "responsible"],
        "supporting_rows": [row for row, kind in mine if kind == "supporting"],
        "bodies": bodies,
        "units": units,
    }


def _answered_for(person, post_ids: set[int], day: dt.date, plans) -> list:
    """The rows of the actions whose responsibilities name the person, or name a post they
    hold on the day, as the actions' versions in force on the day put them."""
    versions = versions_in_force(
        Action.objects.filter(plan__in=plans, plan__municipality_id=person.municipality_id),
        as_of(day),
        fields=["action_id", "responsibilities"],
    )
    ids = [
        action_id
        for action_id, version in versions.items()
        if any(
            item["person"] == person.id or (item["person"] is None and item["post"] in post_ids)
            for item in version.responsibilities
        )
    ]
    return read_action_rows(Action.objects.filter(id__in=ids), day, person.municipality_id)


def _bodies_and_units(held_now: list, day: dt.date, units_all, changes) -> tuple[list, list]:
    """The bodies and (the names of) the units that the posts held on the day answer for."""
    bodies = [
        body
        for body in Body.objects.filter(responsible_post__in=held_now).order_by("name")
        if body.exists_on(day)
    ]
    post_ids = {post.id for post in held_now}
    states = unit_states_on(units_all, changes, day)
    units = sorted(
        example_label(state.name, state.is_example)
        for state in states.values()
        if state.exists and state.responsible_post_id in post_ids
    )
    return bodies, units


@dataclass
class HeldPost:
    post: Any
    unit_name: str  # the unit the post leads, as it was called on the day shown


def _unit_name_during(tenure, day: dt.date, units, changes) -> str:
    """The name of the unit the tenure's post leads, on the day of the tenure nearest `day`:
    a past tenure names the unit as it was called then, not as it is called today."""
    unit_id = tenure.post.leads_unit_id
    if unit_id is None:
        return ""
    then = max(day, tenure.start) if tenure.start else day
    then = min(then, tenure.end) if tenure.end else then
    return unit_states_on(units, changes, then)[unit_id].name
