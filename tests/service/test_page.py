"""The public contact-centre page: shares per month against the 90 %/90 % targets."""

import pytest
from django.urls import reverse

from styr.org.models import Municipality
from styr.service.domain import import_case_data
from tests.html import alerts, parse, row, text, texts, visible_text
from tests.service.conftest import case_csv, case_line


def url(slug="nacka", **query):
    address = reverse("service:levels", args=[slug])
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def load(municipality, lines, name="cases.csv", generated=False):
    return import_case_data(municipality, case_csv(*lines).encode(), name, generated=generated)


def january_and_february(nacka):
    """January 2015: 10 cases, 8 handled, 6 at first contact; February: 20, 19 and 20."""
    load(
        nacka,
        [case_line("2015-01-05")] * 6
        + [case_line("2015-01-06", handled_by="Bygglovenheten", resolved="nej")] * 2
        + [
            case_line(
                "2015-01-07", requester="medarbetare", category="IT och telefoni", resolved="nej"
            )
        ]
        * 2
        + [case_line("2015-02-02", category="Avfall, vatten och avlopp")] * 19
        + [case_line("2015-02-03", category="Avfall, vatten och avlopp", handled_by="VA-enheten")],
    )


def test_page_shows_the_goal_definitions_and_monthly_shares(client, nacka):
    january_and_february(nacka)
    page = parse(client.get(url(ar=2015)))
    assert text(page, "//h1") == "Kontaktcenter och serviceenhet"
    assert text(page, "//section[@aria-labelledby='mal']/blockquote") == (
        "”Målsättningen är att de ska hantera 90 % av ärenden från medborgare respektive "
        "medarbetare, samt att 90 % av ärenden ska lösas i första kontakt.”"
    )
    assert texts(page, "//section[@aria-labelledby='mal']/dl/dd")[1] == (
        "Ärenden som löstes vid första kontakten, delat med alla ärenden som kom in – även dem "
        "som lämnades vidare till en annan enhet. Målet är minst 90 %."
    )
    assert row(page, "Januari") == [
        "Januari",
        "10",
        "80,0 %",
        "Ej uppfyllt",
        "60,0 %",
        "Ej uppfyllt",
    ]
    assert row(page, "Februari") == ["Februari", "20", "95,0 %", "Uppfyllt", "100,0 %", "Uppfyllt"]
    assert row(page, "Mars")[:2] == ["Mars", "0"]
    assert "Inga ärenden" in row(page, "Mars")


def test_year_totals_and_breakdowns(client, nacka):
    january_and_february(nacka)
    page = parse(client.get(url()))
    # 27 of 30 handled: exactly on target; 26 of 30 at first contact: 86.7 % misses 90 % by
    # less than the municipality's tolerance (10 % of the target).
    assert row(page, "Hela året") == [
        "Hela året",
        "30",
        "90,0 %",
        "Uppfyllt",
        "86,7 %",
        "Delvis uppfyllt",
    ]
    assert row(page, "Medborgare")[:3] == ["Medborgare", "28", "89,3 %"]
    assert row(page, "Medborgare")[4] == "92,9 %"
    assert row(page, "Medarbetare")[:3] == ["Medarbetare", "2", "100,0 %"]
    assert row(page, "Medarbetare")[4] == "0,0 %"
    assert row(page, "Bygglov")[:3] == ["Bygglov", "8", "75,0 %"]
    categories = "//section[@aria-labelledby='kategorier']//tbody/tr/th"
    assert texts(page, categories) == ["Avfall, vatten och avlopp", "Bygglov", "IT och telefoni"]


GENERATED = "Ärendena är genererade exempeldata i demon, inte verklig statistik."


def test_generated_data_carries_a_notice(client, nacka):
    load(nacka, [case_line("2016-03-01")], generated=True)
    load(nacka, [case_line("2015-03-01")], name="real.csv")
    assert texts(parse(client.get(url(ar=2016))), "//*[@role='note']") == [GENERATED]
    assert GENERATED not in client.get(url(ar=2015)).content.decode()


YEARS = "//nav[@class='year-chooser']//a"


def test_the_latest_year_is_the_default_and_the_others_are_links(client, nacka):
    load(nacka, [case_line("2014-05-01"), case_line("2015-05-01")])
    page = parse(client.get(url()))
    assert text(page, "//h2[@id='aret']") == "Året 2015"
    assert [(a.get("href"), visible_text(a)) for a in page.xpath(YEARS)] == [
        ("?ar=2014", "2014"),
        ("?ar=2015", "2015"),
    ]
    assert page.xpath(f"{YEARS}[@aria-current='page']/strong/text()") == ["2015"]
    assert text(parse(client.get(url(ar=2014))), "//h2[@id='aret']") == "Året 2014"


def test_a_year_without_cases(client, nacka):
    load(nacka, [case_line("2015-05-01")])
    page = parse(client.get(url(ar=2013)))
    assert texts(page, "//p[@class='notice']") == ["Inga ärenden är importerade för 2013."]
    assert page.xpath(f"{YEARS}/@href") == ["?ar=2015"]


def test_no_cases_at_all(client, nacka):
    page = parse(client.get(url()))
    assert texts(page, "//p[@class='notice']") == ["Inga ärenden är importerade."]


@pytest.mark.parametrize("value", ["tjugofemton", "15", "2015-01", "1800"])
def test_a_bad_year_is_a_swedish_400(client, nacka, value):
    (alert,) = alerts(parse(client.get(url(ar=value)), 400))
    assert alert.startswith(f"Ogiltigt år ”{value}”")


def test_unknown_municipality_is_404(client, db):
    assert client.get(url("ingenstans")).status_code == 404


def test_page_works_with_the_demo_municipality(client, demo):
    load(demo, [case_line("2015-09-01")])
    page = parse(client.get(reverse("service:levels", args=[demo.slug])))
    assert text(page, "//p[@class='breadcrumb']") == demo.name
    assert row(page, "Hela året")[2] == "100,0 %"


@pytest.mark.parametrize("size", [1, 40])
def test_query_count_does_not_grow_with_the_data(client, nacka, django_assert_num_queries, size):
    other = Municipality.objects.create(name="Värmdö kommun", slug="varmdo")
    load(other, [case_line("2015-01-01")])
    categories = [f"Kategori {n}" for n in range(size)]
    lines = [
        case_line(
            f"{2010 + n % 6}-{n % 12 + 1:02d}-01",
            category=categories[n % size],
            requester=("citizen", "employee")[n % 2],
            handled_by=("Kontaktcenter", "Enhet")[n % 3 == 0],
        )
        for n in range(size * 25)
    ]
    load(nacka, lines, generated=True)
    load(nacka, [case_line("2015-06-01")], name="more.csv")
    # The content version (styr.caching), the municipality, its assessment scale, the years
    # and the year's stored counts; never the cases themselves (see styr.service.queries).
    with django_assert_num_queries(5) as captured:
        response = client.get(url(ar=2015))
    assert response.status_code == 200
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert '"service_servicecase"' not in tables


def test_shares_are_judged_by_the_municipalitys_own_scale(client, nacka):
    from styr.goals.models import AssessmentScale

    january_and_february(nacka)
    AssessmentScale.objects.create(
        municipality=nacka, met_label="Bra", partly_label="OK", not_met_label="Har brister"
    )
    year = row(parse(client.get(url())), "Hela året")
    assert (year[3], year[5]) == ("Bra", "OK")
