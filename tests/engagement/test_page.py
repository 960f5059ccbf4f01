"""The public HME page: indices with a decimal comma, suppression in words, constant queries."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.engagement.domain import import_survey
from styr.engagement.generate import load_demo_survey
from styr.engagement.queries import unit_results
from tests.engagement.conftest import rows_for, write_answers

SUPPRESSED = "Visas inte (färre än 10 svar)"


def shown(value: float) -> str:
    """As the page shows it: one decimal, rounded half up, with a decimal comma."""
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", ",")


def row_of(html: str, name: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(name)}</th>(.*?)</tr>', html, re.S)
    assert match, f"no table row for {name}"
    return match.group(1)


def load(town, tmp_path, year, rows, **kwargs):
    path = write_answers(tmp_path / f"hme{year}.csv", rows)
    return import_survey(town, path, year=year, **kwargs).survey


@pytest.fixture
def demo_survey(demo):
    return load_demo_survey(demo, year=2015).survey


def test_demo_page_shows_unit_totals_with_a_decimal_comma(client, demo_survey):
    response = client.get("/nacka/medarbetarengagemang/?ar=2015")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Hållbart medarbetarengagemang (HME)</h1>" in html
    assert "Svaren är genererade exempeldata i demon." in html
    results = unit_results(demo_survey)
    shown_units = [row for row in results.units if not row.result.suppressed]
    assert len(shown_units) >= 10
    for row in shown_units:
        cells = re.findall(r'<td class="number">([^<]*)</td>', row_of(html, row.name))
        result = row.result
        assert cells == [
            str(result.respondents),
            shown(result.total),
            shown(result.motivation),
            shown(result.leadership),
            shown(result.governance),
        ]
        assert "," in cells[1]
    whole = row_of(html, "Hela kommunen")
    assert shown(results.municipality.total) in whole


def test_a_unit_with_fewer_than_ten_answers_shows_the_words_and_no_number(client, demo_survey):
    html = client.get("/nacka/medarbetarengagemang/?ar=2015").content.decode()
    row = row_of(html, "Mottagningsgruppen för ekonomiskt bistånd")
    assert SUPPRESSED in row
    text = re.sub(r"<[^>]+>", "", row)  # what a reader sees in the row
    assert not re.search(r"\d", text.replace(SUPPRESSED, ""))
    # Nor are its nine statements shown anywhere.
    assert "<summary>Mottagningsgruppen för ekonomiskt bistånd</summary>" not in html


def test_item_indices_are_shown_for_the_municipality_and_per_unit(client, town, tmp_path):
    load(
        town,
        tmp_path,
        2015,
        rows_for("Skolenheten", [5, 4, 3, 4, 4, 4, 3, 3, 3], 7)
        + rows_for("Skolenheten", [4, 4, 3, 4, 4, 4, 3, 3, 3], 4),
    )
    html = client.get("/testby/medarbetarengagemang/").content.decode()
    # Statement 1: seven answered 5 and four answered 4: (700 + 300) / 11 = 90,909…
    statement = row_of(html, "1. Mitt arbete känns meningsfullt.")
    assert "<td>Motivation</td>" in statement
    assert '<td class="number">90,9</td>' in statement
    assert "<summary>Skolenheten</summary>" in html
    assert "Svaren är genererade exempeldata" not in html


def test_default_year_is_the_latest_and_the_year_can_be_chosen(client, town, tmp_path):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [3] * 9, 10), title="Enkät 2015")
    load(town, tmp_path, 2016, rows_for("Skolenheten", [5] * 9, 10), title="Enkät 2016")
    html = client.get("/testby/medarbetarengagemang/").content.decode()
    assert "Enkät 2016" in html and '<td class="number">100,0</td>' in html
    assert '<option value="2016" selected>2016</option>' in html
    html = client.get("/testby/medarbetarengagemang/?ar=2015").content.decode()
    assert "Enkät 2015" in html and '<td class="number">50,0</td>' in html
    assert '<option value="2015" selected>2015</option>' in html


def test_no_survey_gets_a_friendly_message(client, town):
    response = client.get("/testby/medarbetarengagemang/")
    assert response.status_code == 200
    assert "Testby kommun har ingen medarbetarenkät (HME) inläst ännu." in response.content.decode()


def test_a_year_without_survey_is_404_with_a_message(client, town, tmp_path):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [3] * 9, 10))
    response = client.get("/testby/medarbetarengagemang/?ar=2013")
    assert response.status_code == 404
    assert "Det finns ingen medarbetarenkät (HME) för 2013." in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "20150", "1800", "2015.5"])
def test_a_bad_year_is_400_naming_it(client, town, value):
    response = client.get(f"/testby/medarbetarengagemang/?ar={value}")
    assert response.status_code == 400
    assert (
        f"Ogiltigt år ”{value}” för ar. Ange året med fyra siffror, mellan 1950 och 2100"
        in response.content.decode()
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
