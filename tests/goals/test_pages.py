"""The public goal tree, goal and indicator pages on the Nacka demo."""

from pathlib import Path

import pytest

from styr.goals.comparison import group_mean
from styr.goals.domain import link_kpi, set_target, write_assessment
from styr.goals.models import AssessmentScale, Goal, GoalAssessment, Indicator, Measurement
from styr.kolada.load import load_files
from styr.kolada.models import Kpi
from tests import html
from tests.conftest import demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

KOLADA = Path(__file__).resolve().parents[2] / "styr" / "kolada" / "data"


def indicator_row(page, name: str) -> list[str]:
    """The goal page's indicator row whose indicator's name holds `name`: the outcome, the
    target and the assessment."""
    (row,) = [
        tr
        for tr in page.xpath("//table[@class='indicators']/tbody/tr")
        if name in html.text(tr, "./th/a")
    ]
    return html.texts(row, "./td")


def verdict(page) -> tuple[str, str, str]:
    """The goal's own assessment for the year: words, symbol, and the count beside them."""
    (badges,) = page.xpath("//section[@aria-labelledby='maluppfyllelse']/p[@class='badges']")
    (symbol,) = badges.xpath(".//span[@class='assessment-symbol']/text()")
    words = html.text(badges, "./span[contains(@class, 'assessment ')]")
    return words, symbol, html.text(badges, "./span[@class='meta']")


def year_row(page, period: str) -> dict[str, str]:
    """The indicator page's row for a period, by column heading."""
    (table,) = page.xpath("//table[@class='data']")
    headings = html.texts(table, "./thead/tr/th")
    (row,) = [tr for tr in table.xpath("./tbody/tr") if html.text(tr, "./th") == period]
    return dict(zip(headings, html.texts(row, "./th|./td"), strict=True))


GOALS = "//div[@class='goal-node']"


@pytest.fixture
def nacka(demo):
    return demo


def test_goal_tree_shows_the_vision_and_nackas_four_overarching_goals(client, nacka):
    page = html.parse(client.get("/nacka/mal/?ar=2016"))
    assert html.texts(page, f"{GOALS}[span[@class='goal-level'] = 'Vision']/a") == [
        "Öppenhet och mångfald"
    ]
    assert html.texts(page, f"{GOALS}[span[@class='goal-level'] = 'Övergripande mål']/a") == [
        "Bäst utveckling för alla",
        "Attraktiva livsmiljöer i hela Nacka",
        "Stark och balanserad tillväxt",
        "Maximalt värde för skattepengarna",
    ]
    assert html.text(page, "//h1/following-sibling::p[1]").startswith(
        "Måluppfyllelsen 2016 beräknas ur indikatorernas utfall mot deras målvärden."
    )


def test_goal_page_assesses_a_lower_is_better_indicator_above_target_as_not_met(client, nacka):
    page = html.parse(client.get("/nacka/mal/attraktiva-livsmiljoer/?ar=2016"))
    # Building-permit time: 33 days against at most 28, more than 10 % over the target.
    assert indicator_row(page, "Handläggningstid") == ["33 dagar", "≤ 28 dagar", "Ej uppfyllt"]
    # Nöjd-Region-Index 67 against at least 70: within 10 %, so partly met.
    assert indicator_row(page, "Nöjd-Region-Index") == ["67 index", "≥ 70 index", "Delvis uppfyllt"]
    assert html.text(page, "//h2[@id='maluppfyllelse']") == "Måluppfyllelse 2016"
    assert verdict(page) == ("Delvis uppfyllt", "◐", "0 av 2 bedömda uppfyllda, 1 delvis.")


def test_a_goal_met_by_its_entered_outcomes_reads_uppfyllt_with_symbol(client, nacka):
    page = html.parse(client.get("/nacka/mal/stark-och-balanserad-tillvaxt/?ar=2016"))
    assert verdict(page) == ("Uppfyllt", "✔", "1 av 1 bedömda uppfyllda, 0 delvis.")
    # Kolada has no BRP value for Nacka in the bundled data: missing, so not assessed.
    assert indicator_row(page, "Bruttoregionprodukt") == [
        "Uppgift saknas",
        "Inget målvärde",
        "Ej bedömt",
    ]


def test_a_later_analysis_keeps_the_earlier_one_as_history(client, nacka):
    goal = Goal.objects.get(slug="god-service")
    write_assessment(goal, "2016", "Andra versionen av analysen.", author_name="Mats Bohman")
    assert GoalAssessment.objects.filter(goal=goal, period="2016").count() == 2
    page = html.parse(client.get("/nacka/mal/god-service/?ar=2016"))
    analysis = "//section[@aria-labelledby='analys']"
    assert html.text(page, f"{analysis}/blockquote") == "Andra versionen av analysen."
    assert html.text(page, f"{analysis}/details/summary") == "Alla analyser av målet"
    history = html.texts(page, f"{analysis}/details/ol/li")
    assert len(history) == 2
    assert any("mottagningsgruppen" in entry for entry in history)
    with pytest.raises(TypeError):
        GoalAssessment.objects.filter(goal=goal).delete()


def test_written_assessment_keeps_the_level_computed_when_it_was_written(nacka):
    goal = Goal.objects.get(slug="attraktiva-livsmiljoer")
    saved = write_assessment(goal, "2016", "Bygglovstiderna är för långa.")
    assert saved.level == "partly"


def test_municipality_can_use_its_own_words_for_the_levels(client, nacka):
    AssessmentScale.objects.create(
        municipality=nacka, met_label="Bra", partly_label="OK", not_met_label="Har brister"
    )
    page = html.parse(client.get("/nacka/mal/attraktiva-livsmiljoer/?ar=2016"))
    assert indicator_row(page, "Handläggningstid")[2] == "Har brister"
    assert verdict(page)[:2] == ("OK", "◐")


def test_tolerance_is_the_municipalitys_setting(client, nacka):
    AssessmentScale.objects.create(municipality=nacka, tolerance_percent=0)
    page = html.parse(client.get("/nacka/mal/attraktiva-livsmiljoer/?ar=2016"))
    assert indicator_row(page, "Nöjd-Region-Index")[2] == "Ej uppfyllt"


def test_missing_outcome_is_shown_as_missing_not_zero(client, nacka):
    indicator = Indicator.objects.get(slug="behoriga-gymnasiet")
    Measurement.objects.create(indicator=indicator, period="2017", value=None)
    page = html.parse(client.get("/nacka/mal/bast-utveckling-for-alla/?ar=2017"))
    outcome, _target, assessed = indicator_row(page, "behöriga till gymnasiet")
    assert (outcome, assessed) == ("Uppgift saknas", "Ej bedömt")


def test_indicator_page_shows_kolada_values_with_the_source_and_compares(client, nacka):
    page = html.parse(client.get("/nacka/indikatorer/vab-man/"))
    assert html.text(page, "//section[@aria-labelledby='utveckling']/p[@class='source']") == (
        "Källa: Kolada."
    )
    # Stockholm 2020 from the bundled Kolada data, with a decimal comma.
    year = year_row(page, "2020")
    assert list(year)[-3:] == ["Göteborg", "Malmö", "Stockholm"]
    assert year["Stockholm"] == "40,8 %"
    assert page.xpath("//svg/@role") == ["img"]


def test_group_mean_is_labelled_as_styrs_own_number(client, nacka):
    load_files(
        [KOLADA / "municipality_groups.json.gz", KOLADA / "bruttoregionprodukt-arboga-peers.json"]
    )
    response = client.get(
        "/nacka/indikatorer/brp-per-invanare/?jamforelse=1&jamfor=1984&grupp=G176199"
    )
    page = html.parse(response)
    (table,) = page.xpath("//table[@class='data']")
    assert html.texts(table, "./thead/tr/th")[-2:] == [
        "Arboga",
        "Liknande kommuner socioekonomi, Arboga, 2024 (medel, Styrs beräkning)",
    ]
    assert "Gruppens medelvärde är inte hämtat från Kolada" in html.text(
        page, "//p[@class='source']"
    )


def test_group_mean_is_the_unweighted_mean_of_members_with_a_value():
    values = {"a": {"2015": 10.0, "2016": None}, "b": {"2015": 20.0}, "c": {}}
    means, counts = group_mean(values, ["a", "b", "c"])
    assert means["2015"] == 15.0 and counts["2015"] == (2, 3)
    assert means["2016"] is None and counts["2016"] == (0, 3)


def test_staff_can_link_a_kpi_to_a_goal_once(nacka):
    goal = Goal.objects.get(slug="stark-och-balanserad-tillvaxt")
    kpi = Kpi.objects.get(id="N03703")
    first = link_kpi(goal, kpi, target=("2016", 600))
    again = link_kpi(Goal.objects.get(slug="oppenhet-och-mangfald"), kpi)
    assert first == again
    assert first.source == "kolada" and first.unit == "kronor"
    assert set(first.goals.values_list("slug", flat=True)) == {
        "stark-och-balanserad-tillvaxt",
        "oppenhet-och-mangfald",
    }
    assert first.targets.get(period="2016").value == 600


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/nacka/mal/?ar=tjugo", "Ogiltigt år ”tjugo”"),
        ("/nacka/mal/?ar=1066", "Ogiltigt år ”1066”"),
        ("/nacka/indikatorer/vab-man/?jamfor=9999", "”9999” finns inte"),
        ("/nacka/indikatorer/vab-man/?grupp=G0", "Kommungruppen ”G0” finns inte"),
    ],
)
def test_bad_query_gets_a_swedish_answer_naming_the_value(client, nacka, url, message):
    (alert,) = html.alerts(html.parse(client.get(url), status=400))
    assert message in alert


@pytest.mark.parametrize(
    "url", ["/nacka/mal/finns-inte/", "/nacka/indikatorer/finns-inte/", "/ingen/mal/"]
)
def test_unknown_goal_indicator_or_municipality_is_not_found(client, nacka, url):
    assert client.get(url).status_code == 404


def _more_goals(municipality, count: int):
    parent = Goal.objects.get(slug="maximalt-varde-for-skattepengarna")
    for number in range(count):
        goal = Goal.objects.create(
            municipality=municipality,
            parent=parent,
            level="committee",
            title=f"Nämndmål {number}",
            slug=f"namndmal-{number}",
            start_year=2016,
        )
        indicator = Indicator.objects.create(
            municipality=municipality,
            name=f"Indikator {number}",
            slug=f"indikator-{number}",
            unit="count",
            direction="higher",
            period_type="year",
            source="manual",
        )
        indicator.goals.add(goal)
        set_target(indicator, "2016", 10)
        for year in (2014, 2015, 2016):
            Measurement.objects.create(indicator=indicator, period=str(year), value=number)


def test_goal_tree_and_goal_page_use_the_same_queries_for_more_goals(
    client, nacka, django_assert_max_num_queries, uncached_pages
):
    client.get("/nacka/mal/?ar=2016")  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few_tree:
        client.get("/nacka/mal/?ar=2016")
    with CaptureQueriesContext(connection) as few_goal:
        client.get("/nacka/mal/maximalt-varde-for-skattepengarna/?ar=2016")
    _more_goals(nacka, 30)
    with django_assert_max_num_queries(len(few_tree)):
        tree = client.get("/nacka/mal/?ar=2016")
    assert "Nämndmål 29" in html.texts(html.parse(tree), f"{GOALS}/a")
    with django_assert_max_num_queries(len(few_goal)):
        goal = client.get("/nacka/mal/maximalt-varde-for-skattepengarna/?ar=2016")
    assert "Nämndmål 29" in html.texts(html.parse(goal), "//main//a")


def test_indicator_page_uses_the_same_queries_for_more_values_and_comparisons(
    client, nacka, django_assert_max_num_queries, uncached_pages
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/nacka/indikatorer/brp-per-invanare/?jamforelse=1&jamfor=0180&grupp=G176345"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    load_files(
        [KOLADA / "municipality_groups.json.gz", KOLADA / "bruttoregionprodukt-arboga-peers.json"]
    )
    more = (
        "/nacka/indikatorer/brp-per-invanare/?jamforelse=1&jamfor=0180&jamfor=1480"
        "&jamfor=1280&jamfor=1984&grupp=G176199"
    )
    with django_assert_max_num_queries(len(few)):
        response = client.get(more)
    (table,) = html.parse(response).xpath("//table[@class='data']")
    assert "Arboga" in html.texts(table, "./thead/tr/th")


def test_an_action_page_links_to_the_goals_it_serves(client, nacka):
    from styr.plans.models import Action

    action = Action.objects.get(title="Resultatkontrakt för alla chefer")
    page = html.parse(client.get(f"/planer/{action.plan.slug}/atgarder/{action.pk}/"))
    (goals,) = page.xpath("//dl[@class='facts']/dt[. = 'Bidrar till mål']/following-sibling::dd[1]")
    assert [a.get("href") for a in goals.xpath("./a")] == [
        "/nacka/mal/maximalt-varde-for-skattepengarna/"
    ]
