"""A strategist finds a KPI and links it to a goal in a real Chromium; axe-core checks the page."""

import pytest

from tests.browser import axe_violations, require_chromium

pytestmark = pytest.mark.browser

require_chromium()


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
