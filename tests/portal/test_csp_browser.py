"""The Content-Security-Policy in a real Chromium: no page Styr serves breaks it."""

import pytest

from tests.browser import require_chromium
from tests.cast import PASSWORD, make_cast
from tests.conftest import PLAN_SLUG

pytestmark = pytest.mark.browser

require_chromium()

# Runs before any script of the page: every violation the browser reports is kept.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""
# The events are dispatched as tasks: let the page run its queued tasks, then read them.
VIOLATIONS = "new Promise((done) => setTimeout(() => done(window.__cspViolations), 0))"


@pytest.fixture
def site(live_server):
    """The live server with the demo and the cast of users, before any browser starts."""
    from styr.demo.loader import load_file

    cast = make_cast(load_file(generated=False))
    return live_server.url, cast


@pytest.fixture
def page(site, browser_page):
    browser_page.add_init_script(LISTEN)
    return browser_page


def violations_on(page, url) -> list[str]:
    response = page.goto(url, wait_until="load")
    assert response.ok, f"{url}: {response.status}"
    return page.evaluate(VIOLATIONS)


def test_the_listener_catches_a_violation(site, page):
    """Proves the other tests can fail: an inline style attribute is reported."""
    url, _ = site
    page.goto(f"{url}/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    assert any("style-src" in v for v in page.evaluate(VIOLATIONS))


def test_public_pages_and_the_report_cause_no_violation(site, page):
    url, cast = site
    for path in [
        "/",
        f"/planer/{PLAN_SLUG}/?as_of=2015-09-02",
        f"/planer/{PLAN_SLUG}/atgarder/{cast.action.pk}/",
        f"/planer/{PLAN_SLUG}/lagesrapport/html/?as_of=2015-09-02",
        "/konto/logga-in/",
    ]:
        assert violations_on(page, f"{url}{path}") == [], path


def test_signing_in_and_the_admin_change_form_cause_no_violation(site, page):
    url, cast = site
    change_form = f"/admin/plans/action/{cast.action.pk}/change/"
    assert violations_on(page, f"{url}/konto/logga-in/?next={change_form}") == []
    page.fill("#id_username", cast.strateg.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{change_form}")
    assert page.evaluate(VIOLATIONS) == []
    assert page.locator("#action_form").count() == 1

    for path in ["/admin/", "/admin/plans/action/", change_form]:
        assert violations_on(page, f"{url}{path}") == [], path
