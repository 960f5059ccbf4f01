"""A small municipality for the import and page tests, and a writer for answer files."""

import datetime as dt

import pytest

from styr.engagement.hme import STATEMENTS
from styr.org.models import Municipality, Unit, UnitChange

HEADER = ["id", "enhet", *(s.field for s in STATEMENTS)]


@pytest.fixture
def town(db) -> Municipality:
    """Testby: three units; "Gamla enheten" was renamed "Nya enheten" on 1 January 2015."""
    town = Municipality.objects.create(name="Testby kommun", slug="testby", kolada_id="9999")
    office = Unit.objects.create(municipality=town, slug="kontoret", name="Kontoret", kind="kontor")
    Unit.objects.create(
        municipality=town, slug="skolan", name="Skolenheten", kind="enhet", parent=office
    )
    renamed = Unit.objects.create(
        municipality=town, slug="nya", name="Gamla enheten", kind="enhet", parent=office
    )
    UnitChange.objects.create(
        unit=renamed,
        date=dt.date(2015, 1, 1),
        kind="rename",
        new_name="Nya enheten",
        note="Byter namn.",
    )
    return town


def write_answers(path, rows, header=HEADER, delimiter=";"):
    """Write rows of (unit, answers…) with a running respondent id; answers None -> empty."""
    lines = [delimiter.join(header)]
    for number, (unit, *answers) in enumerate(rows, start=1):
        cells = ["" if a is None else str(a) for a in answers]
        lines.append(delimiter.join([str(number), unit, *cells]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows_for(unit, answers, times):
    return [(unit, *answers)] * times
