"""Settings read from the environment: mail server and base address, bad values named."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from styr.settings import MailServer, env_base_url, env_mail_server
from tests.process import styr

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def mail(monkeypatch, value):
    monkeypatch.setenv("STYR_EMAIL_URL", value)
    return env_mail_server("STYR_EMAIL_URL", "console:")


def test_mail_goes_to_the_console_by_default(monkeypatch):
    monkeypatch.delenv("STYR_EMAIL_URL", raising=False)
    server = env_mail_server("STYR_EMAIL_URL", "console:")
    assert server.backend == "django.core.mail.backends.console.EmailBackend"


def test_plain_smtp_with_a_port(monkeypatch):
    assert mail(monkeypatch, "smtp://mail.nacka.se:2525") == MailServer(
        backend=SMTP, host="mail.nacka.se", port=2525
    )


def test_starttls_with_a_url_encoded_user_and_password(monkeypatch):
    server = mail(monkeypatch, "smtp+tls://styr%40nacka.se:p%40ss%3Aord@smtp.nacka.se:587")
    assert server == MailServer(
        backend=SMTP,
        host="smtp.nacka.se",
        port=587,
        user="styr@nacka.se",
        password="p@ss:ord",
        starttls=True,
    )


def test_ssl_with_the_default_port(monkeypatch):
    server = mail(monkeypatch, "smtps://styr:hemligt@smtp.nacka.se")
    assert (server.port, server.ssl, server.starttls) == (465, True, False)


@pytest.mark.parametrize(
    "value",
    [
        "smtp.nacka.se:25",
        "http://smtp.nacka.se",
        "smtp://",
        "smtp://smtp.nacka.se:port",
        "smtp://smtp.nacka.se:70000",
        "smtp://smtp.nacka.se:25/mail",
        "console:nonsense",
    ],
)
def test_a_bad_mail_url_is_refused_and_named(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match=r"^STYR_EMAIL_URL must be console:, smtp://"):
        mail(monkeypatch, value)


def test_a_refused_mail_url_does_not_repeat_the_password(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        mail(monkeypatch, "smtp+tls://styr:hemligt@smtp.nacka.se:port")
    assert "hemligt" not in str(refused.value)
    assert "smtp+tls://styr:***@smtp.nacka.se:port" in str(refused.value)


def test_the_base_url_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("STYR_BASE_URL", "https://styr.nacka.se/")
    assert env_base_url("STYR_BASE_URL", "http://127.0.0.1:8000") == "https://styr.nacka.se"


@pytest.mark.parametrize(
    "value", ["styr.nacka.se", "ftp://styr.nacka.se", "https://", "https://x.se/?a=1"]
)
def test_a_bad_base_url_is_refused_and_named(monkeypatch, value):
    monkeypatch.setenv("STYR_BASE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="^STYR_BASE_URL must be an address"):
        env_base_url("STYR_BASE_URL", "http://127.0.0.1:8000")


def test_styr_sends_mail_to_the_server_in_styr_email_url(smtp_server, tmp_path):
    result = styr(
        "sendtestemail",
        "elisabeth@example.org",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY="tests-only-not-a-secret",
        STYR_EMAIL_URL=f"smtp://{smtp_server.host}:{smtp_server.port}",
        STYR_EMAIL_FROM="Styr i Nacka <styr@nacka.se>",
    )
    assert result.returncode == 0, result.stderr
    (message,) = smtp_server.messages
    assert message["From"] == "Styr i Nacka <styr@nacka.se>"
    assert message["To"] == "elisabeth@example.org"


def test_a_bad_mail_url_stops_styr_with_its_name(tmp_path):
    result = styr(
        "check",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY="tests-only-not-a-secret",
        STYR_EMAIL_URL="smtp//mail.nacka.se",
    )
    assert result.returncode != 0
    assert "STYR_EMAIL_URL must be console:" in result.stderr
