"""The import review page in a real Chromium at 320 px, checked by axe: a strateg uploads a
document, sees what was taken marked in it, and by keyboard edits one action, takes one
away, adds one Styr missed and saves the plan."""

import pytest

from tests.browser import axe_violations, require_chromium
from tests.cast import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}

DOCUMENT = """2016-03-01

Handlingsplan för e-förvaltning

Service

Inför en e-tjänst för föreningsbidrag. Ansvarig är administrativ direktör Mats Boman. Klart senast den 30 september 2016. *Pågår.*

Ta fram riktlinjer för öppna data under hösten 2016. Ansvarig är Okänd Okändsson.

Kontakt: kommunens växel, telefon 08-718 80 00, ett mycket långt ord: förvaltningsövergripandesamordningsansvarig.
"""


@pytest.fixture
def site(live_server, tmp_path):
    """The demo, a strateg for the whole municipality, and the document to import."""
    from styr.demo.loader import load_file
    from tests.cast import municipality_strateg

    strateg = municipality_strateg(load_file(generated=False))
    path = tmp_path / "e-plan.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return live_server.url, strateg, path


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_review_marks_the_document_and_saves_the_accepted_action_by_keyboard(site, browser_page):
    from styr.plans.models import Plan

    base, strateg, path = site
    page = browser_page
    page.set_viewport_size(NARROW)
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", strateg.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)

    page.goto(f"{base}/import/")
    assert fits(page) and axe_violations(page) == []
    page.set_input_files("#id_document", str(path))
    page.get_by_role("button", name="Läs dokumentet").click()
    page.wait_for_selector("text=Granska åtgärderna i e-plan.txt")

    # What was taken is marked, numbered in words; what was left is in the text, unmarked.
    first = page.locator("mark#i-dokumentet-1")
    assert first.inner_text().startswith("Åtgärd 1 Inför en e-tjänst för föreningsbidrag.")
    assert page.locator("mark", has_text="Kontakt: kommunens växel").count() == 0
    assert "Kontakt: kommunens växel" in page.locator(".import-document").inner_text()
    assert fits(page) and axe_violations(page) == []

    # The label of the mark leads to the action, by keyboard.
    page.locator("a.import-mark-label", has_text="Åtgärd 2").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: address.endswith("#atgard-2"))

    # Action 2 taken away: its radio group is reached and changed with the arrow keys.
    page.locator("#id_form-1-decision_0").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_form-1-decision_2").is_checked()

    # Action 1 edited: "Ändra" opens by keyboard.
    page.locator("summary", has_text="Ändra åtgärd 1").focus()
    page.keyboard.press("Enter")
    page.locator("#id_form-0-title").fill("E-tjänst för föreningsbidrag")
    assert fits(page) and axe_violations(page) == []

    # The unmarked contact line taken by hand, in the row for an action Styr missed.
    page.locator("#id_form-2-title").fill("Bemanna växeln")
    page.locator("#id_form-2-text").fill("Kommunens växel bemannas hela dagen.")

    page.fill("#id_title", "E-förvaltning 2016")
    page.select_option("#id_owner", label="Kommunstyrelsen")
    page.fill("#id_registration_number", "KS 2016/8-001")
    page.fill("#id_as_of", "2016-03-01")
    page.get_by_role("button", name="Spara som ny plan").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Planen sparades som ett utkast med 2 åtgärder.")
    assert fits(page)

    plan = Plan.objects.get(title="E-förvaltning 2016")
    assert list(plan.actions.order_by("order").values_list("title", flat=True)) == [
        "E-tjänst för föreningsbidrag",
        "Bemanna växeln",
    ]


def test_the_document_stands_beside_the_actions_on_a_wide_screen(site, browser_page):
    base, strateg, path = site
    page = browser_page
    page.set_viewport_size(WIDE)
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", strateg.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)
    page.goto(f"{base}/import/")
    page.set_input_files("#id_document", str(path))
    page.get_by_role("button", name="Läs dokumentet").click()
    page.wait_for_selector("text=Granska åtgärderna i e-plan.txt")
    document = page.locator(".import-document-pane").bounding_box()
    actions = page.locator(".import-actions").bounding_box()
    assert document["x"] + document["width"] <= actions["x"]
    assert axe_violations(page) == []
