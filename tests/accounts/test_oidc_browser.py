"""Single sign-on end to end in a real Chromium, against a real OpenID Connect provider
(django-oidc-provider in its own process): Styr's login page → the button → the provider's
login form → the callback → signed in on Mina åtgärder as the linked person. Under Styr's
strict Content-Security-Policy, as in production."""

import pytest

from tests.browser import axe_violations, require_chromium
from tests.oidc_provider.process import CLIENT_ID, CLIENT_SECRET, start

pytestmark = pytest.mark.browser

require_chromium()

PASSWORD = "provider-password-1"


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    running = start(
        tmp_path_factory.mktemp("oidc-provider"),
        users=[
            {
                "username": "ecarle",
                "password": PASSWORD,
                "email": "elisabeth.carle@nacka.example",
                "first_name": "Elisabeth",
                "last_name": "Carle",
                "groups": ["styr-strateg"],
            }
        ],
        redirect_uris=[f"{live_server.url}/konto/oidc/callback/"],
    )
    yield running
    running.stop()


@pytest.fixture
def site(live_server, provider, settings):
    """The demo with Elisabeth Carle's address, and Styr configured for the provider."""
    from styr.accounts import oidc
    from styr.accounts.oidc_config import OidcConfig
    from styr.demo.loader import load_file
    from styr.org.models import Person

    municipality = load_file(generated=False)
    Person.objects.filter(municipality=municipality, slug="elisabeth-carle").update(
        email="elisabeth.carle@nacka.example"
    )
    settings.OIDC = OidcConfig(
        issuer=provider.issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        roles={"styr-strateg": "strateg"},
        scopes="openid email profile groups",
        button="Logga in med Nacka-konto",
    )
    oidc.forget_discovery()
    yield live_server.url
    oidc.forget_discovery()


def test_single_sign_on_in_chromium_signs_in_as_the_linked_person_with_the_groups_role(
    site, browser_page
):
    from django.contrib.auth import get_user_model

    from styr.accounts.models import Account, GrantSource, RoleGrant

    page = browser_page
    violations = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(f"{site}/konto/logga-in/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Logga in med Nacka-konto").click()

    page.wait_for_selector("text=Test provider")  # the provider's own login form
    page.fill("#id_username", "ecarle")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in at the provider").click()

    page.wait_for_url(f"{site}/mina-atgarder/")
    main = page.locator("main").inner_text()
    assert "Elisabeth Carle är i dag ansvarig eller stödjande för" in main
    assert "Inloggad: Elisabeth Carle" in page.locator("header").inner_text()
    assert violations == []

    user = get_user_model().objects.get(username="ecarle")
    assert Account.objects.get(user=user).person.slug == "elisabeth-carle"
    assert list(RoleGrant.objects.filter(user=user).values_list("role", "plan", "source")) == [
        ("strateg", None, GrantSource.GROUPS)
    ]


def test_the_login_error_page_is_accessible_and_leads_back(site, browser_page):
    page = browser_page
    page.goto(f"{site}/konto/oidc/callback/?code=abc&state=not-ours")
    assert page.locator("h1").inner_text() == "Inloggningen hörde inte ihop"
    assert axe_violations(page) == []
    page.get_by_role("link", name="Tillbaka till inloggningen").click()
    page.wait_for_url(f"{site}/konto/logga-in/")
