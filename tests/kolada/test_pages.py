"""The page for finding a Kolada KPI and linking it to a goal as an indicator (here as a
superuser, who may do everything; the rights of the cast are in test_rights.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from styr.goals.models import Direction, Goal, GoalLevel, Indicator, Source
from styr.kolada.models import Kpi
from styr.org.models import Municipality
from tests.html import alerts, field_errors, parse, row, text, texts

SEARCH = "/kolada/nyckeltal/"


def link_url(kpi_id: str) -> str:
    return f"/kolada/nyckeltal/{kpi_id}/koppla/"


@pytest.fixture
def goals(catalogue):
    nacka = Municipality.objects.create(name="Nacka kommun", slug="nacka", kolada_id="0182")
    other = Municipality.objects.create(name="Arboga kommun", slug="arboga", kolada_id="1984")
    return {
        "bast": Goal.objects.create(
            municipality=nacka,
            level=GoalLevel.OVERARCHING,
            title="Bäst utveckling för alla",
            slug="bast-utveckling",
            start_year=2016,
        ),
        "arboga": Goal.objects.create(
            municipality=other,
            level=GoalLevel.OVERARCHING,
            title="Hållbar tillväxt",
            slug="tillvaxt",
            start_year=2020,
        ),
    }


def test_anonymous_visitors_are_sent_to_the_login(client, catalogue):
    response = client.get(SEARCH, {"q": "utbildning"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")
    response = client.post(link_url("N00945"), {})
    assert response.status_code == 302
    assert Indicator.objects.count() == 0


def test_users_without_the_right_get_a_403_that_says_why(client, catalogue, django_user_model):
    client.force_login(django_user_model.objects.create_user("medborgare", password="pw-12345"))
    tree = parse(client.get(SEARCH), 403)
    assert alerts(tree) == ["Bara en strateg för hela kommunen kan koppla nyckeltal till mål."]


def test_staff_find_a_kpi_by_words_and_see_its_facts(staff_client, goals):
    response = staff_client.get(SEARCH, {"q": "Utbildning andel"})
    tree = parse(response)
    assert row(tree, "N00945")[:3] == [
        "N00945",
        "Invånare med eftergymnasial utbildning, andel (%)",
        "Kommunen, övergripande",
    ]
    assert text(tree, "//table/caption") == "1 nyckeltal matchar ”Utbildning andel”"
    assert "N03702" not in response.content.decode()
    goals = "//tr[@id='kpi-N00945']//select/optgroup"
    assert tree.xpath(f"{goals}/@label") == ["Arboga kommun", "Nacka kommun"]
    assert texts(tree, f"{goals}[@label='Nacka kommun']/option") == ["Bäst utveckling för alla"]
    assert texts(tree, "//main/p[@class='meta']")[-1] == "Källa: Kolada."


def test_divided_by_gender_is_said_in_words(staff_client, goals):
    divided = row(parse(staff_client.get(SEARCH, {"q": "u00200"})), "U00200")
    assert divided[3] == "Ja"
    assert row(parse(staff_client.get(SEARCH, {"q": "N03702"})), "N03702")[3] == "Nej"


def test_a_search_with_no_match_says_so(staff_client, goals):
    tree = parse(staff_client.get(SEARCH, {"q": "finns inte"}))
    assert texts(tree, "//main/p[not(@class)]") == ["Inga nyckeltal matchar ”finns inte”."]
    assert tree.xpath("//table") == []


def test_a_search_that_is_too_long_is_a_400_in_swedish(staff_client, goals):
    tree = parse(staff_client.get(SEARCH, {"q": "x" * 201}), 400)
    assert alerts(tree) == ["Sökningen får vara högst 200 tecken."]


def test_staff_link_a_kpi_to_a_goal_with_a_target(staff_client, goals):
    goal = goals["bast"]
    response = staff_client.post(
        link_url("N00945"),
        {
            "q": "utbildning",
            "N00945-goal": str(goal.pk),
            "N00945-direction": Direction.LOWER,
            "N00945-target_year": "2026",
            "N00945-target_value": "45,5",
        },
    )
    indicator = Indicator.objects.get()
    assert (indicator.kpi_id, indicator.source, indicator.direction) == (
        "N00945",
        Source.KOLADA,
        Direction.LOWER,
    )
    assert indicator.municipality == goal.municipality
    assert list(indicator.goals.all()) == [goal]
    assert list(indicator.targets.values_list("period", "value")) == [("2026", 45.5)]
    assert response.status_code == 302
    assert response["Location"].startswith("/nacka/")
    assert response["Location"] == indicator.get_absolute_url()


def test_linking_without_a_target_makes_no_target(staff_client, goals):
    staff_client.post(
        link_url("N03702"),
        {
            "N03702-goal": str(goals["arboga"].pk),
            "N03702-direction": Direction.HIGHER,
        },
    )
    indicator = Indicator.objects.get()
    assert indicator.municipality.slug == "arboga"
    assert indicator.targets.count() == 0


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"N00945-target_year": "2026"}, "target_value", "Ange målvärdet för målåret."),
        ({"N00945-target_value": "45"}, "target_year", "Ange vilket år målvärdet gäller."),
        (
            {"N00945-target_year": "1850", "N00945-target_value": "45"},
            "target_year",
            "Ogiltigt år ”1850” för målår. Ange året med fyra siffror, mellan 1950 och 2100, "
            "t.ex. 2016.",
        ),
        (
            {"N00945-target_year": "2026", "N00945-target_value": "många"},
            "target_value",
            "Fyll i ett tal.",
        ),
        ({"N00945-goal": ""}, "goal", "Detta fält måste fyllas i."),
        (
            {"N00945-goal": "999999"},
            "goal",
            "Välj ett giltigt alternativ. 999999 finns inte bland tillgängliga alternativ.",
        ),
    ],
)
def test_a_bad_link_form_is_shown_again_with_the_error_in_swedish(
    staff_client, goals, fields, field, message
):
    data = {
        "q": "utbildning",
        "N00945-goal": str(goals["bast"].pk),
        "N00945-direction": "higher",
        **fields,
    }
    tree = parse(staff_client.post(link_url("N00945"), data), 400)
    assert field_errors(tree, f"N00945-{field}") == [message]
    form = tree.xpath("//tr[@id='kpi-N00945']//details")[0]
    assert form.get("open") is not None
    assert form.xpath(".//input[@name='q']/@value") == ["utbildning"]
    assert Indicator.objects.count() == 0


def test_linking_an_unknown_kpi_is_a_404(staff_client, goals):
    assert staff_client.post(link_url("N99999"), {}).status_code == 404


def test_the_link_address_only_takes_posts(staff_client, goals):
    assert staff_client.get(link_url("N00945")).status_code == 405


def test_the_page_says_when_there_are_no_goals_to_link_to(staff_client, catalogue):
    cells = row(parse(staff_client.get(SEARCH, {"q": "N00945"})), "N00945")
    assert cells[4] == "Det finns inga mål att koppla till ännu."


def test_the_search_page_uses_the_same_queries_for_few_and_many_results(staff_client, goals):
    def queries(q: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = staff_client.get(SEARCH, {"q": q})
        assert response.status_code == 200
        return len(captured)

    few = queries("Bruttoregionprodukt")
    Kpi.objects.bulk_create(
        Kpi(id=f"N9{i:04d}", title=f"Bruttoregionprodukt variant {i}", municipality_type="K")
        for i in range(60)
    )
    many = queries("Bruttoregionprodukt")
    tree = parse(staff_client.get(SEARCH, {"q": "Bruttoregionprodukt"}))
    assert len(tree.xpath("//tbody/tr")) == 50
    assert text(tree, "//table/caption").endswith("(de 50 första visas; gör sökningen mer precis)")
    assert many == few, (
        f"{few} queries for 1 result but {many} for 50: something in the page or the link "
        "forms queries per result; read goals and KPIs once in the view"
    )


def test_the_search_page_url_has_a_name():
    assert reverse("kolada:kpi_search") == SEARCH
    assert reverse("kolada:link", args=["N00945"]) == link_url("N00945")
