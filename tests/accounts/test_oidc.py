"""Single sign-on against a real OpenID Connect provider (django-oidc-provider in its own
process, tests/oidc_provider), without a browser: Styr's side through Django's test client,
the provider's login form over HTTP. The browser's own walk is test_oidc_browser.py.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from styr.accounts import oidc
from styr.accounts.backends import PasswordBackend
from styr.accounts.domain import add_user, grant_role, set_group_roles
from styr.accounts.models import Account, GrantSource, RoleGrant
from styr.accounts.oidc_config import OidcConfig
from styr.org.models import Person
from tests import html
from tests.loopback import HOST, free_port
from tests.oidc_provider.process import CLIENT_ID, CLIENT_SECRET, log_in_at_provider, start
from tests.process import styr

PASSWORD = "provider-password-1"
USERS = [
    {
        "username": "ecarle",
        "password": PASSWORD,
        "email": "Elisabeth.Carle@nacka.example",
        "first_name": "Elisabeth",
        "last_name": "Carle",
        "groups": ["styr-strateg", "annan-grupp"],
    },
    {
        "username": "okand",
        "password": PASSWORD,
        "email": "okand@nacka.example",
        "groups": [],
    },
]


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    running = start(
        tmp_path_factory.mktemp("oidc-provider"),
        users=USERS,
        redirect_uris=["http://testserver/konto/oidc/callback/"],
    )
    yield running
    running.stop()


def configure(settings, issuer: str, **changes) -> OidcConfig:
    settings.OIDC = OidcConfig(
        issuer=issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        roles={"styr-strateg": "strateg", "styr-admin": "admin"},
        scopes="openid email profile groups",
        button="Logga in med Nacka-konto",
        **changes,
    )
    oidc.forget_discovery()
    return settings.OIDC


@pytest.fixture
def sso(settings, provider):
    configure(settings, provider.issuer)
    yield provider
    oidc.forget_discovery()


@pytest.fixture
def carle(demo):
    person = Person.objects.get(municipality=demo, slug="elisabeth-carle")
    person.email = "elisabeth.carle@nacka.example"  # the provider's, in another case
    person.save()
    return person


def sign_on(client, username: str):
    """Styr's start page → the provider's login → Styr's callback; the callback's answer."""
    start_answer = client.get("/konto/oidc/logga-in/?next=/planer/")
    assert start_answer.status_code == 302
    back = log_in_at_provider(start_answer["Location"], username, PASSWORD)
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")


def test_first_sign_on_creates_the_user_links_the_person_and_grants_the_groups_role(
    client, sso, carle
):
    answer = sign_on(client, "ecarle")

    assert (answer.status_code, answer["Location"]) == (302, "/planer/")
    user = get_user_model().objects.get(username="ecarle")
    assert user.email == "Elisabeth.Carle@nacka.example"
    assert not user.has_usable_password()
    assert Account.objects.get(user=user).person == carle
    grants = list(RoleGrant.objects.filter(user=user).values_list("role", "plan", "source"))
    assert grants == [("strateg", None, GrantSource.GROUPS)]
    lead = html.text(html.parse(client.get("/mina-atgarder/")), "//main//p[@class='lead']")
    assert lead.startswith("Elisabeth Carle är i dag ansvarig eller stödjande för")


def test_a_later_sign_on_takes_away_a_role_whose_group_is_gone_and_keeps_one_given_by_hand(
    client, sso, carle, demo
):
    user = add_user("ecarle", email="e@example.org", person=carle)
    grant_role(user, "lasare", municipality=demo)  # by hand
    grant_role(user, "admin", municipality=demo, source=GrantSource.GROUPS)  # group since left

    assert sign_on(client, "ecarle").status_code == 302

    roles = set(RoleGrant.objects.filter(user=user).values_list("role", "source"))
    assert roles == {
        ("lasare", GrantSource.HAND),
        ("strateg", GrantSource.GROUPS),
    }
    assert Account.objects.get(user=user).person == carle  # the link stays as it was


def test_without_a_matching_person_one_is_signed_in_without_rights_and_told_whom_to_ask(
    client, sso, carle, demo
):
    admin = add_user(
        "admin-anna", email="anna.admin@nacka.example", role="admin", municipality=demo
    )
    admin.first_name, admin.last_name = "Anna", "Adminsson"
    admin.save()

    answer = sign_on(client, "okand")

    assert answer.status_code == 302
    user = get_user_model().objects.get(username="okand")
    assert not Account.objects.filter(user=user, person__isnull=False).exists()
    assert not RoleGrant.objects.filter(user=user).exists()
    page = html.parse(client.get("/mina-atgarder/"))
    said = html.texts(page, "//main//p")
    assert said[0].startswith("Ditt konto är inte kopplat till någon person i organisationen")
    assert said[1].startswith("Be någon av Styrs administratörer koppla kontot till dig")
    assert html.texts(page, "//main//ul[@class='whom-to-ask']/li") == [
        "Anna Adminsson, anna.admin@nacka.example"
    ]
    assert html.hrefs(page, "anna.admin@nacka.example") == ["mailto:anna.admin@nacka.example"]


def test_the_support_contact_is_named_instead_of_the_administrators_when_set(
    client, sso, demo, settings
):
    settings.SUPPORT_CONTACT = "IT-supporten, tel. 08-718 80 00"
    sign_on(client, "okand")
    page = html.parse(client.get("/mina-atgarder/"))
    said = html.texts(page, "//main//p")
    assert said[1].startswith("Be IT-supporten, tel. 08-718 80 00 koppla kontot till dig.")
    assert not page.xpath("//ul[@class='whom-to-ask']")  # the administrators are not listed


def test_a_person_already_linked_to_another_account_is_not_taken_over(client, sso, carle):
    add_user("elisabeth-lokal", email="e@example.org", person=carle)
    sign_on(client, "ecarle")
    user = get_user_model().objects.get(username="ecarle")
    assert not Account.objects.filter(user=user, person__isnull=False).exists()


def test_a_provider_that_refuses_the_code_gives_the_login_error_page(
    client, settings, provider, demo, caplog
):
    configure(settings, provider.issuer)
    start_answer = client.get("/konto/oidc/logga-in/")
    back = urlsplit(log_in_at_provider(start_answer["Location"], "ecarle", PASSWORD))
    # Styr's secret no longer matches: the provider refuses to exchange the code.
    settings.OIDC = OidcConfig(**{**vars(settings.OIDC), "client_secret": "wrong"})
    with caplog.at_level(logging.WARNING, logger="styr.accounts.oidc_views"):
        answer = client.get(f"{back.path}?{back.query}")
    page = answer.content.decode()
    assert html.text(html.parse(answer, 502), "//h1") == "Inloggningen kunde inte kontrolleras"
    assert "Traceback" not in page
    assert not get_user_model().objects.filter(username="ecarle").exists()
    assert "single sign-on failed (rejected)" in caplog.text
    oidc.forget_discovery()


def test_an_answer_for_another_sign_on_is_refused(client, sso, demo, caplog):
    with caplog.at_level(logging.WARNING):
        answer = client.get("/konto/oidc/callback/?code=abc&state=not-ours")
    assert html.text(html.parse(answer, 400), "//h1") == "Inloggningen hörde inte ihop"
    assert "single sign-on failed (state)" in caplog.text


def test_a_declined_consent_is_told_as_such_and_the_state_cannot_be_reused(client, sso, demo):
    start_answer = client.get("/konto/oidc/logga-in/")
    state = dict(
        pair.split("=", 1) for pair in urlsplit(start_answer["Location"]).query.split("&")
    )["state"]
    answer = client.get(f"/konto/oidc/callback/?error=access_denied&state={state}")
    assert html.text(html.parse(answer, 403), "//h1") == "Inloggningen avbröts"
    assert state not in client.session.get("oidc_states", {})
    again = client.get(f"/konto/oidc/callback/?code=abc&state={state}")
    assert again.status_code == 400


# --- The provider is down --------------------------------------------------------------


def test_a_provider_that_is_down_gives_a_swedish_error_page_not_a_500(
    client, settings, demo, caplog
):
    configure(settings, f"http://{HOST}:{free_port()}/openid")  # nothing listens there
    with caplog.at_level(logging.WARNING):
        answer = client.get("/konto/oidc/logga-in/")
    page = answer.content.decode()
    tree = html.parse(answer, 502)
    assert html.text(tree, "//h1") == "Inloggningstjänsten svarar inte"
    assert html.alerts(tree)[0].startswith("Styr fick inget svar från kommunens inloggningstjänst.")
    assert html.hrefs(tree, "Tillbaka till inloggningen") == ["/konto/logga-in/"]
    assert "Traceback" not in page
    assert [(r.name, r.levelname) for r in caplog.records] == [
        ("styr.accounts.oidc_views", "WARNING")
    ]
    assert "Connection refused" in caplog.records[0].getMessage()


def test_a_provider_that_goes_down_before_the_code_is_exchanged_gives_the_error_page(
    client, sso, demo
):
    start_answer = client.get("/konto/oidc/logga-in/")
    back = urlsplit(log_in_at_provider(start_answer["Location"], "ecarle", PASSWORD))
    # The provider's endpoints as discovered, now at an address where nothing listens.
    dead = f"http://{HOST}:{free_port()}"
    document = oidc._discovered[sso.issuer]
    oidc._discovered[sso.issuer] = {
        **document,
        "token_endpoint": dead + "/openid/token",
    }
    answer = client.get(f"{back.path}?{back.query}")
    assert html.text(html.parse(answer, 502), "//h1") == "Inloggningstjänsten svarar inte"


def test_styr_starts_and_shows_the_login_page_while_the_provider_is_down(client, settings, db):
    configure(settings, f"http://{HOST}:{free_port()}/openid")
    page = html.parse(client.get("/konto/logga-in/"))
    assert html.hrefs(page, "Logga in med Nacka-konto") == ["/konto/oidc/logga-in/"]


# --- Password login switched off -------------------------------------------------------


def test_password_login_switched_off_hides_the_form_and_refuses_a_password(
    client, settings, provider, demo
):
    configure(settings, provider.issuer)
    settings.PASSWORD_LOGIN = False
    add_user("lokal", email="lokal@example.org", password="ett-langt-testlosenord")

    page = html.parse(client.get("/konto/logga-in/"))
    assert html.hrefs(page, "Logga in med Nacka-konto") == ["/konto/oidc/logga-in/"]
    assert not page.xpath("//input[@name='password']")

    answer = client.post(
        "/konto/logga-in/", {"username": "lokal", "password": "ett-langt-testlosenord"}
    )
    assert html.alerts(html.parse(answer, 403)) == [
        "Inloggning med lösenord är avstängd i Styr. Logga in med kommunens inloggningstjänst."
    ]
    assert "_auth_user_id" not in client.session
    # Nor on any other form: the password backend itself takes none now.
    assert (
        PasswordBackend().authenticate(None, username="lokal", password="ett-langt-testlosenord")
        is None
    )


def test_with_password_login_on_and_no_sso_the_login_page_is_as_before(client, settings, db):
    settings.OIDC = None
    answer = client.get("/konto/logga-in/")
    assert html.parse(answer).xpath("//form//input[@name='password'][@type='password']")
    assert "/konto/oidc/" not in answer.content.decode()
    assert client.get("/konto/oidc/logga-in/").status_code == 404


def test_group_roles_are_set_exactly_and_hand_roles_left_alone(demo):
    user = add_user("u", email="u@example.org")
    grant_role(user, "admin", municipality=demo)
    set_group_roles(user, {"strateg", "admin"}, municipality=demo)
    assert set(RoleGrant.objects.filter(user=user).values_list("role", "source")) == {
        ("admin", GrantSource.HAND),
        ("strateg", GrantSource.GROUPS),
    }
    set_group_roles(user, set(), municipality=demo)
    assert set(RoleGrant.objects.filter(user=user).values_list("role", "source")) == {
        ("admin", GrantSource.HAND)
    }


# --- Start-up --------------------------------------------------------------------------


def test_a_bad_role_mapping_stops_styr_with_the_variables_name(tmp_path):
    result = styr(
        "check",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY="tests-only-not-a-secret",
        STYR_OIDC_ISSUER="https://login.nacka.example/realms/nacka",
        STYR_OIDC_CLIENT_ID="styr",
        STYR_OIDC_CLIENT_SECRET="s3cret",
        STYR_OIDC_ROLES="styr-chef=chef",
    )
    assert result.returncode != 0
    assert "STYR_OIDC_ROLES: unknown role 'chef' for group 'styr-chef'" in result.stderr


def test_styr_starts_while_the_provider_is_down(tmp_path):
    result = styr(
        "check",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY="tests-only-not-a-secret",
        STYR_OIDC_ISSUER=f"http://{HOST}:{free_port()}/openid",
        STYR_OIDC_CLIENT_ID="styr",
        STYR_OIDC_CLIENT_SECRET="s3cret",
    )
    assert result.returncode == 0, result.stderr


def test_a_first_sign_on_links_by_employee_number_when_configured_so(demo):
    from styr.accounts.domain import sign_on as sign_on_domain
    from styr.accounts.oidc_config import read_claims

    dag = Person.objects.get(municipality=demo, slug="dag-bjorklund")
    dag.employee_number = "NK-4711"
    dag.save()
    config = OidcConfig(
        issuer="https://idp.example",
        client_id="c",
        client_secret="s",
        person_claim="employee_number",
        person_field="employee_number",
    )
    identity = read_claims(
        {"sub": "42", "preferred_username": "dagb", "employee_number": "NK-4711"}, config
    )
    result = sign_on_domain(identity, municipality=demo, person_field="employee_number")
    assert (result.person, result.linked_now) == (dag, True)
    assert Account.objects.get(user__username="dagb").person == dag
    again = sign_on_domain(identity, municipality=demo, person_field="employee_number")
    assert (again.user, again.person, again.linked_now) == (result.user, dag, False)


def test_failed_sign_ons_are_not_counted_as_guessed_passwords(client, sso, carle, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.get("/konto/oidc/callback/?code=abc&state=not-ours")
        client.get("/konto/oidc/callback/?error=access_denied&state=x")
    assert not AccessAttempt.objects.exists()
    answer = sign_on(client, "ecarle")  # neither locked out nor refused
    assert (answer.status_code, answer["Location"]) == (302, "/planer/")


def test_a_password_account_of_the_same_name_is_taken_over_only_with_the_same_address(
    client, sso, carle
):
    local = add_user("ecarle", email="someone.else@example.org", password="ett-langt-testlosenord")
    answer = sign_on(client, "ecarle")
    assert html.text(html.parse(answer, 403), "//h1") == "Användarnamnet är upptaget i Styr"
    assert "_auth_user_id" not in client.session
    local.refresh_from_db()
    assert local.email == "someone.else@example.org"

    local.email = "elisabeth.carle@NACKA.example"
    local.save()
    assert sign_on(client, "ecarle").status_code == 302
    assert client.session["_auth_user_id"] == str(local.pk)


def test_a_next_address_elsewhere_is_not_followed_after_sign_on(client, sso, carle):
    start_answer = client.get("/konto/oidc/logga-in/?next=https://evil.example/")
    back = urlsplit(log_in_at_provider(start_answer["Location"], "ecarle", PASSWORD))
    answer = client.get(f"{back.path}?{back.query}")
    assert (answer.status_code, answer["Location"]) == (302, "/mina-atgarder/")
