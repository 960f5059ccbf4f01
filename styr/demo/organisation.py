"""The organisation sections of a demo file: the municipality, people, units, posts, bodies
and the dated changes of units. Read first by `styr.demo.loader`, in the same transaction;
the tables of keys it builds (people, posts, units, bodies) are what every later section
refers to.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from styr.demo.reader import Node, Reader
from styr.org.history import created_on
from styr.org.models import (
    Body,
    BodyKind,
    ChangeKind,
    Municipality,
    Person,
    PersonAlias,
    Post,
    Precision,
    Tenure,
    Unit,
    UnitChange,
    UnitKind,
    post_before_unit,
)


def _changes_by_unit(changes) -> dict[int, list]:
    by_unit: dict[int, list] = {}
    for change in changes:
        by_unit.setdefault(change.unit_id, []).append(change)
    return by_unit


class OrganisationSections:
    def __init__(self, reader: Reader):
        self.r = reader
        self.people: dict[str, Person] = {}
        self.posts: dict[str, Post] = {}
        self.units: dict[str, Unit] = {}
        self.bodies: dict[str, Body] = {}

    def load(self, data: Node) -> Municipality:
        r = self.r
        node = r.mapping(data["municipality"], "municipality", {"name", "slug"}, {"kolada_id"})
        self.municipality = r.save(
            node,
            Municipality(
                name=r.text(node, "name"),
                slug=r.text(node, "slug"),
                kolada_id=r.text(node, "kolada_id", required=False),
            ),
        )
        for node in r.items(data, "people", "people"):
            self.person(node)
        units = r.items(data, "units", "units")
        for node in units:
            self.unit(node)
        for node in r.items(data, "posts", "posts"):
            self.post(node)
        for node in units:
            self.unit_links(node)
        bodies = r.items(data, "bodies", "bodies")
        for node in bodies:
            self.body(node)
        for node in bodies:
            if node.get("parent") is not None:
                body = self.bodies[node["key"]]
                body.parent = r.ref(node, "parent", self.bodies, "body")
                r.save(node, body)
        for node in r.items(data, "org_changes", "org_changes"):
            self.change(node)
        self.check_posts_against_units(data)
        return self.municipality

    def key(self, node: Node, table: dict, kind: str) -> str:
        key = self.r.text(node, "key")
        if key in table:
            self.r.fail(node, f"{kind} key {key!r} is used twice", "key")
        return key

    def person(self, node: Node):
        r = self.r
        r.mapping(node, "a person", {"key", "name"}, {"aliases"})
        key = self.key(node, self.people, "person")
        person = r.save(
            node, Person(municipality=self.municipality, slug=key, name=r.text(node, "name"))
        )
        for alias in r.items(node, "aliases", "a person"):
            if not isinstance(alias, str) or not alias.strip():
                r.fail(node, "aliases must be names")
            r.save(node, PersonAlias(person=person, name=alias.strip()))
        self.people[key] = person

    def unit(self, node: Node):
        r = self.r
        r.mapping(
            node, "a unit", {"key", "name", "kind"}, {"parent", "responsible_post", "example"}
        )
        key = self.key(node, self.units, "unit")
        self.units[key] = r.save(
            node,
            Unit(
                municipality=self.municipality,
                slug=key,
                name=r.text(node, "name"),
                kind=r.choice(node, "kind", UnitKind),
                is_example=r.flag(node, "example"),
            ),
        )

    def unit_links(self, node: Node):
        unit = self.units[node["key"]]
        unit.parent = self.r.ref(node, "parent", self.units, "unit")
        unit.responsible_post = self.r.ref(node, "responsible_post", self.posts, "post")
        self.r.save(node, unit)

    def post(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "a post",
            {"key", "title"},
            {"director", "leads_unit", "valid_from", "valid_to", "holders", "example"},
        )
        key = self.key(node, self.posts, "post")
        post = r.save(
            node,
            Post(
                municipality=self.municipality,
                slug=key,
                title=r.text(node, "title"),
                is_director=r.flag(node, "director"),
                is_example=r.flag(node, "example"),
                leads_unit=r.ref(node, "leads_unit", self.units, "unit"),
                valid_from=r.date(node, "valid_from"),
                valid_to=r.date(node, "valid_to"),
            ),
        )
        for holder in r.items(node, "holders", "a post"):
            r.mapping(holder, "a holder", {"person"}, {"start", "end", "note", "example"})
            r.save(
                holder,
                Tenure(
                    post=post,
                    person=r.ref(holder, "person", self.people, "person"),
                    start=r.date(holder, "start"),
                    end=r.date(holder, "end"),
                    note=r.text(holder, "note", required=False),
                    is_example=r.flag(holder, "example"),
                ),
            )
        self.posts[key] = post

    def body(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "a body",
            {"key", "name", "kind"},
            {
                "parent",
                "valid_from",
                "valid_to",
                "responsible_post",
                "support_unit",
                "support_fte",
                "remit",
            },
        )
        key = self.key(node, self.bodies, "body")
        fte = node.get("support_fte")
        if fte is not None:
            try:
                fte = Decimal(str(fte))
            except InvalidOperation:
                r.fail(node, f"support_fte: {fte!r} is not a number", "support_fte")
        self.bodies[key] = r.save(
            node,
            Body(
                municipality=self.municipality,
                slug=key,
                name=r.text(node, "name"),
                kind=r.choice(node, "kind", BodyKind),
                valid_from=r.date(node, "valid_from"),
                valid_to=r.date(node, "valid_to"),
                responsible_post=r.ref(node, "responsible_post", self.posts, "post"),
                support_unit=r.ref(node, "support_unit", self.units, "unit"),
                support_fte=fte,
                remit=r.text(node, "remit", required=False),
            ),
        )

    def check_posts_against_units(self, data: Node):
        """No post starts before the unit it leads exists (known once the changes are in)."""
        created = {
            unit_id: created_on(changes)
            for unit_id, changes in _changes_by_unit(
                UnitChange.objects.filter(unit__municipality=self.municipality)
            ).items()
        }
        for node in self.r.items(data, "posts", "posts"):
            post = self.posts[node["key"]]
            if post.leads_unit_id is None:
                continue
            problem = post_before_unit(post, post.leads_unit, created.get(post.leads_unit_id))
            if problem:
                self.r.fail(node, f"post {node['key']!r}: {problem}", "valid_from")

    def change(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "an organisational change",
            {"date", "kind", "unit", "note"},
            {"precision", "new_name", "new_parent", "new_responsible_post", "counterpart"},
        )
        kind = r.choice(node, "kind", ChangeKind)
        needs = {"rename": "new_name", "move": "new_parent", "reassign": "new_responsible_post"}
        if kind in needs and node.get(needs[kind]) is None:
            r.fail(node, f"a {kind} needs {needs[kind]}", "kind")
        r.save(
            node,
            UnitChange(
                unit=r.ref(node, "unit", self.units, "unit"),
                date=r.date(node, "date", required=True),
                precision=r.choice(node, "precision", Precision, default="day"),
                kind=kind,
                new_name=r.text(node, "new_name", required=False),
                new_parent=r.ref(node, "new_parent", self.units, "unit"),
                new_responsible_post=r.ref(node, "new_responsible_post", self.posts, "post"),
                counterpart=r.ref(node, "counterpart", self.units, "unit"),
                note=r.text(node, "note"),
            ),
        )
