"""Single sign-on's pure parts, without a database: the configuration from the environment,
the group → role mapping, and which person a claim links to."""

import pytest

from styr.accounts.oidc_config import (
    Candidate,
    ConfigError,
    OidcConfig,
    config_from_env,
    match_person,
    parse_roles,
    read_claims,
    roles_from_groups,
)

BASE = {
    "STYR_OIDC_ISSUER": "https://login.nacka.se/realms/nacka/",
    "STYR_OIDC_CLIENT_ID": "styr",
    "STYR_OIDC_CLIENT_SECRET": "s3cret",
}


def test_no_issuer_means_no_single_sign_on():
    assert config_from_env({}) is None
    assert config_from_env({"STYR_OIDC_CLIENT_ID": "styr"}) is None


def test_the_configuration_has_defaults_and_loses_the_issuers_trailing_slash():
    config = config_from_env(BASE)
    assert config == OidcConfig(
        issuer="https://login.nacka.se/realms/nacka",
        client_id="styr",
        client_secret="s3cret",
        roles={},
        groups_claim="groups",
        person_claim="email",
        person_field="email",
        municipality="",
        button="",
        scopes="openid email profile",
        sign_algorithm="RS256",
    )


def test_every_variable_is_read():
    config = config_from_env(
        {
            **BASE,
            "STYR_OIDC_ROLES": "styr-strateg=strateg, styr-admin=admin,styr-lasare=läsare",
            "STYR_OIDC_GROUPS_CLAIM": "roles",
            "STYR_OIDC_PERSON_CLAIM": "employee_number",
            "STYR_OIDC_MUNICIPALITY": "nacka",
            "STYR_OIDC_BUTTON": "Logga in med Nacka-konto",
            "STYR_OIDC_SCOPES": "openid email groups",
        }
    )
    assert config.roles == {
        "styr-strateg": "strateg",
        "styr-admin": "admin",
        "styr-lasare": "lasare",
    }
    assert (config.groups_claim, config.person_claim, config.person_field) == (
        "roles",
        "employee_number",
        "employee_number",
    )
    assert (config.municipality, config.button, config.scopes) == (
        "nacka",
        "Logga in med Nacka-konto",
        "openid email groups",
    )


def test_a_claim_of_another_name_says_which_person_field_it_holds():
    config = config_from_env(
        {**BASE, "STYR_OIDC_PERSON_CLAIM": "anstnr", "STYR_OIDC_PERSON_FIELD": "employee_number"}
    )
    assert (config.person_claim, config.person_field) == ("anstnr", "employee_number")
    with pytest.raises(ConfigError, match="STYR_OIDC_PERSON_FIELD"):
        config_from_env({**BASE, "STYR_OIDC_PERSON_CLAIM": "anstnr"})


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"STYR_OIDC_ISSUER": "login.nacka.se"}, "STYR_OIDC_ISSUER must be an http"),
        ({"STYR_OIDC_CLIENT_ID": ""}, "STYR_OIDC_CLIENT_ID must be set"),
        ({"STYR_OIDC_CLIENT_SECRET": ""}, "STYR_OIDC_CLIENT_SECRET must be set"),
        ({"STYR_OIDC_ROLES": "styr-boss=boss"}, "unknown role 'boss' for group 'styr-boss'"),
        ({"STYR_OIDC_ROLES": "strateg"}, "'strateg' is not GROUP=ROLE"),
    ],
)
def test_a_bad_value_names_the_variable(env, message):
    with pytest.raises(ConfigError, match=message):
        config_from_env({**BASE, **env})


def test_a_group_may_not_be_mapped_to_two_roles():
    with pytest.raises(ConfigError, match="mapped twice"):
        parse_roles("g=strateg,g=admin")
    assert parse_roles("g=strateg, g=strateg,") == {"g": "strateg"}


def test_groups_give_the_roles_they_are_mapped_to_and_nothing_else():
    mapping = {"styr-strateg": "strateg", "styr-admin": "admin", "alla": "lasare"}
    assert roles_from_groups(["styr-strateg", "annan", "alla"], mapping) == {"strateg", "lasare"}
    assert roles_from_groups("styr-admin", mapping) == {"admin"}  # a lone group as a string
    assert roles_from_groups(None, mapping) == frozenset()
    assert roles_from_groups({"styr-admin": True}, mapping) == frozenset()
    assert roles_from_groups(["STYR-ADMIN", 7], mapping) == frozenset()  # names are exact


def test_claims_give_the_username_address_person_value_and_roles():
    config = OidcConfig(
        issuer="https://idp", client_id="c", client_secret="s", roles={"styr-strateg": "strateg"}
    )
    identity = read_claims(
        {
            "sub": "f81d4fae",
            "preferred_username": "ecarle",
            "email": " Elisabeth.Carle@Nacka.se ",
            "groups": ["styr-strateg"],
        },
        config,
    )
    assert (identity.username, identity.email, identity.person_value, identity.roles) == (
        "ecarle",
        "Elisabeth.Carle@Nacka.se",
        "elisabeth.carle@nacka.se",
        {"strateg"},
    )
    assert read_claims({"sub": "f81d4fae"}, config).username == "f81d4fae"
    with pytest.raises(ValueError, match="no subject"):
        read_claims({"preferred_username": "ecarle"}, config)


def test_an_employee_number_links_as_written_and_may_come_as_a_number():
    config = OidcConfig(
        issuer="https://idp",
        client_id="c",
        client_secret="s",
        person_claim="employee_number",
        person_field="employee_number",
    )
    assert read_claims({"sub": "x", "employee_number": 4711}, config).person_value == "4711"
    assert read_claims({"sub": "x", "employee_number": True}, config).person_value == ""
    assert read_claims({"sub": "x", "email": "a@b.se"}, config).person_value == ""


def test_the_person_linked_is_the_one_that_matches_if_exactly_one_does_and_is_free():
    people = [
        Candidate(1, "Elisabeth.Carle@nacka.se", linked=False),
        Candidate(2, "dag.bjorklund@nacka.se", linked=True),
        Candidate(3, "delad@nacka.se", linked=False),
        Candidate(4, "delad@nacka.se", linked=False),
    ]
    assert match_person("elisabeth.carle@nacka.se", people, "email") == 1
    assert match_person("dag.bjorklund@nacka.se", people, "email") is None  # taken
    assert match_person("delad@nacka.se", people, "email") is None  # two: ask, don't guess
    assert match_person("okand@nacka.se", people, "email") is None
    assert match_person("", [Candidate(5, "", linked=False)], "email") is None


def test_employee_numbers_are_compared_exactly():
    people = [Candidate(1, "A123", linked=False)]
    assert match_person("A123", people, "employee_number") == 1
    assert match_person("a123", people, "employee_number") is None
