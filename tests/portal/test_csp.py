"""The Content-Security-Policy: on every page, without 'unsafe-inline', and the one
self-contained document (the lägesrapport in HTML) allowed exactly its own styles."""

import base64
import hashlib
import re
from pathlib import Path

import pytest

from styr.reports.domain import publish_report
from tests.conftest import MEMO_DAY, PLAN_SLUG

pytestmark = pytest.mark.django_db

STYR = Path(__file__).resolve().parents[2] / "styr"
REPORT_TEMPLATE = STYR / "reports" / "templates" / "reports" / "report.html"
POLICY = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_strict(response):
    header = response["Content-Security-Policy"]
    for directive in POLICY:
        assert directive in directives(response).values(), f"{directive} missing in {header}"
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


def test_public_pages_and_the_login_page_send_the_policy(client, cast):
    action = cast.action
    for path in [
        "/",
        f"/planer/{PLAN_SLUG}/",
        f"/planer/{PLAN_SLUG}/atgarder/{action.pk}/",
        "/nacka/organisation/",
        "/nacka/mal/",
        f"/planer/{PLAN_SLUG}/rapporter/",
        "/konto/logga-in/",
        "/konto/losenord/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict(response)
        # Styles come from files on the site ('self'), never from the page itself.
        assert "style-src" not in directives(response), path


def test_the_admin_sends_the_policy(client, cast):
    client.force_login(cast.strateg)
    for path in [
        "/admin/",
        "/admin/plans/action/",
        f"/admin/plans/action/{cast.action.pk}/change/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict(response)


def test_errors_send_the_policy(client, demo):
    assert_strict(client.get("/planer/finns-inte/"))


def style_sources(document: bytes) -> list[str]:
    blocks = re.findall(rb"<style>(.*?)</style>", document, re.DOTALL)
    assert blocks, "the report keeps its styles inside"
    return [f"'sha256-{base64.b64encode(hashlib.sha256(b).digest()).decode()}'" for b in blocks]


def test_the_report_allows_exactly_its_own_style_blocks_by_hash(client, demo):
    response = client.get(f"/planer/{PLAN_SLUG}/lagesrapport/html/?as_of=2015-09-02")
    assert response.status_code == 200
    assert_strict(response)
    assert directives(response)["style-src"] == "style-src " + " ".join(
        style_sources(response.content)
    )


def test_a_published_report_allows_exactly_its_own_style_blocks_by_hash(client, cast):
    report = publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    response = client.get(f"/planer/{PLAN_SLUG}/rapporter/{report.pk}/html/")
    assert response.status_code == 200
    assert_strict(response)
    assert directives(response)["style-src"] == "style-src " + " ".join(
        style_sources(response.content)
    )


INLINE = re.compile(
    r"<style\b|<script\b(?![^>]*\bsrc=)|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def test_no_template_has_inline_script_style_or_event_handler():
    found = [
        f"{path.relative_to(STYR)}:{number}: {line.strip()}"
        for path in STYR.rglob("templates/**/*.html")
        if path != REPORT_TEMPLATE
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]
    assert found == [], (
        "Inline scripts, styles and event handlers break the Content-Security-Policy; "
        "move them to a file under static/:\n" + "\n".join(found)
    )
