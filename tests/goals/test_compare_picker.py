"""The comparison picker on a Kolada indicator's page, as a plain form (no JavaScript)."""

import pytest

from tests import html
from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

PAGE = "/nacka/indikatorer/vab-man/"
PICKER = "//fieldset[@class='picker']"
BOXES = PICKER + "//input[@type='checkbox'][@name='jamfor']"


def checked(page) -> list[str]:
    return page.xpath(BOXES + "[@checked]/@value")


def counties(page, *, only_open: bool = False) -> list[str]:
    """The counties' names, as their <summary> says them (without the count after them)."""
    details = PICKER + "//details" + ("[@open]" if only_open else "")
    return [summary.text.strip() for summary in page.xpath(details + "/summary")]


def test_municipalities_are_offered_per_county_as_checkboxes_with_the_same_parameter(client, demo):
    page = html.parse(client.get(PAGE, {"jamforelse": "1"}))
    assert counties(page)[:3] == ["Riket och regioner", "Stockholms län", "Uppsala län"]
    assert len(counties(page)) == 22
    values = page.xpath(BOXES + "/@value")
    assert len(values) == 311  # all of Kolada's but Nacka
    assert "0182" not in values
    assert checked(page) == []
    assert html.text(page, PICKER + "/p[@class='picker-chosen']") == "Inga kommuner valda."


def test_the_choice_is_kept_and_its_counties_are_open_after_submitting(client, demo):
    query = {"jamforelse": "1", "jamfor": ["1480", "2584"]}
    page = html.parse(client.get(PAGE, query))
    assert checked(page) == ["1480", "2584"]
    assert html.text(page, PICKER + "/p[@class='picker-chosen']") == "Valda: Göteborg, Kiruna"
    assert counties(page, only_open=True) == ["Västra Götalands län", "Norrbottens län"]
    # The search box is for the script to show: without it the page has no dead control.
    assert page.xpath(PICKER + "/p[@class='picker-search']/@hidden") == [""]
    assert page.xpath("//script/@src") == ["/static/goals/compare.js"]
