"""A strategist finds a KPI and links it to a goal in a real Chromium; axe-core checks the page."""

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
def site(live_server, staff, tmp_path):
    """The live server with a small Kolada catalogue and one goal, before the browser starts."""
    import json

    from styr.goals.models import Goal, GoalLevel
    from styr.kolada.load import load_files
    from styr.org.models import Municipality

    from .conftest import KPIS, MUNICIPALITIES

    paths = []
    for name, records in (("municipality.json", MUNICIPALITIES), ("kpi.json", KPIS)):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps({"values": records}), encoding="utf-8")
    load_files(paths)
    nacka = Municipality.objects.create(name="Nacka kommun", slug="nacka", kolada_id="0182")
    Goal.objects.create(
        municipality=nacka,
        level=GoalLevel.OVERARCHING,
        title="Bäst utveckling för alla",
        slug="bast-utveckling",
        start_year=2016,
    )
    return live_server.url


@pytest.fixture
def browser_page(site, monkeypatch):
    from playwright.sync_api import sync_playwright

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


def test_strategist_searches_links_and_the_page_passes_axe(site, browser_page):
    from django.db import connections

    from styr.goals.models import Indicator

    page = browser_page
    page.goto(f"{site}/kolada/nyckeltal/")
    page.get_by_label("Användarnamn").fill("strateg")
    page.get_by_label("Lösenord").fill("pw-12345")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/kolada/nyckeltal/")

    page.get_by_label("Sök nyckeltal").fill("utbildning")
    page.get_by_role("button", name="Sök", exact=True).click()
    assert "1 nyckeltal matchar ”utbildning”" in page.locator("caption").inner_text()
    page.get_by_text("Koppla N00945 till ett mål").click()
    assert axe_violations(page) == []

    # A target year without a value comes back with the error, still accessible.
    page.get_by_label("Mål", exact=True).select_option(label="Bäst utveckling för alla")
    page.get_by_label("Målår").fill("2026")
    page.get_by_role("button", name="Koppla N00945").click()
    assert "Ange målvärdet för målåret." in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_label("Målvärde").fill("45,5")
    page.get_by_label("Lägre är bättre").check()
    page.get_by_role("button", name="Koppla N00945").click()
    page.wait_for_url("**/nacka/**")
    # Inside Playwright's event loop the ORM gets a connection of its own: close it after use,
    # or PostgreSQL cannot drop the test database.
    try:
        indicator = Indicator.objects.get()
        assert (indicator.kpi_id, indicator.direction) == ("N00945", "lower")
        assert list(indicator.targets.values_list("period", "value")) == [("2026", 45.5)]
    finally:
        connections.close_all()
