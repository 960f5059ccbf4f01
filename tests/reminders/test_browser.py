"""The subscription and unsubscribe pages in a real Chromium at 320 px, checked by axe; the
strateg adds an address by keyboard, and an unsubscribe link is confirmed without login."""

import pytest

from tests.browser import axe_violations, require_chromium
from tests.cast import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def site(live_server):
    """The demo and the cast; a politician already gets the plan's digest."""
    from styr.demo.loader import load_file
    from styr.reminders.domain import subscribe
    from styr.reminders.models import Kind
    from styr.reminders.schedule import digest_scope
    from styr.reminders.tokens import make_token
    from tests.cast import make_cast

    cast = make_cast(load_file(generated=False))
    subscribe(cast.plan, "en.politiker.med.en.lang.adress@kommunfullmaktige.nacka.example")
    token = make_token("politiker@nacka.example", Kind.DIGEST, digest_scope(cast.plan.id))
    return live_server.url, cast, token


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_the_reminder_pages_reflow_at_320_px_pass_axe_and_work_by_keyboard(site, browser_page):
    base, cast, token = site
    page = browser_page
    page.set_viewport_size(NARROW)

    # Without logging in: the unsubscribe link asks first, then confirms.
    page.goto(f"{base}/e-post/avregistrera/{token}/")
    assert fits(page) and axe_violations(page) == []
    page.get_by_role("button", name="Avregistrera").press("Enter")
    page.wait_for_selector("text=Klart: politiker@nacka.example får inte längre")
    assert fits(page) and axe_violations(page) == []

    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", cast.strateg.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)
    page.goto(f"{base}/planer/{cast.plan.slug}/bevakning/")
    assert fits(page) and axe_violations(page) == []

    field = page.get_by_label("Lägg till en e-postadress (t.ex. en politikers)")
    field.fill("ny.politiker@nacka.example")
    field.press("Enter")
    page.wait_for_selector("text=ny.politiker@nacka.example får nu veckans ändringar.")
    assert fits(page) and axe_violations(page) == []
    page.get_by_role("button", name="Prenumerera till strateg-plan@example.org").press("Enter")
    page.wait_for_selector("text=Du får nu veckans ändringar i planen.")
