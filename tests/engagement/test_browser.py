"""The HME page in a real Chromium, checked with axe-core (WCAG 2.1 AA)."""

import pytest

from tests.browser import axe_violations, require_chromium

pytestmark = pytest.mark.browser

require_chromium()


@pytest.fixture
def site(live_server):
    from styr.demo.loader import load_file
    from styr.engagement.generate import load_demo_survey

    load_demo_survey(load_file(), year=2015)
    return live_server.url


def test_a_reader_chooses_a_year_opens_a_unit_and_the_page_passes_axe(site, browser_page):
    page = browser_page
    page.goto(f"{site}/nacka/medarbetarengagemang/")
    assert page.locator("h1").inner_text() == "Hållbart medarbetarengagemang (HME)"
    assert axe_violations(page) == []

    page.get_by_label("År", exact=True).select_option("2015")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**/medarbetarengagemang/?ar=2015")
    main = page.locator("main").inner_text()
    assert "Svaren är genererade exempeldata i demon." in main
    assert "Visas inte (färre än 10 svar)" in main

    page.locator("summary", has_text="Kontaktcenter").click()
    unit_table = page.get_by_role("table", name="Kontaktcenter 2015: index per påstående (0–100)")
    assert unit_table.is_visible()
    assert axe_violations(page) == []
