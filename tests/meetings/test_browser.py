"""The meeting pages in a real Chromium at 320 px, checked by axe; the coordinator records
a manager's attendance by keyboard."""

import datetime as dt

import pytest

from tests.browser import axe_violations, require_chromium
from tests.meetings.factory import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def site(live_server):
    """A small organisation with two meetings, one of them recorded, and a chefspris."""
    from styr.meetings.domain import award_prize, record_attendance
    from tests.meetings.factory import small_org

    org = small_org(managers=6)
    recorded = org.meeting(dt.date(2015, 9, 24), title="Frukostmöte för alla chefer i kommunen")
    record_attendance(recorded, {p.id: "narvarande" for k, p in org.people.items() if k != "a2"})
    award_prize(
        recorded, org.person("a3"), prize="Årets chef", citation="För ett modigt ledarskap."
    )
    open_one = org.meeting(dt.date(2015, 10, 22), audience="stadshuset")
    return live_server.url, org, open_one, org.user("kim")


def test_the_meeting_pages_reflow_at_320_px_pass_axe_and_record_by_keyboard(site, browser_page):
    base, org, meeting, coordinator = site
    slug = org.municipality.slug
    page = browser_page
    page.set_viewport_size(NARROW)
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", coordinator.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)

    period = "?fran=2015-07-01&till=2015-12-31"
    for path in (
        f"/{slug}/chefsmoten/{period}",
        f"/{slug}/chefsmoten/narvaro/{period}",
        f"/{slug}/chefsmoten/chefer/a1/{period}",
        f"/{slug}/chefsmoten/{meeting.pk}/",
    ):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
        assert axe_violations(page) == [], path

    a1 = org.person("a1")
    choice = page.locator(f"#id_p{a1.id}")
    choice.focus()
    choice.select_option("forhinder")
    page.get_by_role("button", name="Spara närvaron").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Närvaron är sparad")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert axe_violations(page) == []
    assert meeting.attendances.get(person=a1).status == "forhinder"
