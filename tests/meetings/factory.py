"""A small municipality of managers for the meeting tests, built without the demo.

stadsdirektör Sara (director)            units: Stadshuset ← Kansliet, Förnyelse
  ├ director Anna  ← Kansliet managers a1…a{n} (town hall)
  ├ director Bo    ← Skolan managers b1, b2 (not the town hall)
  └ Kim, enhetschef of Förnyelse (town hall): the coordinator
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from styr.accounts.domain import add_user
from styr.contracts.models import ManagerAssignment
from styr.meetings.models import Coordination, Meeting
from styr.org.models import Municipality, Person, Post, Tenure, Unit

START = dt.date(2015, 1, 1)
PASSWORD = "ett-langt-testlosenord"


@dataclass
class Org:
    municipality: Municipality
    units: dict[str, Unit]
    people: dict[str, Person] = field(default_factory=dict)

    def person(self, key: str) -> Person:
        return self.people[key]

    def meeting(self, day: dt.date, audience: str = "alla", **kwargs) -> Meeting:
        return Meeting.objects.create(
            municipality=self.municipality, date=day, kind="frukost", audience=audience, **kwargs
        )

    def user(self, key: str):
        name = f"{self.municipality.slug}-{key}"
        return add_user(
            name, email=f"{name}@example.org", password=PASSWORD, person=self.people[key]
        )


def small_org(managers: int = 6, slug: str = "testkommun") -> Org:
    municipality = Municipality.objects.create(name="Testkommun", slug=slug)

    def unit(key, name, parent=None):
        return Unit.objects.create(
            municipality=municipality, slug=key, name=name, kind="enhet", parent=parent
        )

    town_hall = unit("stadshuset", "Stadshuset")
    units = {
        "stadshuset": town_hall,
        "kansliet": unit("kansliet", "Kansliet", town_hall),
        "fornyelse": unit("fornyelse", "Förnyelseenheten", town_hall),
        "skolan": unit("skolan", "Skolan"),
    }
    org = Org(municipality, units)

    def person(key, name, *, unit_key, boss=None, director=False, leads=None):
        found = Person.objects.create(municipality=municipality, slug=key, name=name)
        post = None
        if director or leads:
            post = Post.objects.create(
                municipality=municipality,
                slug=f"post-{key}",
                title="direktör" if director else "enhetschef",
                is_director=director,
                leads_unit=units[leads] if leads else None,
            )
            Tenure.objects.create(post=post, person=found)
        ManagerAssignment.objects.create(
            municipality=municipality,
            person=found,
            title="direktör" if director else "enhetschef",
            unit=units[unit_key],
            post=post,
            line_manager=org.people[boss] if boss else None,
            start=START,
        )
        org.people[key] = found
        return found

    person("sara", "Sara Stadsdirektör", unit_key="stadshuset", director=True)
    person("anna", "Anna Direktör", unit_key="kansliet", boss="sara", director=True)
    person("bo", "Bo Direktör", unit_key="skolan", boss="sara", director=True)
    person("kim", "Kim Samordnare", unit_key="fornyelse", boss="sara", leads="fornyelse")
    for number in range(1, managers + 1):
        person(f"a{number}", f"Chef A{number:03}", unit_key="kansliet", boss="anna")
    person("b1", "Chef B1", unit_key="skolan", boss="bo")
    person("b2", "Chef B2", unit_key="skolan", boss="bo")
    coordination = Coordination.objects.create(municipality=municipality, unit=units["fornyelse"])
    coordination.town_hall_units.add(town_hall)
    return org
