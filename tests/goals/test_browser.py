"""The comparison picker of a Kolada indicator in a real Chromium: search, keyboard, axe."""

import pytest

from tests.browser import axe_violations, require_chromium

pytestmark = pytest.mark.browser

require_chromium()

PAGE = "/nacka/indikatorer/vab-man/?jamforelse=1"  # nobody chosen yet


@pytest.fixture
def site(live_server):
    from styr.demo.loader import load_file

    load_file(generated=False)
    return live_server.url


def test_reader_finds_a_municipality_by_typing_chooses_it_by_keyboard_and_sees_its_values(
    site, browser_page
):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site}{PAGE}")
    # Nacka's own values are not in the bundled Kolada files: nothing to show before choosing.
    assert page.locator("table.data").count() == 0

    page.get_by_label("Sök kommun").focus()
    page.keyboard.type("göteb")
    assert page.locator("#id_jamfor_antal").inner_text() == "1 kommun matchar."
    assert page.locator(".picker li:visible").all_inner_texts() == ["Göteborg"]
    assert page.locator(".picker details:visible summary").all_inner_texts() == [
        "Västra Götalands län (49)"
    ]
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.keyboard.press("Enter")  # from the search box to the first match, not a submit
    assert page.evaluate("document.activeElement.value") == "1480"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the group, then the button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Visa jämförelse"
    page.keyboard.press("Enter")
    page.wait_for_url("**jamfor=1480**")

    head = [text.strip() for text in page.locator("table.data thead th").all_inner_texts()]
    row_2020 = page.locator("table.data tbody tr", has_text="2020").first
    value = row_2020.locator("th, td").all_inner_texts()[head.index("Göteborg")]
    assert value.replace("\xa0", " ").strip() == "39,5 %"  # Kolada's N00945, Göteborg 2020
    assert page.locator(".picker-chosen").inner_text() == "Valda: Göteborg"
    assert page.locator('input[name=jamfor][value="1480"]').is_checked()
    assert axe_violations(page) == []


def test_without_javascript_the_picker_is_a_form_of_grouped_checkboxes(site, browser_page):
    context = browser_page.context.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}{PAGE}")
    assert page.locator(".picker-search").is_hidden()

    page.locator("summary", has_text="Skåne län").focus()
    page.keyboard.press("Enter")  # opens the county
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.parentElement.textContent.trim()") == "Bjuv"
    page.get_by_label("Malmö").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Visa jämförelse").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**jamfor=1280**")
    assert "Malmö" in page.locator("table.data thead").inner_text()
    assert page.locator("details[open] summary").all_inner_texts() == ["Skåne län (33)"]
    context.close()
