"""The unsubscribe link: a signed token naming the address, the kind of mail and its scope,
so that it works without logging in and cannot be made for someone else's address."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "styr.reminders.unsubscribe"


@dataclass(frozen=True)
class Unsubscribe:
    email: str
    kind: str
    scope: str


def make_token(email: str, kind: str, scope: str) -> str:
    return signing.dumps({"e": email.lower(), "k": kind, "s": scope}, salt=SALT, compress=True)


def read_token(token: str) -> Unsubscribe | None:
    """The unsubscribe the token asks for; None for a token that is not ours."""
    try:
        data = signing.loads(token, salt=SALT)
        return Unsubscribe(str(data["e"]), str(data["k"]), str(data["s"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_url(email: str, kind: str, scope: str) -> str:
    return settings.BASE_URL + reverse(
        "reminders:unsubscribe", args=[make_token(email, kind, scope)]
    )
