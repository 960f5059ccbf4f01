"""The rounds pages in a real Chromium at 320 px, checked by axe; the strateg closes a round
by keyboard."""

import datetime as dt

import pytest

from tests.browser import axe_violations, require_chromium
from tests.cast import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def site(live_server):
    """The demo, the cast and an open round in which Elisabeth Carle has reported once."""
    from django.utils import timezone

    from styr.demo.loader import load_file
    from styr.plans.domain import record_status_update
    from styr.rounds.domain import open_round
    from tests.cast import make_cast

    cast = make_cast(load_file(generated=False))
    today = timezone.localdate()
    the_round = open_round(
        cast.plan,
        title="Uppföljning med ett långt namn som måste radbrytas på en smal skärm",
        due=today + dt.timedelta(days=7),
        message="Rapportera senast på fredag, tack.",
        by=cast.strateg,
    )
    record_status_update(cast.action, date=today, status="done", author=cast.responsible)
    return live_server.url, cast, the_round


def test_the_rounds_pages_reflow_at_320_px_pass_axe_and_close_by_keyboard(site, browser_page):
    base, cast, the_round = site
    page = browser_page
    page.set_viewport_size(NARROW)
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", cast.strateg.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)

    for path in (
        f"/planer/{cast.plan.slug}/uppfoljning/",
        f"/planer/{cast.plan.slug}/uppfoljning/{the_round.pk}/",
    ):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
        assert axe_violations(page) == [], path

    button = page.get_by_role("button", name="Stäng uppföljningen")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Uppföljningstillfället är stängt.")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert axe_violations(page) == []
    the_round.refresh_from_db()
    assert the_round.closed_by == cast.strateg
