"""A municipality's new Kolada id, saved in the admin or by `change_kolada_id`, stores its
Kolada indicators' outcomes and comparisons again in the same transaction: the next request
to the goal page and the indicator page shows the new town's values, though both pages were
cached before."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from styr.goals.models import ComparisonValue, Indicator, YearAssessment
from styr.kolada.load import load_files
from styr.org.kolada_id import change_kolada_id
from styr.org.models import Municipality
from tests.html import column, parse, text, texts

NACKA, STOCKHOLM = "0182", "0180"


@pytest.fixture
def vab(cast, tmp_path) -> Indicator:
    """The demo's Kolada indicator (compared with Stockholm, Göteborg and Malmö), with a
    2016 value for Nacka and another for Stockholm."""
    records = [
        {
            "kpi": "N00945",
            "municipality": town,
            "period": 2016,
            "values": [{"gender": "T", "count": 1, "status": "", "value": value}],
        }
        for town, value in ((NACKA, 33.5), (STOCKHOLM, 41.5))
    ]
    path = tmp_path / "values.json"
    path.write_text(json.dumps({"count": len(records), "values": records}), encoding="utf-8")
    load_files([path])
    return Indicator.objects.get(municipality=cast.plan.municipality, slug="vab-man")


def outcome_2016(client, indicator) -> str:
    """The indicator's outcome cell in its goal's table of indicators, for 2016."""
    tree = parse(client.get(indicator.goals.get().get_absolute_url() + "?ar=2016"))
    return text(
        tree,
        f"//table[@class='indicators']//tr[th/a[normalize-space()='{indicator.name}']]/td[1]",
    )


def compared_2016(client, indicator) -> dict[str, str]:
    """The indicator page's values for 2016 by column heading (the comparisons included)."""
    tree = parse(client.get(indicator.get_absolute_url()))
    table = "//table[@class='data']"
    headings = texts(tree, f"{table}/thead/tr/th")
    periods = column(tree, "Period", table)
    return {name: column(tree, name, table)[periods.index("2016")] for name in headings}


def in_the_admin(user):
    def change(municipality: Municipality, kolada_id: str) -> None:
        client = Client()
        client.force_login(user)
        data = {"name": municipality.name, "slug": municipality.slug, "kolada_id": kolada_id}
        response = client.post(f"/admin/org/municipality/{municipality.pk}/change/", data)
        assert response.status_code == 302, response.content.decode()[:2000]

    return change


@pytest.mark.parametrize("way", ["admin", "function"])
def test_a_new_kolada_id_shows_the_new_towns_values_on_the_next_request(cast, vab, way):
    change = in_the_admin(cast.admin) if way == "admin" else change_kolada_id
    municipality = cast.plan.municipality
    visitor = Client()
    assert outcome_2016(visitor, vab) == "33,5 %"
    assert compared_2016(visitor, vab)["Stockholm"] == "41,5 %"

    change(Municipality.objects.get(pk=municipality.pk), STOCKHOLM)
    # Stockholm's value is now the municipality's own, and no longer a comparison.
    assert outcome_2016(visitor, vab) == "41,5 %"
    assert "Stockholm" not in compared_2016(visitor, vab)
    assert not ComparisonValue.objects.filter(indicator=vab, municipality_id=STOCKHOLM).exists()

    change(Municipality.objects.get(pk=municipality.pk), NACKA)
    assert outcome_2016(visitor, vab) == "33,5 %"
    assert compared_2016(visitor, vab)["Stockholm"] == "41,5 %"


def test_saving_the_municipality_unchanged_in_the_admin_stores_nothing_again(cast, vab):
    municipality = cast.plan.municipality
    before = list(YearAssessment.objects.filter(indicator=vab).values_list("id", flat=True))
    in_the_admin(cast.admin)(municipality, NACKA)
    after = list(YearAssessment.objects.filter(indicator=vab).values_list("id", flat=True))
    assert after == before  # the same rows: not deleted and written again


def test_only_an_admin_may_change_the_kolada_id_in_the_admin(cast, vab):
    municipality = cast.plan.municipality
    client = Client()
    client.force_login(cast.strateg)
    data = {"name": municipality.name, "slug": municipality.slug, "kolada_id": STOCKHOLM}
    response = client.post(f"/admin/org/municipality/{municipality.pk}/change/", data)
    assert response.status_code == 403
    assert Municipality.objects.get(pk=municipality.pk).kolada_id == NACKA
    assert outcome_2016(Client(), vab) == "33,5 %"


def test_an_id_the_field_refuses_changes_nothing(cast, vab):
    municipality = cast.plan.municipality
    with pytest.raises(ValidationError):
        change_kolada_id(municipality, "01801")
    assert Municipality.objects.get(pk=municipality.pk).kolada_id == NACKA
    assert YearAssessment.objects.get(indicator=vab, year=2016).outcome == 33.5
