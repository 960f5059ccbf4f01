"""A small municipality of its own for the managers' tests: the demo has managers already."""

import pytest

from styr.org.models import Municipality, Person, Post, Tenure, Unit

DIRECTORS = [
    ("lena-dahlstedt", "Lena Dahlstedt", "stadsdirektör"),
    ("mats-bohman", "Mats Bohman", "administrativ direktör"),
    ("dag-bjorklund", "Dag Björklund", "natur- och trafikdirektör"),
]
UNITS = ["Stadsledningskontoret", "Kontaktcenter", "Serviceenheten", "Lokalenheten"]


@pytest.fixture
def town(db) -> Municipality:
    """Exempelby: three directors (posts held without dates) and four units, no managers."""
    town = Municipality.objects.create(name="Exempelby kommun", slug="exempelby")
    for name in UNITS:
        Unit.objects.create(municipality=town, slug=name.lower(), name=name, kind="enhet")
    for slug, name, title in DIRECTORS:
        person = Person.objects.create(municipality=town, slug=slug, name=name)
        post = Post.objects.create(municipality=town, slug=slug, title=title, is_director=True)
        Tenure.objects.create(post=post, person=person)
    return town
