"""An indicator's values on the public pages: each unit written once and readably, each source
named once."""

import pytest

from styr.goals.chart import Chart, ChartSeries, describe, render_chart
from tests import html
from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

BRP = "/nacka/indikatorer/brp-per-invanare/"


def test_kolada_values_in_thousands_of_kronor_read_as_tkr(client, demo):
    page = html.parse(client.get(BRP))
    # Göteborg's BRP for 2012 in the bundled Kolada file is 524 (1000 kr per inhabitant).
    assert "524 tkr/invånare" in html.row(page, "2012")
    assert kolada_facts(page)["Enhet"] == "tkr/invånare"
    # The name Kolada gives the indicator (in the caption) may say "1000 kr"; values never do.
    assert not [cell for cell in html.texts(page, "//table//td") if "1000 kr" in cell]


def test_the_chart_and_its_text_alternative_use_the_same_unit_words():
    chart = Chart(
        title="BRP",
        periods=("2015", "2016"),
        series=(ChartSeries("Nacka", (500.0, 524.0), emphasis=True),),
        unit="1000 kr/invånare",
        decimals=0,
    )
    assert "senaste värde 524\u00a0tkr/invånare (2016)" in describe(chart)
    svg = render_chart(chart)
    assert ">tkr/invånare</text>" in svg
    assert "1000 kr" not in svg


def test_the_source_of_a_kolada_indicator_is_named_once(client, demo):
    source = kolada_facts(html.parse(client.get(BRP)))["Källa"]
    assert source.startswith("Kolada, nyckeltal N03702")
    assert "Källa" not in source


def kolada_facts(page) -> dict[str, str]:
    """The indicator's facts (unit, direction, period, source) as the page lists them."""
    (facts,) = [dl for dl in page.xpath("//dl") if "Källa" in html.facts(dl)]
    return html.facts(facts)
