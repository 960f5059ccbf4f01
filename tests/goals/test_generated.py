"""Goal and indicator pages over the demo's generated records (contact-centre cases, HME
answers): kept apart because loading them takes a second."""

import pytest

from tests import html


@pytest.fixture
def nacka_with_cases(full_demo):
    return full_demo


def test_goal_page_lists_its_actions_with_status_and_the_owners_analysis(client, nacka_with_cases):
    page = html.parse(client.get("/nacka/mal/god-service/?ar=2016"))
    title, plan, responsible, status = html.row(
        page, "Utveckling av service till medborgare, förtroendevalda och medarbetare"
    )
    assert status == "Pågår kontinuerligt"  # the memo: the service work "pågår kontinuerligt"
    assert "Mats Bohman" in responsible
    analysis = html.text(page, "//blockquote[@class='analysis']")
    assert "mottagningsgruppen för ekonomiskt bistånd" in analysis
    assert html.linked_row(page, "Andel ärenden som löses vid första kontakten")


def test_computed_indicators_read_the_generated_cases(client, nacka_with_cases):
    response = client.get("/nacka/indikatorer/kontaktcenter-hanterar/")
    page = html.parse(response)
    assert html.facts(page)["Källa"].startswith("Beräknat av Styr:")
    notices = html.texts(page, "//p[@role='note']")
    assert "Kontaktcenters ärenden är genererade exempeldata i demon, inte verklig statistik." in (
        notices
    )
    periods = html.texts(page, "//table[caption[@id='tabell-rubrik']]/tbody/tr/th")
    assert "januari 2016" in periods and "december 2016" in periods
    assert "Källa: Kolada" not in html.page_text(response)


def test_default_year_is_the_latest_with_an_outcome(client, nacka_with_cases):
    page = html.parse(client.get("/nacka/mal/"))
    (said,) = html.texts(page, "//main/p[starts-with(normalize-space(), 'Måluppfyllelsen')]")
    assert said.startswith("Måluppfyllelsen 2016 beräknas")
