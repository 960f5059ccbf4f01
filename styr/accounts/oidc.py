"""Single sign-on with OpenID Connect: mozilla-django-oidc's relying party, told its
configuration by STYR_OIDC_* (settings.OIDC) and its endpoints by the provider itself.

Endpoints come from OpenID discovery (`ISSUER/.well-known/openid-configuration`), asked at
the first sign-on and then kept for the process: never at import or start-up, so Styr starts
and serves its public pages while the provider is down. A discovery that fails is not kept,
so the next attempt asks again.

What the provider's answer means for Styr (who, which person, which roles) is decided by the
pure `styr.accounts.oidc_config` and written by `styr.accounts.domain.sign_on`.
"""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from styr.accounts.backends import PasswordBackend
from styr.accounts.oidc_config import OidcConfig, read_claims

log = logging.getLogger(__name__)

# Seconds to wait for the provider: a provider that hangs must not hold a request forever.
TIMEOUT = 10
DISCOVERY_PATH = "/.well-known/openid-configuration"
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")

# issuer -> its discovery document
_discovered: dict[str, dict] = {}


class ProviderUnavailable(Exception):
    """The provider could not be reached (refused, timed out, answered 5xx or nonsense)."""


class ProviderRejected(Exception):
    """The provider answered, but with something Styr must not accept (a refused code, a
    token whose signature, nonce or issuer does not hold)."""


class UsernameTaken(Exception):
    """A local (password) account has the username, with another e-mail address."""


class NotConfigured(Exception):
    """Styr's own single sign-on settings do not fit its data (e.g. which municipality)."""


def configuration() -> OidcConfig | None:
    return settings.OIDC


def discover(config: OidcConfig) -> dict:
    """The provider's discovery document, fetched at first use and kept."""
    known = _discovered.get(config.issuer)
    if known is not None:
        return known
    url = config.issuer + DISCOVERY_PATH
    try:
        response = requests.get(url, timeout=TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"discovery at {url} failed: {error}") from error
    if not isinstance(document, dict):
        raise ProviderUnavailable(f"discovery at {url} answered no JSON object")
    missing = [name for name in ENDPOINTS if not isinstance(document.get(name), str)]
    if missing:
        raise ProviderUnavailable(f"discovery at {url} names no {', '.join(missing)}")
    # OpenID Connect Discovery 1.0, 4.3: the issuer must be the one asked, or the tokens'
    # `iss` means nothing.
    if str(document.get("issuer", "")).rstrip("/") != config.issuer:
        raise ProviderUnavailable(
            f"discovery at {url} names the issuer {document.get('issuer')!r}, "
            f"not {config.issuer!r} (STYR_OIDC_ISSUER)"
        )
    _discovered[config.issuer] = document
    return document


def forget_discovery() -> None:
    """Drop the kept endpoints (a test's provider on another port, a provider that moved)."""
    _discovered.clear()


def oidc_setting(attr: str, *default):
    """mozilla-django-oidc's settings, answered from STYR_OIDC_* where Styr has its own."""
    config = configuration()
    if config is not None:
        own = {
            "OIDC_RP_CLIENT_ID": config.client_id,
            "OIDC_RP_CLIENT_SECRET": config.client_secret,
            "OIDC_RP_SIGN_ALGO": config.sign_algorithm,
            "OIDC_RP_SCOPES": config.scopes,
            "OIDC_RP_IDP_SIGN_KEY": None,  # the provider's keys come from its jwks_uri
            "OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:oidc_callback",
            "OIDC_USE_PKCE": True,  # a stolen code is worthless without the verifier
            "OIDC_TIMEOUT": TIMEOUT,
            "OIDC_STORE_ACCESS_TOKEN": False,
            "OIDC_STORE_ID_TOKEN": False,
        }
        if attr in own:
            return own[attr]
    return import_from_settings(attr, *default)


def municipality_for(config: OidcConfig):
    from styr.org.models import Municipality

    if config.municipality:
        found = Municipality.objects.filter(slug=config.municipality).first()
        if found is None:
            raise NotConfigured(f"STYR_OIDC_MUNICIPALITY {config.municipality!r} does not exist")
        return found
    only = list(Municipality.objects.all()[:2])
    if len(only) != 1:
        raise NotConfigured(
            "STYR_OIDC_MUNICIPALITY is not set and there is not exactly one municipality"
        )
    return only[0]


class OidcBackend(OIDCAuthenticationBackend, PasswordBackend):
    """The relying party's backend. Listed in AUTHENTICATION_BACKENDS so that its sessions
    are recognised, but `authenticate()` answers no one: only the callback view signs in,
    through `sign_in`, so a password form can never start a token exchange and a failed
    sign-on at the provider is not counted by login throttling as a guessed password (the
    provider throttles its own logins; counted here under no username, one office's shared
    address would soon lock everyone out). Permissions as PasswordBackend: none of its own.
    """

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # mozilla-django-oidc reads its endpoints here, and Django makes a backend for every
        # sign-in and every request's user: discovery waits for `sign_in`.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()

    def authenticate(self, request, **credentials):
        return None

    def sign_in(self, request, *, nonce: str, code_verifier: str | None):
        """The user the callback's code stands for, signed on (`domain.sign_on`), or None
        if the provider's claims name no one Styr can sign in.

        Raises ProviderUnavailable, ProviderRejected or NotConfigured.
        """
        config = configuration()
        if config is None:
            raise NotConfigured("single sign-on is not configured (STYR_OIDC_ISSUER and the rest)")
        document = discover(config)
        self.OIDC_OP_TOKEN_ENDPOINT = document["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = document["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = document["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = config.client_id
        self.OIDC_RP_CLIENT_SECRET = config.client_secret
        self.OIDC_RP_SIGN_ALGO = config.sign_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.config = config
        self.issuer = str(document.get("issuer", "")).rstrip("/")
        try:
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except (requests.ConnectionError, requests.Timeout) as error:
            raise ProviderUnavailable(str(error)) from error
        except requests.HTTPError as error:
            status = error.response.status_code if error.response is not None else 0
            if status >= 500:
                raise ProviderUnavailable(str(error)) from error
            raise ProviderRejected(str(error)) from error
        except (requests.RequestException, SuspiciousOperation, jwt.PyJWTError) as error:
            raise ProviderRejected(str(error)) from error
        except (KeyError, TypeError, ValueError) as error:  # a token answer of the wrong shape
            raise ProviderRejected(f"unusable answer: {error!r}") from error

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        # mozilla-django-oidc checks the signature and nonce; the issuer and audience are
        # ours to check (OpenID Connect Core 3.1.3.7).
        if str(payload.get("iss", "")).rstrip("/") != self.issuer:
            raise SuspiciousOperation(f"the ID token's issuer is {payload.get('iss')!r}")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.config.client_id not in audiences:
            raise SuspiciousOperation(f"the ID token is for {audience!r}, not this client")
        return payload

    def verify_claims(self, claims):
        return True  # read_claims decides what is needed

    def get_or_create_user(self, access_token, id_token, payload):
        from styr.accounts.domain import AccountTaken, sign_on

        userinfo = self.get_userinfo(access_token, id_token, payload)
        if not isinstance(userinfo, dict):
            raise ProviderRejected("the userinfo endpoint answered no JSON object")
        if userinfo.get("sub", payload.get("sub")) != payload.get("sub"):
            # OpenID Connect Core 5.3.2: else the answer may be someone else's.
            raise ProviderRejected("the userinfo's subject is not the ID token's")
        try:
            identity = read_claims({**payload, **userinfo}, self.config)
        except ValueError as error:
            raise ProviderRejected(str(error)) from error
        municipality = municipality_for(self.config)
        try:
            result = sign_on(
                identity, municipality=municipality, person_field=self.config.person_field
            )
        except AccountTaken as error:
            raise UsernameTaken(str(error)) from error
        return result.user
