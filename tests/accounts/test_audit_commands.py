"""The audit log of `styr` commands: no request names anyone, so the command line and the
operating-system user do.

These tests run the real `styr` entry point in-process. A management command closes the
database connections when it ends, which would end the test's wrapping transaction on
PostgreSQL, so they run with transaction=True (their rows are flushed afterwards).
"""

import sys

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model

from styr.accounts.audit import os_user
from styr.accounts.models import RoleGrant
from styr.cli import main as styr
from styr.org.models import Municipality

pytestmark = pytest.mark.django_db(transaction=True)


def run(monkeypatch, *words):
    monkeypatch.setattr(sys, "argv", ["styr", *words])
    styr()


def test_styr_user_add_records_the_command_line_and_the_os_user(monkeypatch):
    Municipality.objects.create(name="Nacka kommun", slug="nacka")
    run(monkeypatch, "user", "add", "kalle", "--email", "kalle@example.org", "--role", "läsare")

    user = get_user_model().objects.get(username="kalle")
    [created] = LogEntry.objects.get_for_object(user)
    assert created.action == LogEntry.Action.CREATE
    assert created.actor is None
    assert "password" in created.changes and "role_grants" not in created.changes
    assert created.additional_data == {
        "via": "styr user add kalle --email kalle@example.org --role läsare",
        "os_user": os_user(),
    }
    # The role the same command granted says the same.
    [granted] = LogEntry.objects.get_for_object(RoleGrant.objects.get(user=user))
    assert granted.additional_data["via"] == created.additional_data["via"]


def test_writes_after_a_command_are_not_labelled_with_it(monkeypatch):
    run(monkeypatch, "user", "add", "olle", "--email", "olle@example.org")
    municipality = Municipality.objects.create(name="Värmdö kommun", slug="varmdo")
    [entry] = LogEntry.objects.get_for_object(municipality)
    assert entry.additional_data is None
