"""Shared fixtures: the Nacka demo loaded through the real loader, and the cast of users."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import settings as hypothesis_settings

from styr.demo.loader import load_file
from styr.org.models import Municipality
from styr.plans.models import Plan
from tests.cast import Cast, make_cast
from tests.demo_snapshot import capture

# Tests assert no wall-clock time, and Hypothesis's per-example deadline is one: on a busy
# machine it failed examples that were merely slow. Speed is measured in benchmarks/.
hypothesis_settings.register_profile("styr", deadline=None)
hypothesis_settings.load_profile("styr")

MEMO_DAY = dt.date(2015, 9, 2)
PLAN_SLUG = "styrning-och-ledning-2015-2016"


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Every test starts with an empty page cache (styr.caching), as a fresh server does:
    the content versions a test rolls back may come round again in the next test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered at every request (their content version still read first): for tests
    that count the queries of a render, which a warm-up request would otherwise cache."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The rows the demo loader writes (without generated records), captured once per test
    process: see `tests.demo_snapshot`."""
    with django_db_blocker.unblock():
        return capture(lambda: load_file(generated=False))


@pytest.fixture(scope="session")
def full_demo_snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return capture(load_file)


@pytest.fixture
def demo(db, demo_snapshot) -> Municipality:
    """The Nacka 2015 demo, as `styr demo` loads it but without the generated example
    records (contact-centre cases, HME answers): the loader's rows, written back."""
    return demo_snapshot.restore()


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker, demo_snapshot):
    """The demo loaded once for a whole test module, inside a transaction rolled back after
    the module. A module opts in by overriding `demo` with `demo_once` below; its tests must
    not commit (no transaction=True, no live server). Each test still runs in its own
    savepoint, so what one test writes is gone before the next."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        municipality = demo_snapshot.restore()
    yield municipality
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def demo_once(module_demo, db) -> Municipality:
    return module_demo


@pytest.fixture
def full_demo(db, full_demo_snapshot) -> Municipality:
    """The Nacka demo exactly as `styr demo` loads it, generated records included."""
    return full_demo_snapshot.restore()


@pytest.fixture
def plan(demo) -> Plan:
    return Plan.objects.get(slug=PLAN_SLUG)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("strateg", "strateg@example.org", "pw-12345")


@pytest.fixture
def staff_client(client, staff):
    """The test client signed in as `staff` (a superuser), for the admin's pages."""
    client.force_login(staff)
    return client


@pytest.fixture
def cast(demo) -> Cast:
    """The users every permission test is about, on the demo plan and a second plan of the
    same municipality: see `tests.cast`."""
    return make_cast(demo)


@pytest.fixture
def browser_page(site, monkeypatch):
    """A page in Debian's Chromium, opened after the module's `site` has its data."""
    from tests.browser import chromium_page

    # Playwright's sync API runs an event loop in this thread; the ORM work of `site`
    # happens before the browser starts, so Django's async guard can stand down.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium_page() as page:
        yield page


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port, with Django's mail
    settings pointed at it. Yields a `tests.loopback.SmtpServer`: `.host`, `.port` (for a
    `styr` subprocess: STYR_EMAIL_URL=smtp://host:port) and `.messages`, the parsed
    `email.message.EmailMessage`s received so far."""
    from aiosmtpd.controller import Controller

    from tests.loopback import HOST, SmtpServer, free_port

    server = SmtpServer(HOST, free_port())
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server, django_db_blocker):
    """pytest-django's live server; on PostgreSQL, what it still holds is ended with it.

    The server answers Chromium in threads of its own; a thread still serving a kept-alive
    connection when the browser closes may hold its database connection past the last test,
    and the test database then cannot be dropped ("being accessed by other users"). Asking
    for `django_db_setup` first makes the database outlive the server (pytest-django sets the
    server up first, so it would otherwise drop the database while the server still runs).
    """
    yield live_server
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            # With a timeout, PostgreSQL (14+) waits until the session has really ended.
            cursor.execute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
