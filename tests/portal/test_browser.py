"""A citizen's path through the public pages in a real Chromium, checked with axe-core."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    if os.environ.get("STYR_REQUIRE_BROWSER"):
        raise RuntimeError(f"Chromium is required for the browser tests but {CHROMIUM} is missing")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


@pytest.fixture
def site(live_server):
    """The live server with the demo loaded, before any browser starts."""
    from styr.demo.loader import load_file

    load_file()
    return live_server.url


@pytest.fixture
def browser_page(site, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM work in the test
    # happens before the browser starts, so Django's async guard can stand down.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page()
        yield page
        browser.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in results.response["violations"]
    ]


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


@pytest.mark.parametrize(
    "path",
    [
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
    ],
)
def test_other_public_pages_have_no_wcag_aa_violations(site, browser_page, path):
    browser_page.goto(f"{site}{path}")
    assert axe_violations(browser_page) == []


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
