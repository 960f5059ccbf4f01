"""Single sign-on's pure parts: its configuration from the environment, and what a
provider's claims mean for Styr (who signs in, which person they are, which roles they hold).

No Django import: styr/settings.py parses STYR_OIDC_* with it at start-up, and the tests
check it without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# The roles a group may map to (the codes of styr.accounts.models.Role), with the Swedish
# spellings `styr user add --role` accepts as well.
ROLE_CODES = {"strateg": "strateg", "lasare": "lasare", "läsare": "lasare", "admin": "admin"}
# What a person can be linked by: the claim's value is compared with this Person field.
PERSON_FIELDS = {"email", "employee_number"}


class ConfigError(ValueError):
    """A STYR_OIDC_* value Styr cannot use; the message names the variable."""


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    # group name in the provider -> role code
    roles: Mapping[str, str] = field(default_factory=dict)
    groups_claim: str = "groups"
    # The claim linking to a person, and the Person field it is compared with.
    person_claim: str = "email"
    person_field: str = "email"
    municipality: str = ""  # slug; "" = the only one
    button: str = ""  # "" = the default label
    scopes: str = "openid email profile"
    sign_algorithm: str = "RS256"


@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in, in Styr's terms."""

    username: str
    email: str
    person_value: str  # the linking claim's value, normalised; "" when the claim is absent
    roles: frozenset[str]
    first_name: str = ""
    last_name: str = ""


def parse_roles(text: str, *, name: str = "STYR_OIDC_ROLES") -> dict[str, str]:
    """'styr-strateg=strateg, styr-admin=admin' -> {group: role code}."""
    roles: dict[str, str] = {}
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        group, sep, role = item.rpartition("=")
        group, role = group.strip(), role.strip().lower()
        if not sep or not group:
            raise ConfigError(f"{name}: {item!r} is not GROUP=ROLE (e.g. styr-admin=admin)")
        if role not in ROLE_CODES:
            raise ConfigError(
                f"{name}: unknown role {role!r} for group {group!r}; "
                "use strateg, lasare (läsare) or admin"
            )
        if group in roles and roles[group] != ROLE_CODES[role]:
            raise ConfigError(f"{name}: group {group!r} is mapped twice")
        roles[group] = ROLE_CODES[role]
    return roles


def config_from_env(env: Mapping[str, str]) -> OidcConfig | None:
    """The configuration from STYR_OIDC_*; None when STYR_OIDC_ISSUER is unset (no SSO)."""
    issuer = env.get("STYR_OIDC_ISSUER", "").strip().rstrip("/")
    if not issuer:
        return None
    if not issuer.startswith(("https://", "http://")):
        raise ConfigError(f"STYR_OIDC_ISSUER must be an http(s) address, not {issuer!r}")
    client_id = env.get("STYR_OIDC_CLIENT_ID", "").strip()
    client_secret = env.get("STYR_OIDC_CLIENT_SECRET", "")
    for name, value in (
        ("STYR_OIDC_CLIENT_ID", client_id),
        ("STYR_OIDC_CLIENT_SECRET", client_secret),
    ):
        if not value:
            raise ConfigError(f"{name} must be set when STYR_OIDC_ISSUER is")
    person_claim = env.get("STYR_OIDC_PERSON_CLAIM", "email").strip() or "email"
    person_field = env.get("STYR_OIDC_PERSON_FIELD", "").strip() or (
        person_claim if person_claim in PERSON_FIELDS else ""
    )
    if person_field not in PERSON_FIELDS:
        raise ConfigError(
            f"STYR_OIDC_PERSON_FIELD must be email or employee_number (the Person field the "
            f"claim {person_claim!r} is compared with), not {person_field!r}"
        )
    return OidcConfig(
        issuer=issuer,
        client_id=client_id,
        client_secret=client_secret,
        roles=parse_roles(env.get("STYR_OIDC_ROLES", "")),
        groups_claim=env.get("STYR_OIDC_GROUPS_CLAIM", "groups").strip() or "groups",
        person_claim=person_claim,
        person_field=person_field,
        municipality=env.get("STYR_OIDC_MUNICIPALITY", "").strip(),
        button=env.get("STYR_OIDC_BUTTON", "").strip(),
        scopes=env.get("STYR_OIDC_SCOPES", "").strip() or "openid email profile",
        sign_algorithm=env.get("STYR_OIDC_SIGN_ALGORITHM", "").strip() or "RS256",
    )


def normalise(person_field: str, value: object) -> str:
    """A claim's value as it is compared: e-mail addresses without regard to case."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return ""
    text = str(value).strip()
    return text.lower() if person_field == "email" else text


def roles_from_groups(groups: object, mapping: Mapping[str, str]) -> frozenset[str]:
    """The roles the groups claim gives; a claim that is no list (or a lone string) counts."""
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list | tuple):
        return frozenset()
    return frozenset(mapping[g] for g in groups if isinstance(g, str) and g in mapping)


def read_claims(claims: Mapping[str, object], config: OidcConfig) -> Identity:
    """The identity in a provider's claims; ValueError when they name no one (no `sub`)."""
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.strip():
        raise ValueError("the provider's claims have no subject (sub)")
    preferred = claims.get("preferred_username")
    username = preferred if isinstance(preferred, str) and preferred.strip() else sub

    def text(name: str, limit: int) -> str:
        value = claims.get(name)
        return value.strip()[:limit] if isinstance(value, str) else ""

    return Identity(
        username=username.strip()[:150],
        email=text("email", 254),
        person_value=normalise(config.person_field, claims.get(config.person_claim)),
        roles=roles_from_groups(claims.get(config.groups_claim), config.roles),
        first_name=text("given_name", 150),
        last_name=text("family_name", 150),
    )


@dataclass(frozen=True)
class Candidate:
    """A person whose field holds a value, and whether an account is linked to them."""

    person_id: int
    value: str
    linked: bool


def match_person(value: str, candidates: Iterable[Candidate], person_field: str) -> int | None:
    """The person to link: the one whose value equals the claim's, if exactly one does and
    no account is linked to them yet. Two people with one address is a question for an
    administrator, not a guess."""
    if not value:
        return None
    same = [c for c in candidates if normalise(person_field, c.value) == value]
    if len(same) != 1 or same[0].linked:
        return None
    return same[0].person_id
