"""The login page (password and single sign-on), and single sign-on's three URLs under
konto/oidc/: start (to the provider), callback (back from it) and logout.

Whatever goes wrong with the provider ends on one Swedish page that says what happened and
offers a way back, with a 4xx or 502 status and a WARNING in the log: never a 500.
Without STYR_OIDC_ISSUER the three URLs do not exist (404).

The login page starts single sign-on with a link, not a form: the redirect to the provider
then follows no form submission, so the Content-Security-Policy's form-action stays 'self'
(Chromium applies form-action to a form's redirects too) and needs no issuer in it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from styr.accounts.forms import ProviderAnswerForm, read_query
from styr.accounts.oidc import (
    NotConfigured,
    OidcBackend,
    ProviderRejected,
    ProviderUnavailable,
    UsernameTaken,
    configuration,
    discover,
    oidc_setting,
)

log = logging.getLogger(__name__)

BACKEND = "styr.accounts.oidc.OidcBackend"
# What the provider's `error` means for the person: they said no, or it could not ask.
DECLINED = {"access_denied", "consent_required", "login_required", "interaction_required"}


def sso_label() -> str:
    """The sign-on button's text; "" when single sign-on is off."""
    config = configuration()
    if config is None:
        return ""
    return config.button or _("Logga in med kommunens konto")


class LoginView(auth_views.LoginView):
    """Django's login page, with the single sign-on button when it is configured; with
    STYR_PASSWORD_LOGIN=false the password form is gone and a password POST refused."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "sso_label": sso_label(),
            "password_login": settings.PASSWORD_LOGIN,
        }

    def post(self, request, *args, **kwargs):
        if not settings.PASSWORD_LOGIN:
            log.warning("password login refused: STYR_PASSWORD_LOGIN is off")
            context = self.get_context_data(form=None, refused=True)
            return render(request, self.template_name, context, status=403)
        return super().post(request, *args, **kwargs)


# What each kind of failure tells the person, with the page's status.
FAILURES = {
    "unavailable": (
        502,
        gettext_lazy("Inloggningstjänsten svarar inte"),
        gettext_lazy(
            "Styr fick inget svar från kommunens inloggningstjänst. Det beror inte på "
            "dig. Försök igen om en stund; fungerar det ändå inte, kontakta "
            "kommunens IT-support."
        ),
    ),
    "rejected": (
        502,
        gettext_lazy("Inloggningen kunde inte kontrolleras"),
        gettext_lazy(
            "Inloggningstjänstens svar gick inte att kontrollera, så Styr kan inte lita "
            "på det. Försök igen; fungerar det ändå inte, kontakta kommunens IT-support."
        ),
    ),
    "state": (
        400,
        gettext_lazy("Inloggningen hörde inte ihop"),
        gettext_lazy(
            "Svaret från inloggningstjänsten hörde inte till en inloggning som påbörjats "
            "här, eller så var den redan använd. Det händer om inloggningen tog lång tid "
            "eller påbörjades i en annan flik. Börja om från inloggningssidan."
        ),
    ),
    "declined": (
        403,
        gettext_lazy("Inloggningen avbröts"),
        gettext_lazy(
            "Inloggningstjänsten meddelade att inloggningen avbröts eller att Styr inte "
            "fick ta del av dina uppgifter. Du är inte inloggad."
        ),
    ),
    "refused": (
        403,
        gettext_lazy("Kontot kan inte loggas in"),
        gettext_lazy(
            "Inloggningstjänsten godkände dig, men Styr kan inte logga in kontot: "
            "uppgifterna om vem du är saknades, eller så är kontot avstängt i Styr. "
            "Kontakta Styrs administratör."
        ),
    ),
    "taken": (
        403,
        gettext_lazy("Användarnamnet är upptaget i Styr"),
        gettext_lazy(
            "Styr har redan ett konto med ditt användarnamn, med lösenord och en annan "
            "e-postadress. Styr kopplar inte ihop dem på egen hand: kontakta Styrs "
            "administratör."
        ),
    ),
    "misconfigured": (
        503,
        gettext_lazy("Inloggningen är inte rätt inställd"),
        gettext_lazy(
            "Styrs inställningar för inloggningstjänsten stämmer inte med Styrs data. "
            "Kontakta Styrs administratör."
        ),
    ),
}


def failure(request, kind: str, detail: str):
    """The login error page. `kind` chooses the words and the status; `detail` (English,
    possibly the provider's) goes to the log only."""
    status, heading, text = FAILURES[kind]
    log.warning("single sign-on failed (%s): %s", kind, detail)
    context = {
        "heading": str(heading),
        "text": str(text),
        "password_login": settings.PASSWORD_LOGIN,
    }
    response = render(request, "accounts/oidc_error.html", context, status=status)
    # Logged above, as a WARNING: the provider's outage is no error in Styr, and Django
    # would log every 5xx again as an ERROR (and mail it to ADMINS where they are set).
    response._has_been_logged = True  # type: ignore[attr-defined]  # Django's private flag, read by log_response
    return response


class StartView(OIDCAuthenticationRequestView):
    """To the provider's login, with state, nonce and PKCE kept in the session."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        # mozilla-django-oidc reads the endpoint here; ours comes from discovery in get().
        for key, value in kwargs.items():
            setattr(self, key, value)

    def get(self, request):
        config = configuration()
        if config is None:
            raise Http404
        try:
            document = discover(config)
        except ProviderUnavailable as error:
            return failure(request, "unavailable", str(error))
        self.OIDC_OP_AUTH_ENDPOINT = document["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = config.client_id
        return super().get(request)


@require_GET
def callback(request):
    """Back from the provider: the code exchanged, the user signed on and in."""
    if configuration() is None:
        raise Http404
    answer = read_query(ProviderAnswerForm, request.GET)
    state = answer["state"]
    states = request.session.get("oidc_states") or {}
    # A state is used once, whatever comes of it: a replayed answer finds nothing.
    pending = states.pop(state, None) if state else None
    if pending is not None:
        request.session["oidc_states"] = states
    if answer["error"]:
        error = answer["error"]
        detail = f"the provider answered {error!r}: {answer['error_description']}"
        return failure(request, "declined" if error in DECLINED else "rejected", detail)
    if not answer["code"] or not isinstance(pending, dict):
        return failure(request, "state", f"no pending sign-on for state {state[:64]!r}")
    user, failed = _sign_in(request, pending)
    if failed is not None:
        return failed
    auth.login(request, user, backend=BACKEND)
    target = request.session.pop("oidc_login_next", None)
    return HttpResponseRedirect(target or resolve_url(settings.LOGIN_REDIRECT_URL))


def _sign_in(request, pending: dict):
    """(the active user the provider's code signs on, None), or (None, the failure page)."""
    try:
        user = OidcBackend().sign_in(
            # "" where none was kept, never None: a token without a nonce must not match
            request,
            nonce=pending.get("nonce") or "",
            code_verifier=pending.get("code_verifier"),
        )
    except ProviderUnavailable as error:
        return None, failure(request, "unavailable", str(error))
    except ProviderRejected as error:
        return None, failure(request, "rejected", str(error))
    except NotConfigured as error:
        return None, failure(request, "misconfigured", str(error))
    except UsernameTaken as error:
        return None, failure(request, "taken", f"a password account {error} has another e-mail")
    if user is None or not user.is_active:
        return None, failure(request, "refused", f"no active user for these claims ({user!r})")
    return user, None


@require_POST
def logout(request):
    """Sign out of Styr (not of the provider: other services may use that sign-in)."""
    if configuration() is None:
        raise Http404
    auth.logout(request)
    return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))
