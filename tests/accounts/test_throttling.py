"""Login throttling: five wrong passwords lock a username out from that address."""

import datetime as dt

import pytest
from django.test import RequestFactory, override_settings

from styr.accounts.throttling import client_address
from tests import html
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/konto/logga-in/"


def sign_in(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_five_wrong_passwords_lock_the_username_out_even_for_the_right_one(client, cast):
    for attempt in range(1, 5):
        refused = sign_in(client, "elisabeth", f"fel-{attempt}")
        assert refused.status_code == 200, f"attempt {attempt} is an ordinary refusal"

    fifth = sign_in(client, "elisabeth", "fel-5")
    assert fifth.status_code == 429

    right = sign_in(client, "elisabeth", PASSWORD)
    assert right.status_code == 429
    assert signed_in_as(client) is None
    page = html.parse(right, 429)
    assert html.text(page, "//h1") == "För många inloggningsförsök"
    (said,) = html.alerts(page)
    assert said.startswith("Inloggningen är spärrad i 15 minuter efter 5 misslyckade försök")
    assert said.endswith("inte ens med rätt lösenord.")
    assert right["Retry-After"] == "900"


def test_a_locked_out_username_does_not_affect_another_user(client, cast):
    for attempt in range(5):
        sign_in(client, "elisabeth", f"fel-{attempt}")

    other = sign_in(client, "dag", PASSWORD)
    assert other.status_code == 302
    assert int(signed_in_as(client)) == cast.other_responsible.pk


def test_the_lockout_is_per_address(client, cast):
    for attempt in range(5):
        sign_in(client, "elisabeth", f"fel-{attempt}", address="192.0.2.10")

    elsewhere = sign_in(client, "elisabeth", PASSWORD, address="192.0.2.20")
    assert elsewhere.status_code == 302
    assert int(signed_in_as(client)) == cast.responsible.pk


def test_a_successful_sign_in_clears_the_earlier_failures(client, cast):
    for attempt in range(4):
        sign_in(client, "elisabeth", f"fel-{attempt}")
    assert sign_in(client, "elisabeth", PASSWORD).status_code == 302
    client.logout()

    for attempt in range(4):
        assert sign_in(client, "elisabeth", f"igen-{attempt}").status_code == 200
    assert sign_in(client, "elisabeth", PASSWORD).status_code == 302


def test_behind_the_https_proxy_the_address_the_proxy_appended_counts():
    request = RequestFactory().post(
        LOGIN, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    with override_settings(HTTPS=True):
        assert client_address(request) == "198.51.100.7"
    with override_settings(HTTPS=False):
        assert client_address(request) == "127.0.0.1"


def test_the_lockout_ends_fifteen_minutes_after_the_fifth_failure(client, cast):
    from axes.models import AccessAttempt

    for attempt in range(5):
        sign_in(client, "elisabeth", f"fel-{attempt}")
    last_failure = AccessAttempt.objects.get(username="elisabeth").attempt_time

    AccessAttempt.objects.update(attempt_time=last_failure - dt.timedelta(minutes=14))
    assert sign_in(client, "elisabeth", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=last_failure - dt.timedelta(minutes=15, seconds=1))
    assert sign_in(client, "elisabeth", PASSWORD).status_code == 302


def test_axes_adds_nothing_to_the_admin_beside_the_policy():
    from django.contrib import admin

    assert [m for m in admin.site._registry if m._meta.app_label == "axes"] == []
