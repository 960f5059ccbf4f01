"""A published file is served only while its bytes match the SHA-256 and size recorded when it
was published; a file changed behind Styr's back is refused and logged, never sent."""

import hashlib
import logging

import pytest
from django.db import connection, transaction

from styr.reports.domain import publish_report
from styr.reports.models import PublishedFile
from tests import html
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(plan, staff):
    return publish_report(plan, day=MEMO_DAY, by=staff)


def tamper(file: PublishedFile, data: bytes) -> None:
    """Change a published file's bytes the way only direct database access could.

    On PostgreSQL the append-only trigger refuses the UPDATE; a superuser (the tests' user) can
    switch triggers off for this transaction as a replica would, which is what an attacker
    with the database's keys could do too.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(PublishedFile._meta.db_table)} "
            "SET data = %s WHERE id = %s",
            [data, file.id],
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda data: data.replace(b"Genomf", b"genomf", 1), id="same-size"),
        pytest.param(lambda data: data + b"\n<!-- tillagt -->", id="longer"),
    ],
)
def test_a_tampered_file_is_refused_and_logged(client, published, caplog, change):
    file = published.files.get(format="html")
    original = bytes(file.data)
    changed = change(original)
    assert changed != original
    tamper(file, changed)

    with caplog.at_level(logging.ERROR, logger="styr.reports"):
        response = client.get(f"/planer/{PLAN_SLUG}/rapporter/{published.id}/html/")

    assert response.status_code == 409
    assert "X-Content-SHA256" not in response
    [alert] = html.alerts(html.parse(response, 409))
    assert alert.startswith(
        "Den publicerade lägesrapporten för läget den 2 september 2015 (version 1) i formatet"
        " HTML stämmer inte med den kontrollsumma (SHA-256)"
    )
    assert changed.decode() not in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "styr.reports"]
    assert record.levelno == logging.ERROR
    message = record.getMessage()
    for part in (
        f"plan={PLAN_SLUG}",
        f"report={published.id}",
        "format=html",
        f"expected_sha256={file.sha256}",
        f"actual_sha256={hashlib.sha256(changed).hexdigest()}",
    ):
        assert part in message


def test_the_untampered_files_of_the_same_report_are_still_served(client, published, caplog):
    tamper(published.files.get(format="html"), b"<p>utbytt</p>")
    for format_name in ("md", "pdf", "docx"):
        file = published.files.get(format=format_name)
        response = client.get(f"/planer/{PLAN_SLUG}/rapporter/{published.id}/{format_name}/")
        assert response.status_code == 200
        assert response["X-Content-SHA256"] == file.sha256
        assert hashlib.sha256(response.content).hexdigest() == file.sha256
    assert not [r for r in caplog.records if r.name == "styr.reports"]
