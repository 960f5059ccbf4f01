"""The comparison picker on a Kolada indicator's page, as a plain form (no JavaScript)."""

import re

import pytest

from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

PAGE = "/nacka/indikatorer/vab-man/"


def checked(html: str) -> list[str]:
    return re.findall(r'name="jamfor" value="(\d{4})" checked', html)


def test_municipalities_are_offered_per_county_as_checkboxes_with_the_same_parameter(client, demo):
    html = client.get(f"{PAGE}?jamforelse=1").content.decode()
    counties = re.findall(r"<summary>([^<]+?) <span", html)
    assert counties[:3] == ["Riket och regioner", "Stockholms län", "Uppsala län"]
    assert len(counties) == 22
    assert html.count('type="checkbox" name="jamfor"') == 311  # all of Kolada's but Nacka
    assert 'value="0182"' not in html
    assert checked(html) == [] and "Inga kommuner valda." in html


def test_the_choice_is_kept_and_its_counties_are_open_after_submitting(client, demo):
    html = client.get(f"{PAGE}?jamforelse=1&jamfor=1480&jamfor=2584").content.decode()
    assert checked(html) == ["1480", "2584"]
    assert "Valda: Göteborg, Kiruna" in html
    open_counties = re.findall(r"<details open>\s*<summary>([^<]+?) <span", html)
    assert open_counties == ["Västra Götalands län", "Norrbottens län"]
    # The search box is for the script to show: without it the page has no dead control.
    assert '<p class="picker-search" hidden>' in html
    assert 'src="/static/goals/compare.js"' in html
