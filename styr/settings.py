"""Django settings for Styr, read from the environment.

Every setting has a default that lets a fresh clone run on SQLite; a bad value fails loudly
at start-up instead of surprising a user later.
"""

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from styr.accounts.oidc_config import ConfigError, config_from_env
from styr.caching.backends import CacheUrlError, caches_from_url

BASE_DIR = Path(__file__).resolve().parent
# `styr.cli.data_dir` has the same default: it keeps the secret key of `styr up` here.
DATA_DIR = Path(os.environ.get("STYR_DATA_DIR") or BASE_DIR.parent / "var")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_base_url(name: str, default: str) -> str:
    """An absolute http(s) address without query or fragment, without a trailing slash."""
    value = os.environ.get(name) or default
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name} must be an address such as https://styr.nacka.se, not {value!r}"
        )
    return value.rstrip("/")


@dataclass(frozen=True)
class MailServer:
    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    starttls: bool = False
    ssl: bool = False


# scheme -> (STARTTLS, SSL, default port)
MAIL_SCHEMES = {
    "smtp": (False, False, 25),
    "smtp+tls": (True, False, 587),
    "smtps": (False, True, 465),
}


def env_mail_server(name: str, default: str) -> MailServer:
    """`console:`, `smtp://host:port`, `smtp+tls://user:password@host:port` (STARTTLS) or
    `smtps://user:password@host:port` (SSL); the user and password URL-encoded."""
    value = os.environ.get(name) or default
    parts = urlsplit(value)
    if value == "console:":
        return MailServer(backend="django.core.mail.backends.console.EmailBackend")
    # Never repeat a password in an error message: it ends up in logs.
    shown = value.replace(f":{parts.password}@", ":***@") if parts.password else value
    try:
        starttls, ssl, default_port = MAIL_SCHEMES[parts.scheme]
        port = parts.port or default_port
    except (KeyError, ValueError):  # an unknown scheme; a port that is no number or too big
        port = None
    if port is None or not parts.hostname or parts.path not in {"", "/"} or parts.query:
        raise ImproperlyConfigured(
            f"{name} must be console:, smtp://host:port, smtp+tls://user:password@host:port "
            f"or smtps://user:password@host:port, not {shown!r}"
        )
    return MailServer(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        starttls=starttls,
        ssl=ssl,
    )


DEBUG = env_bool("STYR_DEBUG", False)
SECRET_KEY = os.environ.get("STYR_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # `styr` commands read the key `styr up` keeps (styr/cli.py); anything else must say.
        raise ImproperlyConfigured(
            "STYR_SECRET_KEY is not set. Set it to a long random string (python3 -c "
            "'import secrets; print(secrets.token_urlsafe(50))'), or run `styr up` once, which "
            f"keeps a random key in {DATA_DIR / 'secret_key'} for every later styr command."
        )
    # Development only (STYR_DEBUG=true): a fixed key that is plainly not secret.
    SECRET_KEY = "styr-development-key-not-secret"
ALLOWED_HOSTS = env_list("STYR_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "styr.accounts.admin_apps.StyrAdminConfig",  # django.contrib.admin, asking the policy
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "auditlog",  # the audit log; before styr.accounts, whose admin replaces its LogEntry admin
    "styr.caching",  # content versions: every write bumps one, cached pages key on it
    "styr.org",
    "styr.plans",
    "styr.kolada",
    "styr.service",
    "styr.engagement",
    "styr.goals",
    "styr.reports",
    "styr.imports",
    "styr.rounds",
    "styr.contracts",
    "styr.meetings",
    "styr.reminders",
    "styr.accounts",
    "styr.portal",
    "styr.demo",
    "styr.bench",
    "axes",  # login throttling: counts failed sign-ins per username and address
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: auditlog's middleware, so audit entries name the signed-in user.
    "styr.accounts.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Passwords sign people in; every permission comes from one policy (styr.accounts.policy),
# which django-rules' backend answers. django-axes comes first: a locked-out username is
# refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "styr.accounts.backends.PasswordBackend",
    # Single sign-on: only its callback view signs in through it (styr/accounts/oidc.py);
    # listed so that the sessions it starts are recognised.
    "styr.accounts.oidc.OidcBackend",
    "rules.permissions.ObjectPermissionBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "plans:my_actions"
LOGOUT_REDIRECT_URL = "portal:start"

# Single sign-on with OpenID Connect (README, "Single sign-on"): STYR_OIDC_ISSUER and the
# client's id and secret turn it on; unset, the login page is as it always was. The
# provider is asked for its endpoints at the first sign-on, never here, so Styr starts
# while the provider is down.
try:
    OIDC = config_from_env(os.environ)
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
# Off (STYR_PASSWORD_LOGIN=false), the login page only offers single sign-on and refuses
# passwords; `styr createsuperuser` with it briefly on is the way back in (README).
PASSWORD_LOGIN = env_bool("STYR_PASSWORD_LOGIN", True)
# Whom a user whose account is linked to no person should ask; "" names the administrators.
SUPPORT_CONTACT = os.environ.get("STYR_SUPPORT_CONTACT", "").strip()

ROOT_URLCONF = "styr.urls"
WSGI_APPLICATION = "styr.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'styr.sqlite3'}"),
        # Persistent connections are for a production server; 0 closes after each request.
        conn_max_age=int(os.environ.get("STYR_DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Swedish is the language of the interface; the strings go through gettext so that English
# (or another language) can be added as a translation.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Set by `styr serve`, which collects the static files there at every start (styr/cli.py):
# then names carry a hash of the content and whitenoise lets browsers cache them for a year,
# and an upgrade can never serve yesterday's CSS. Unset (`styr up`, the tests), whitenoise
# serves the plain names straight from the app folders: no collectstatic step between clone
# and run, and an edited file shows at once.
STATIC_ROOT = os.environ.get("STYR_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_ROOT
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_ROOT
WHITENOISE_AUTOREFRESH = DEBUG

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# STYR_HTTPS=true: Styr is reached over HTTPS only, through a proxy that ends TLS (nginx,
# Apache, a load balancer) and forwards to `styr serve` on loopback. The proxy must set
# X-Forwarded-Proto to "https" and overwrite any such header from the client; that header
# is how Django knows the request was secure.
HTTPS = env_bool("STYR_HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# No inline script or style anywhere (STYLE.md 13), so the policy needs no 'unsafe-inline'.
# The one exception, the self-contained lägesrapport, allows its own <style> by hash
# (styr/reports/views.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Login throttling (django-axes): 5 failed attempts for a username from one address within
# 15 minutes lock that username out from that address for 15 minutes, counted from the fifth
# failure; the right password is refused too until then. Another address, or another
# username, is not affected. `styr axes_reset_username USERNAME` lifts a lockout early.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout are refused without extending it: the page can say how long.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "styr.accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "styr.accounts.throttling.client_address"
# Axes' own admin pages would answer permissions outside the policy, and its log of every
# successful sign-in would keep addresses nobody reads (the audit log records sign-ins).
AXES_ENABLE_ADMIN = False
AXES_DISABLE_ACCESS_LOG = True

# Mail: password resets now, reminders later.
MAIL = env_mail_server("STYR_EMAIL_URL", "console:")
EMAIL_BACKEND = MAIL.backend
EMAIL_HOST = MAIL.host
EMAIL_PORT = MAIL.port
EMAIL_HOST_USER = MAIL.user
EMAIL_HOST_PASSWORD = MAIL.password
EMAIL_USE_TLS = MAIL.starttls
EMAIL_USE_SSL = MAIL.ssl
EMAIL_TIMEOUT = 30  # seconds; a mail server that hangs must not hold a request forever
DEFAULT_FROM_EMAIL = SERVER_EMAIL = os.environ.get("STYR_EMAIL_FROM") or "Styr <styr@localhost>"
# Where Styr is reached from outside, for absolute links in mail sent without a request.
BASE_URL = env_base_url("STYR_BASE_URL", "http://127.0.0.1:8000")

# The cache of rendered public pages (styr.caching): each process's own memory by default;
# with several processes or servers, a shared Redis or memcached (README, Caching).
try:
    CACHES = caches_from_url(os.environ.get("STYR_CACHE_URL", ""))
except CacheUrlError as error:
    raise ImproperlyConfigured(str(error)) from None


def env_days(name: str, default: list[int]) -> list[int]:
    """Whole days, e.g. `3,0`: each 0 or more; a bad value stops Styr with the name."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        days = sorted({int(item) for item in value.split(",") if item.strip()}, reverse=True)
    except ValueError:
        days = [-1]
    if any(day < 0 or day > 365 for day in days):
        raise ImproperlyConfigured(
            f"{name} must be days before the due date, such as 3,0 (0 = on it), not {value!r}"
        )
    return days


# Reminders of a reporting round go out this many days before its due date (0: on the day).
REMINDER_DAYS = env_days("STYR_REMINDER_DAYS", [3, 0])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STYR_LOG_LEVEL", "WARNING")},
}
