"""A generated line of managers with contracts, for the benchmark and the cost tests.

`build_line(managers=3000, directors=40)` makes a municipality of its own: a stadsdirektör,
`directors` directors (posts held), and the other managers in three levels under them
(enhetschefer under a director, gruppchefer under an enhetschef), every one a
`ManagerAssignment` from the year's first day; about two thirds with an agreed contract for
the year. Written in bulk: thousands of rows in a second.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from styr.contracts.models import (
    ContractEvent,
    ContractVersion,
    EventKind,
    ManagerAssignment,
    ResultContract,
)
from styr.lib.asof import recorded_on
from styr.org.models import Municipality, Person, Post, Tenure, Unit


def build_line(
    *, managers: int = 3000, directors: int = 40, year: int = 2015, slug: str = "linjeby"
) -> Municipality:
    rng = random.Random(14)
    town = Municipality.objects.create(name=f"{slug.title()} kommun", slug=slug)
    unit = Unit.objects.create(municipality=town, slug="kontoret", name="Kontoret", kind="kontor")
    people = Person.objects.bulk_create(
        Person(municipality=town, name=f"Chef {n:05d}", slug=f"chef-{n}") for n in range(managers)
    )
    top, heads = people[0], people[1 : directors + 1]
    posts = Post.objects.bulk_create(
        Post(municipality=town, slug=f"direktor-{n}", title="direktör", is_director=True)
        for n in range(directors + 1)
    )
    Tenure.objects.bulk_create(
        Tenure(post=post, person=person) for post, person in zip(posts, [top, *heads], strict=True)
    )
    start = dt.date(year, 1, 1)
    bosses: dict[int, Person | None] = {top.id: None}
    for head in heads:
        bosses[head.id] = top
    rest = people[directors + 1 :]
    unit_heads = rest[: len(rest) // 3]
    for person in unit_heads:
        bosses[person.id] = rng.choice(heads)
    for person in rest[len(rest) // 3 :]:
        bosses[person.id] = rng.choice(unit_heads or heads)
    ManagerAssignment.objects.bulk_create(
        ManagerAssignment(
            municipality=town,
            person=person,
            title="chef",
            unit=unit,
            line_manager=bosses[person.id],
            start=start,
        )
        for person in people
    )
    signed = [p for p in people[1:] if rng.random() < 2 / 3]
    contracts = ResultContract.objects.bulk_create(
        ResultContract(municipality=town, manager=p, line_manager=bosses[p.id], year=year)
        for p in signed
    )
    versions = ContractVersion.objects.bulk_create(
        ContractVersion(contract=c, number=1, written_by=c.line_manager) for c in contracts
    )
    day = dt.date(year, 11, 1)
    known = recorded_on(day, timezone.get_current_timezone())
    ContractEvent.objects.bulk_create(
        ContractEvent(contract=c, kind=kind, version=v, on=day, person=who, recorded_at=known)
        for c, v in zip(contracts, versions, strict=True)
        for kind, who in ((EventKind.WRITTEN, c.line_manager), (EventKind.AGREED, c.manager))
    )
    return town
