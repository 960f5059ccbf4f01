"""An indicator's values on the public pages: each unit written once and readably, each source
named once."""

import re

import pytest

from styr.goals.chart import Chart, ChartSeries, describe, render_chart
from tests.conftest import demo_once
from tests.goals.test_pages import row_of, text_of

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

BRP = "/nacka/indikatorer/brp-per-invanare/"


def test_kolada_values_in_thousands_of_kronor_read_as_tkr(client, demo):
    response = client.get(BRP)
    # Göteborg's BRP for 2012 in the bundled Kolada file is 524 (1000 kr per inhabitant).
    row = row_of(response, ">2012<")
    assert "524 tkr/invånare" in row  # row_of collapses the no-break space
    page = text_of(response)
    assert "1000 kr/invånare" not in page.replace("(BRP), 1000 kr/invånare", "")
    assert "Enhet tkr/invånare" in page


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
    page = text_of(client.get(BRP))
    assert "Källa: Källa" not in page
    assert "Källa Källa" not in page
    assert re.search(r"Källa Kolada, nyckeltal N03702", page)
