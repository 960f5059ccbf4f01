"""The status spreadsheet pages in a real Chromium at 320 px, checked by axe: a director
uploads a filled-in file, reads the preview and saves it by keyboard."""

import pytest

from tests.browser import axe_violations, require_chromium
from tests.cast import PASSWORD

pytestmark = pytest.mark.browser

require_chromium()

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def site(live_server, tmp_path):
    """The demo and the cast; a CSV in which Elisabeth Carle changed one of her actions and
    one that is not hers (an error)."""
    from styr.accounts.policy import can
    from styr.demo.loader import load_file
    from styr.plans.spreadsheet import COLUMNS, write_csv
    from styr.plans.status_import import export_rows
    from tests.cast import make_cast

    cast = make_cast(load_file(generated=False))
    actions = list(cast.plan.actions.order_by("order"))
    mine = next(a for a in actions if can(cast.responsible, "plans.report_status", a))
    theirs = next(a for a in actions if not can(cast.responsible, "plans.report_status", a))
    good, bad = [], []
    for row in map(list, export_rows(cast.plan)):
        good.append(list(row))
        if row[0] in (mine.id, theirs.id):
            row[COLUMNS.index("status")] = "Genomfört"
            row[COLUMNS.index("kommentar")] = "Klart enligt ett mycket långt ord: " + "x" * 80
        if row[0] == mine.id:
            good[-1] = list(row)
        bad.append(row)
    (tmp_path / "ifylld.csv").write_bytes(write_csv(good))
    (tmp_path / "fel.csv").write_bytes(write_csv(bad))
    return live_server.url, cast, tmp_path, mine


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_upload_preview_and_save_reflow_at_320_px_and_pass_axe(site, browser_page):
    from styr.plans.models import StatusUpdate

    base, cast, files, mine = site
    page = browser_page
    page.set_viewport_size(NARROW)
    page.goto(f"{base}/konto/logga-in/")
    page.fill("#id_username", cast.responsible.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: "/logga-in/" not in address)

    page.goto(f"{base}/planer/{cast.plan.slug}/status/import/")
    assert fits(page) and axe_violations(page) == []

    page.set_input_files("#id_sheet", str(files / "fel.csv"))
    page.get_by_role("button", name="Visa ändringarna").click()
    page.wait_for_selector("text=Rader med fel")
    assert fits(page) and axe_violations(page) == []
    assert page.get_by_role("button", name="Spara").count() == 0

    page.goto(f"{base}/planer/{cast.plan.slug}/status/import/")
    page.set_input_files("#id_sheet", str(files / "ifylld.csv"))
    page.get_by_role("button", name="Visa ändringarna").click()
    page.wait_for_selector("text=Rader som ger en ny statusuppdatering")
    assert fits(page) and axe_violations(page) == []

    page.get_by_role("button", name="Spara").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=1 statusuppdatering från ifylld.csv är sparad.")
    assert fits(page) and axe_violations(page) == []
    update = StatusUpdate.objects.latest("id")
    assert (update.action_id, update.status, update.author) == (mine.id, "done", cast.responsible)
