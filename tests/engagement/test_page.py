"""The public HME page: indices with a decimal comma, suppression in words, constant queries."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.engagement.domain import import_survey
from styr.engagement.generate import load_demo_survey
from styr.engagement.queries import unit_results
from tests import html
from tests.engagement.conftest import rows_for, write_answers

SUPPRESSED = "Visas inte (färre än 10 svar)"


def shown(value: float) -> str:
    """As the page shows it: one decimal, rounded half up, with a decimal comma."""
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", ",")


def unit_row(page, name: str) -> list[str]:
    """The cells after the unit's name in the table of indices per unit."""
    (table,) = page.xpath("//section[@aria-labelledby='per-enhet']")
    return html.row(table, name)[1:]


def statement_row(page, statement: str) -> list[str]:
    """The cells after the statement in the municipality's table of indices per statement."""
    (table,) = page.xpath("//section[@aria-labelledby='per-pastaende']/div[@class='table-scroll']")
    return html.row(table, statement)[1:]


def chosen_year(page) -> list[str]:
    return page.xpath("//select[@name='ar']/option[@selected]/@value")


UNIT_TABLES = "//section[@aria-labelledby='per-pastaende']//details/summary"


def load(town, tmp_path, year, rows, **kwargs):
    path = write_answers(tmp_path / f"hme{year}.csv", rows)
    return import_survey(town, path, year=year, **kwargs).survey


@pytest.fixture
def demo_survey(demo):
    return load_demo_survey(demo, year=2015).survey


def test_demo_page_shows_unit_totals_with_a_decimal_comma(client, demo_survey):
    page = html.parse(client.get("/nacka/medarbetarengagemang/?ar=2015"))
    assert html.text(page, "//h1") == "Hållbart medarbetarengagemang (HME)"
    assert (
        html.text(page, "//p[@role='note']/strong") == "Svaren är genererade exempeldata i demon."
    )
    results = unit_results(demo_survey)
    shown_units = [row for row in results.units if not row.result.suppressed]
    assert len(shown_units) >= 10
    for row in shown_units:
        cells = unit_row(page, row.name)
        result = row.result
        assert cells == [
            str(result.respondents),
            shown(result.total),
            shown(result.motivation),
            shown(result.leadership),
            shown(result.governance),
        ]
        assert "," in cells[1]
    assert unit_row(page, "Hela kommunen")[1] == shown(results.municipality.total)


def test_a_unit_with_fewer_than_ten_answers_shows_the_words_and_no_number(client, demo_survey):
    page = html.parse(client.get("/nacka/medarbetarengagemang/?ar=2015"))
    # One cell across the five columns, in words, and no number.
    assert unit_row(page, "Mottagningsgruppen för ekonomiskt bistånd") == [SUPPRESSED]
    # Nor are its nine statements shown anywhere.
    assert "Mottagningsgruppen för ekonomiskt bistånd" not in html.texts(page, UNIT_TABLES)


def test_item_indices_are_shown_for_the_municipality_and_per_unit(client, town, tmp_path):
    load(
        town,
        tmp_path,
        2015,
        rows_for("Skolenheten", [5, 4, 3, 4, 4, 4, 3, 3, 3], 7)
        + rows_for("Skolenheten", [4, 4, 3, 4, 4, 4, 3, 3, 3], 4),
    )
    response = client.get("/testby/medarbetarengagemang/")
    page = html.parse(response)
    # Statement 1: seven answered 5 and four answered 4: (700 + 300) / 11 = 90,909…
    statement = statement_row(page, "1. Mitt arbete känns meningsfullt.")
    assert statement == ["Motivation", "11", "90,9"]
    assert html.texts(page, UNIT_TABLES) == ["Skolenheten"]
    assert "Svaren är genererade exempeldata" not in response.content.decode()


def test_default_year_is_the_latest_and_the_year_can_be_chosen(client, town, tmp_path):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [3] * 9, 10), title="Enkät 2015")
    load(town, tmp_path, 2016, rows_for("Skolenheten", [5] * 9, 10), title="Enkät 2016")
    page = html.parse(client.get("/testby/medarbetarengagemang/"))
    assert html.text(page, "//p[@class='lead']").startswith("Enkät 2016")
    assert unit_row(page, "Skolenheten")[1] == "100,0"
    assert chosen_year(page) == ["2016"]
    page = html.parse(client.get("/testby/medarbetarengagemang/?ar=2015"))
    assert html.text(page, "//p[@class='lead']").startswith("Enkät 2015")
    assert unit_row(page, "Skolenheten")[1] == "50,0"
    assert chosen_year(page) == ["2015"]


def test_no_survey_gets_a_friendly_message(client, town):
    page = html.parse(client.get("/testby/medarbetarengagemang/"))
    assert html.messages(page) == ["Testby kommun har ingen medarbetarenkät (HME) inläst ännu."]


def test_a_year_without_survey_is_404_with_a_message(client, town, tmp_path):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [3] * 9, 10))
    page = html.parse(client.get("/testby/medarbetarengagemang/?ar=2013"), status=404)
    assert html.messages(page) == [
        "Det finns ingen medarbetarenkät (HME) för 2013. Välj ett annat år ovan."
    ]


@pytest.mark.parametrize("value", ["abc", "20150", "1800", "2015.5"])
def test_a_bad_year_is_400_naming_it(client, town, value):
    page = html.parse(client.get(f"/testby/medarbetarengagemang/?ar={value}"), status=400)
    (alert,) = html.alerts(page)
    assert alert.startswith(
        f"Ogiltigt år ”{value}” för ar. Ange året med fyra siffror, mellan 1950 och 2100"
    )


def test_unknown_municipality_is_404(client, town):
    assert client.get("/nowhere/medarbetarengagemang/").status_code == 404


def test_page_runs_the_same_queries_for_small_and_large_surveys(client, town, tmp_path):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [4] * 9, 10))
    load(
        town,
        tmp_path,
        2016,
        rows_for("Skolenheten", [4] * 9, 250)
        + rows_for("Kontoret", [3] * 9, 150)
        + rows_for("Nya enheten", [5] * 9, 5),
    )
    counts = []
    for year in (2015, 2016):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/testby/medarbetarengagemang/?ar={year}")
        assert response.status_code == 200
        counts.append(len(captured))
    # The stored indices' queries and the content version (styr.caching).
    assert counts[0] == counts[1] <= 5, (
        f"The HME page ran {counts} queries: read answers through "
        "styr.engagement.queries.unit_results (one aggregate query), never per unit or row."
    )
