"""No post starts before the unit it leads exists, and no tenure before its post."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from styr.demo.loader import DEMO_FILE, DemoError, load_file
from styr.org.models import Municipality, Person, Post, Tenure, Unit, UnitChange

NEW_YEAR = dt.date(2015, 1, 1)
HEAD = "  - key: enhetschef-strategisk-stadsutveckling\n"


@pytest.fixture
def new_unit(db) -> Unit:
    nacka = Municipality.objects.create(name="Nacka kommun", slug="nacka")
    unit = Unit.objects.create(
        municipality=nacka, slug="strategisk", name="Enheten för strategisk stadsutveckling"
    )
    UnitChange.objects.create(unit=unit, date=NEW_YEAR, kind="create", note="Inrättas.")
    return unit


def test_a_post_starting_before_its_unit_is_refused_with_both_named(new_unit):
    post = Post(
        municipality=new_unit.municipality,
        slug="chef",
        title="enhetschef",
        leads_unit=new_unit,
        valid_from=dt.date(2014, 12, 1),
    )
    with pytest.raises(ValidationError) as raised:
        post.full_clean()
    assert raised.value.message_dict["valid_from"] == [
        "Tjänsten enhetschef (1 december 2014) leder Enheten för strategisk stadsutveckling, "
        "som inrättas först 1 januari 2015: en tjänst kan inte börja före sin enhet."
    ]
    post.valid_from = NEW_YEAR
    post.full_clean()


def test_a_tenure_starting_before_its_post_is_refused(new_unit):
    post = Post.objects.create(
        municipality=new_unit.municipality,
        slug="chef",
        title="enhetschef",
        leads_unit=new_unit,
        valid_from=NEW_YEAR,
    )
    person = Person.objects.create(
        municipality=new_unit.municipality, name="Andreas Totschnig", slug="andreas-totschnig"
    )
    for start in (None, dt.date(2014, 12, 31)):
        with pytest.raises(ValidationError) as raised:
            Tenure(post=post, person=person, start=start).full_clean()
        assert raised.value.message_dict["start"] == [
            "Tjänsten enhetschef inrättas 1 januari 2015; innehavet kan inte börja före det."
        ]
    Tenure(post=post, person=person, start=NEW_YEAR).full_clean()


@pytest.mark.django_db
def test_demo_file_with_a_post_before_its_unit_is_refused_at_the_post(tmp_path):
    lines = DEMO_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index(HEAD)
    valid_from = next(i for i in range(at, at + 8) if "valid_from: 2015-01-01" in lines[i])
    lines[valid_from] = lines[valid_from].replace("2015-01-01", "null")
    holder_start = next(i for i in range(at, at + 14) if "start: 2015-01-01" in lines[i])
    lines[holder_start] = lines[holder_start].replace("2015-01-01", "null")
    path = tmp_path / "bad.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DemoError) as raised:
        load_file(path, generated=False)
    assert raised.value.line == valid_from + 1
    assert raised.value.message == (
        "post 'enhetschef-strategisk-stadsutveckling': Tjänsten enhetschef (utan startdatum) "
        "leder Enheten för strategisk stadsutveckling, som inrättas först 1 januari 2015: "
        "en tjänst kan inte börja före sin enhet."
    )
    assert not Municipality.objects.exists()
