"""Goal and indicator pages over the demo's generated records (contact-centre cases, HME
answers): kept apart because loading them takes a second."""

import pytest

from tests import html


@pytest.fixture
def nacka_with_cases(full_demo):
    return full_demo


def test_goal_page_lists_its_actions_with_status_and_the_owners_analysis(client, nacka_with_cases):
    page = html.page_text(client.get("/nacka/mal/god-service/?ar=2016"))
    assert "Utveckling av service till medborgare, förtroendevalda och medarbetare" in page
    assert "Pågår kontinuerligt" in page  # the memo: the service work "pågår kontinuerligt"
    assert "Mats Bohman" in page
    assert "mottagningsgruppen för ekonomiskt bistånd" in page
    assert "Andel ärenden som löses vid första kontakten" in page


def test_computed_indicators_read_the_generated_cases(client, nacka_with_cases):
    page = html.page_text(client.get("/nacka/indikatorer/kontaktcenter-hanterar/"))
    assert "Beräknat av Styr" in page
    assert "genererade exempeldata i demon" in page
    assert "januari 2016" in page and "december 2016" in page
    assert "Källa: Kolada" not in page


def test_default_year_is_the_latest_with_an_outcome(client, nacka_with_cases):
    page = html.page_text(client.get("/nacka/mal/"))
    assert "Måluppfyllelsen 2016" in page
