"""/healthz and /readyz: what a load balancer and a service manager ask before sending work."""

import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.db.migrations.recorder import MigrationRecorder

from tests.loopback import HOST, free_port
from tests.process import ROOT, STYR


def test_healthz_answers_ok_without_the_database(client):
    # No `db` fixture: pytest-django refuses any database access in this test.
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


def test_healthz_takes_no_query_through_the_whole_middleware(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 200


def test_readyz_is_ok_when_the_database_answers_and_is_migrated(db, client):
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (200, b"ok\n")


def test_readyz_names_a_migration_not_yet_applied(db, client):
    last = MigrationRecorder.Migration.objects.filter(app="plans").order_by("-name").first()
    last.delete()  # as if the new release's `styr migrate` had not run yet

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.content.decode() == (
        f"not ready: 1 migrations not applied (plans.{last.name} …)\n"
    )


@pytest.fixture
def unmigrated_server(tmp_path):
    """`styr serve` on a data directory whose database was never created or migrated."""
    port = free_port()
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "STYR_DATA_DIR": str(tmp_path),
           "STYR_DEBUG": "1"}  # fmt: skip
    process = subprocess.Popen(
        [*STYR, "serve", f"{HOST}:{port}", "--workers", "1"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_the_production_server_is_alive_but_not_ready_before_migrate(unmigrated_server):
    alive = urllib.request.urlopen(f"{unmigrated_server}/healthz", timeout=10)
    assert (alive.status, alive.read()) == (200, b"ok\n")

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{unmigrated_server}/readyz", timeout=10)
    assert refused.value.code == 503
    assert refused.value.read().decode().startswith("not ready: ")
