"""A citizen's path through the public pages in a real Chromium, checked with axe-core."""

import pytest

from tests.browser import axe_violations, require_chromium

pytestmark = pytest.mark.browser

require_chromium()


@pytest.fixture
def site(live_server):
    """The live server with the demo loaded, before any browser starts."""
    from styr.demo.loader import load_file

    load_file()
    return live_server.url


def test_citizen_follows_an_action_from_the_plan_and_both_pages_pass_axe(site, browser_page):
    page = browser_page
    page.goto(f"{site}/planer/styrning-och-ledning-2015-2016/?as_of=2015-09-02")
    assert page.locator("h1").inner_text().startswith("Utveckling av styrning och ledning")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Resultatkontrakt för alla chefer").click()
    page.wait_for_url("**/atgarder/**")
    assert page.locator("h1").inner_text() == "Resultatkontrakt för alla chefer"
    assert "senast den 31 december 2015" in page.locator("main").inner_text()
    assert axe_violations(page) == []


def test_keyboard_user_reaches_the_content_through_the_skip_link(site, browser_page):
    page = browser_page
    page.goto(f"{site}/planer/styrning-och-ledning-2015-2016/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"


OTHER_PUBLIC_PAGES = [
    "/",
    "/nacka/organisation/?as_of=2015-09-02",
    "/nacka/personer/mats-bohman/",
    "/planer/styrning-och-ledning-2015-2016/rapporter/",
    "/planer/styrning-och-ledning-2015-2016/lagesrapport/html/?as_of=2015-09-02",
    "/nacka/mal/?ar=2016",
    "/nacka/mal/god-service/?ar=2016",
    "/nacka/indikatorer/kontaktcenter-hanterar/",
    "/nacka/indikatorer/hme-totalindex/",
    "/nacka/kontaktcenter/",
    "/nacka/medarbetarengagemang/",
]


def test_other_public_pages_have_no_wcag_aa_violations(site, browser_page):
    # One test over the pages: the demo is loaded and the browser started once, not per page.
    found = {}
    for path in OTHER_PUBLIC_PAGES:
        browser_page.goto(f"{site}{path}")
        found[path] = axe_violations(browser_page)
    assert found == dict.fromkeys(OTHER_PUBLIC_PAGES, [])


def test_citizen_compares_an_indicator_with_a_group_by_keyboard(site, browser_page):
    page = browser_page
    page.goto(f"{site}/nacka/indikatorer/vab-man/")
    assert "Källa: Kolada" in page.locator("main").inner_text()
    assert page.locator("svg[role=img] title").count() == 1
    assert axe_violations(page) == []

    page.focus("#id_grupp")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Visa jämförelse"
    page.keyboard.press("Enter")
    page.wait_for_url("**grupp=G*")
    assert "(medel, Styrs beräkning)" in page.locator("main").inner_text()
    assert axe_violations(page) == []
