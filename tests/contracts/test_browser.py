"""The contract pages in a real Chromium at 320 px, checked by axe; a manager accepts their
contract by keyboard."""

import pytest

from tests.browser import axe_violations, require_chromium

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}
PASSWORD = "ett-langt-testlosenord"


@pytest.fixture
def site(live_server):
    """The demo with accounts for Einar Fransson (director, line manager of the invented
    Lars-Erik Olsson), Lars-Erik himself and HR; Einar has drafted Lars-Erik's contract."""
    from django.utils import timezone

    from styr.accounts.domain import add_user
    from styr.contracts.domain import ResultInput, write_contract
    from styr.demo.loader import load_file
    from styr.org.models import Person

    demo = load_file(generated=False)

    def person(slug):
        return Person.objects.get(municipality=demo, slug=slug)

    for username, slug, role in [
        ("einar", "einar-fransson", None),
        ("larserik", "lars-erik-olsson", None),
        ("hr", None, "hr"),
    ]:
        add_user(
            username,
            email=f"{username}@example.org",
            password=PASSWORD,
            person=person(slug) if slug else None,
            role=role,
            municipality=demo if role else None,
        )
    year = timezone.localdate().year
    write_contract(
        person("lars-erik-olsson"),
        year,
        author=person("einar-fransson"),
        summary="Rektor för en skola med ett mycket långt namn som måste radbrytas på en smal skärm",
        results=[ResultInput("Fler elever når målen i alla ämnen", target="minst 90 procent")],
    )
    return live_server.url, demo, person("lars-erik-olsson"), year


def sign_in(page, base, username):
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)


def test_contract_pages_reflow_at_320_px_pass_axe_and_are_accepted_by_keyboard(site, browser_page):
    base, demo, manager, year = site
    page = browser_page
    page.set_viewport_size(NARROW)
    contract = f"/resultatkontrakt/{manager.id}/{year}/"

    sign_in(page, base, "hr")
    for path in ("/resultatkontrakt/", f"/{demo.slug}/resultatkontrakt/?as_of=2015-12-31"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
        assert axe_violations(page) == [], path
    page.context.clear_cookies()

    sign_in(page, base, "einar")
    for path in ("/resultatkontrakt/", contract, contract + "skriv/"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
        assert axe_violations(page) == [], path
    page.context.clear_cookies()

    sign_in(page, base, "larserik")
    page.goto(base + contract)
    button = page.get_by_role("button", name="Godkänn version 1")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(contract)
    assert page.locator("dl dt:text-is('Status') + dd").inner_text() == "överenskommet"
    assert axe_violations(page) == []
