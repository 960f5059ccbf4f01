"""The generated municipality's organisation: bodies, units, posts, people and managers.

A stadsdirektör; directors, each heading an office (kontor) that supports a nämnd; units
(enheter) under the offices and groups (grupper) under the units, each led by a post held by
a person; some renamed and some handed to another director on dated changes; a tenth of the
posts changing holder on a date. Every manager has a `ManagerAssignment` under a line
manager, and about two thirds an agreed result contract for the year. Written in bulk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from django.utils import timezone

from styr.bench.names import person_name, unit_name
from styr.bench.sizes import Size
from styr.contracts.models import (
    ContractEvent,
    ContractVersion,
    EventKind,
    ManagerAssignment,
    ResultContract,
)
from styr.lib.asof import recorded_on
from styr.org.models import Body, Municipality, Person, Post, Tenure, Unit, UnitChange

FOUNDED = dt.date(2019, 1, 1)  # when the organisation as generated starts
REORGANISED = dt.date(2024, 4, 1)  # the day of the renames, new directors and new holders
CONTRACT_YEAR = 2025
BATCH = 5000

COMMITTEES = [
    ("barn-och-utbildningsnamnden", "Barn- och utbildningsnämnden"),
    ("socialnamnden", "Socialnämnden"),
    ("aldrenamnden", "Äldrenämnden"),
    ("miljo-och-stadsbyggnadsnamnden", "Miljö- och stadsbyggnadsnämnden"),
    ("kultur-och-fritidsnamnden", "Kultur- och fritidsnämnden"),
    ("tekniska-namnden", "Tekniska nämnden"),
    ("arbetsmarknadsnamnden", "Arbetsmarknadsnämnden"),
    ("fastighetsnamnden", "Fastighetsnämnden"),
    ("overformyndarnamnden", "Överförmyndarnämnden"),
    ("valnamnden", "Valnämnden"),
    ("krisledningsnamnden", "Krisledningsnämnden"),
]


@dataclasses.dataclass
class Organisation:
    municipality: Municipality
    council: Body
    executive: Body
    committees: list[Body]
    units: list[Unit]
    heads: dict[int, tuple[Post, Person]]  # unit id → the post leading it and its holder
    managers: list[Person]


def build_organisation(municipality: Municipality, size: Size, rng: random.Random) -> Organisation:
    council = Body.objects.create(
        municipality=municipality, slug="kf", name="Kommunfullmäktige", kind="fullmaktige"
    )
    executive = Body.objects.create(
        municipality=municipality,
        slug="ks",
        name="Kommunstyrelsen",
        kind="styrelse",
        parent=council,
    )
    units = _units(municipality, size)
    people = Person.objects.bulk_create(
        (
            Person(
                municipality=municipality,
                name=person_name(n),
                slug=f"person-{n}",
                email=f"person-{n}@{municipality.slug}.example",
                employee_number=f"{100000 + n}",
            )
            for n in range(size.managers + size.units // 10 + 1)
        ),
        batch_size=BATCH,
    )
    managers, newcomers = people[: size.managers], people[size.managers :]
    heads = _posts(municipality, units, managers, newcomers, rng)
    committees = _bodies(municipality, size, council, units, heads)
    _changes(units, heads, size, rng)
    _assignments(municipality, units, heads, managers, rng)
    return Organisation(municipality, council, executive, committees, units, heads, managers)


def _units(municipality: Municipality, size: Size) -> list[Unit]:
    """Offices first (one per director), then units under the offices and groups under the
    units, every one with a name of its own."""
    offices = size.directors
    middle = max(0, (size.units - offices) // 3)
    kinds = ["kontor"] * offices + ["enhet"] * middle
    kinds += ["grupp"] * (size.units - len(kinds))
    rows = Unit.objects.bulk_create(
        (
            Unit(municipality=municipality, slug=f"enhet-{n}", name=unit_name(n, kind), kind=kind)
            for n, kind in enumerate(kinds)
        ),
        batch_size=BATCH,
    )
    for n, unit in enumerate(rows):
        if n >= offices + middle:
            k = n - offices - middle
            unit.parent = rows[offices + k % middle] if middle else rows[k % offices]
        elif n >= offices:
            unit.parent = rows[(n - offices) % offices]
    Unit.objects.bulk_update([u for u in rows if u.parent], ["parent"], batch_size=BATCH)
    return rows


def _posts(municipality, units, managers, newcomers, rng) -> dict[int, tuple[Post, Person]]:
    """A post leading each unit (the offices' posts are directors'), held since the start; a
    tenth of them pass to a newcomer on the day of the reorganisation."""
    posts = Post.objects.bulk_create(
        (
            Post(
                municipality=municipality,
                slug=f"chef-{unit.slug}",
                title=f"{_head_title(unit.kind)}, {unit.name}",
                is_director=unit.kind == "kontor",
                leads_unit=unit,
                valid_from=FOUNDED,
            )
            for unit in units
        ),
        batch_size=BATCH,
    )
    # managers[0] is the stadsdirektör; the next ones head the units in order.
    holders = managers[1 : len(units) + 1]
    tenures, heads = [], {}
    changing = set(rng.sample(range(len(posts)), min(len(newcomers), len(posts) // 10)))
    taking_over = iter(newcomers)
    for n, (unit, post, person) in enumerate(zip(units, posts, holders, strict=True)):
        if n in changing:
            newcomer = next(taking_over)
            day_before = REORGANISED - dt.timedelta(days=1)
            tenures.append(Tenure(post=post, person=person, start=FOUNDED, end=day_before))
            tenures.append(Tenure(post=post, person=newcomer, start=REORGANISED))
            heads[unit.id] = (post, newcomer)
        else:
            tenures.append(Tenure(post=post, person=person, start=FOUNDED))
            heads[unit.id] = (post, person)
    top = Post.objects.create(
        municipality=municipality,
        slug="stadsdirektor",
        title="Stadsdirektör",
        is_director=True,
        valid_from=FOUNDED,
    )
    tenures.append(Tenure(post=top, person=managers[0], start=FOUNDED))
    Tenure.objects.bulk_create(tenures, batch_size=BATCH)
    offices = [u for u in units if u.kind == "kontor"]
    for unit in offices:
        unit.responsible_post = heads[unit.id][0]
    Unit.objects.bulk_update(offices, ["responsible_post"])
    return heads


def _head_title(kind: str) -> str:
    return {"kontor": "Direktör", "enhet": "Enhetschef"}.get(kind, "Gruppchef")


def _bodies(municipality, size, council, units, heads) -> list[Body]:
    """The nämnder, each supported by an office and answered for by its director."""
    offices = [u for u in units if u.kind == "kontor"]
    count = min(len(COMMITTEES), max(2, size.directors))
    return Body.objects.bulk_create(
        Body(
            municipality=municipality,
            slug=slug,
            name=name,
            kind="namnd",
            parent=council,
            valid_from=FOUNDED,
            support_unit=offices[n % len(offices)],
            responsible_post=heads[offices[n % len(offices)].id][0],
            remit=f"{name} ansvarar för kommunens verksamhet inom sitt område.",
        )
        for n, (slug, name) in enumerate(COMMITTEES[:count])
    )


def _changes(units, heads, size, rng) -> None:
    """A twentieth of the units renamed on the day of the reorganisation, and a few units
    moved to another office, so that pages as of a past day differ from today's."""
    offices = [u for u in units if u.kind == "kontor"]
    rows = []
    for unit in rng.sample(units, max(1, len(units) // 20)):
        rows.append(
            UnitChange(
                unit=unit,
                date=REORGANISED,
                kind="rename",
                new_name=f"{unit.name} (ny)",
                note="Nytt namn efter omorganisationen.",
            )
        )
    for unit in [u for u in units if u.kind == "enhet"][: max(0, size.units // 50)]:
        target = offices[(offices.index(unit.parent) + 1) % len(offices)]
        if target.id != unit.parent_id:
            rows.append(
                UnitChange(
                    unit=unit,
                    date=REORGANISED,
                    kind="move",
                    new_parent=target,
                    note=f"Flyttas till {target.name}.",
                )
            )
    UnitChange.objects.bulk_create(rows, batch_size=BATCH)


def _assignments(municipality, units, heads, managers, rng) -> None:
    """Every manager in the HR line: unit heads under the head of the unit above, the others
    (gruppledare, biträdande chefer) under the head of a unit; contracts for the year."""
    start = FOUNDED
    boss_of: dict[int, Person | None] = {managers[0].id: None}
    rows = [
        ManagerAssignment(
            municipality=municipality,
            person=managers[0],
            title="Stadsdirektör",
            unit=units[0],  # the first office, Stadsledningskontoret
            start=start,
        )
    ]
    by_id = {u.id: u for u in units}
    staff = {p.id for p in managers}
    for unit in units:
        post, person = heads[unit.id]
        parent = by_id.get(unit.parent_id)
        boss = heads[parent.id][1] if parent else managers[0]
        if person.id in boss_of or boss.id == person.id:
            continue
        boss_of[person.id] = boss
        rows.append(
            ManagerAssignment(
                municipality=municipality,
                person=person,
                title=post.title,
                unit=unit,
                post=post,
                line_manager=boss,
                start=start if person.id in staff else REORGANISED,
            )
        )
    for person in managers:
        if person.id in boss_of:
            continue
        unit = rng.choice(units)
        boss = heads[unit.id][1]
        boss_of[person.id] = boss
        rows.append(
            ManagerAssignment(
                municipality=municipality,
                person=person,
                title="Biträdande chef",
                unit=unit,
                line_manager=boss,
                start=start,
            )
        )
    ManagerAssignment.objects.bulk_create(rows, batch_size=BATCH)
    _contracts(municipality, [(r.person, r.line_manager) for r in rows if r.line_manager], rng)


def _contracts(municipality, pairs, rng) -> None:
    signed = [(person, boss) for person, boss in pairs if rng.random() < 2 / 3]
    contracts = ResultContract.objects.bulk_create(
        (
            ResultContract(municipality=municipality, manager=p, line_manager=b, year=CONTRACT_YEAR)
            for p, b in signed
        ),
        batch_size=BATCH,
    )
    written = recorded_on(dt.date(CONTRACT_YEAR, 2, 1), timezone.get_current_timezone())
    versions = ContractVersion.objects.bulk_create(
        (
            ContractVersion(
                contract=c,
                number=1,
                summary="Uppdrag och inriktning för året enligt nämndens mål.",
                written_by=c.line_manager,
                recorded_at=written,
            )
            for c in contracts
        ),
        batch_size=BATCH,
    )
    day = dt.date(CONTRACT_YEAR, 2, 15)
    known = recorded_on(day, timezone.get_current_timezone())
    ContractEvent.objects.bulk_create(
        (
            ContractEvent(contract=c, kind=kind, version=v, on=day, person=who, recorded_at=known)
            for c, v in zip(contracts, versions, strict=True)
            for kind, who in ((EventKind.WRITTEN, c.line_manager), (EventKind.AGREED, c.manager))
        ),
        batch_size=BATCH,
    )
