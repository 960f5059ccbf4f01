"""A director reports status in a real Chromium: by keyboard alone, at 320 px, checked by axe."""

import pytest

from tests.browser import axe_violations, require_chromium
from tests.cast import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def site(live_server):
    """The live server with the demo and the cast of users, before any browser starts."""
    from styr.demo.loader import load_file
    from tests.cast import make_cast

    cast = make_cast(load_file(generated=False))
    return live_server.url, cast


def sign_in(page, base, username):
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mina-atgarder/")


def form_url(base, action) -> str:
    return f"{base}/planer/{action.plan.slug}/atgarder/{action.id}/status/"


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_a_director_reports_status_by_keyboard_alone(site, browser_page):
    from styr.plans.models import StatusUpdate

    base, cast = site
    page = browser_page
    sign_in(page, base, "elisabeth")
    assert axe_violations(page) == []
    tab_to(page, f'a[href$="/atgarder/{cast.action.id}/status/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/atgarder/{cast.action.id}/status/")
    assert axe_violations(page) == []

    tab_to(page, "input[name=status]")
    assert page.evaluate("document.activeElement.value") == "in_progress"  # the current one
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.value") == "done"
    tab_to(page, "#id_note")
    page.keyboard.type("Översynen är klar.")
    tab_to(page, "#id_internal_note")
    page.keyboard.type("Redovisad för direktörsgruppen.")
    tab_to(page, "form.status-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/atgarder/{cast.action.id}/")

    main = page.locator("main").inner_text()
    assert "Statusen är sparad: Genomfört den" in main
    assert "Status i dag: ✔ Genomfört" in main
    latest = StatusUpdate.objects.filter(action=cast.action).order_by("-id").first()
    assert (latest.status, latest.note, latest.internal_note, latest.author) == (
        "done",
        "Översynen är klar.",
        "Redovisad för direktörsgruppen.",
        cast.responsible,
    )


def test_the_refusals_pass_axe_too(site, browser_page):
    from django.utils import timezone

    from styr.plans.domain import record_status_update

    base, cast = site
    page = browser_page
    sign_in(page, base, "elisabeth")
    page.goto(form_url(base, cast.action))
    page.fill("#id_date", "2015-06-01")
    page.fill("#id_note", "För tidigt daterad.")
    # The browser would refuse the date itself (min); the server must too.
    page.evaluate("document.querySelector('form.status-form').noValidate = true")
    page.click("form.status-form button[type=submit]")
    assert (
        "ligger före den senaste statusuppdateringen" in page.locator("#id_date_error").inner_text()
    )
    assert page.get_attribute("#id_date", "aria-invalid") == "true"
    assert axe_violations(page) == []

    page.goto(form_url(base, cast.action))
    record_status_update(
        cast.action, date=timezone.localdate(), status="done", note="Strategen hann före."
    )
    page.fill("#id_note", "Min text finns kvar.")
    page.click("form.status-form button[type=submit]")
    assert "Strategen hann före." in page.locator("[role=alert]").inner_text()
    assert page.input_value("#id_note") == "Min text finns kvar."
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("path", "username"),
    [
        ("status", "strateg-plan"),  # a strateg's header has the most links
        ("mina-atgarder", "elisabeth"),  # six actions with long titles
        ("rapporttexter", "strateg-plan"),  # the report's texts: long textareas
    ],
)
def test_the_pages_reflow_at_320_px_without_sideways_scrolling(site, browser_page, path, username):
    base, cast = site
    page = browser_page
    page.set_viewport_size(NARROW)
    sign_in(page, base, username)
    urls = {
        "status": form_url(base, cast.action),
        "mina-atgarder": f"{base}/mina-atgarder/",
        "rapporttexter": f"{base}/planer/{cast.plan.slug}/rapporttexter/",
    }
    page.goto(urls[path])
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
