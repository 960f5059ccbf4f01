"""The published reports page: every file it lists with a checksum can be downloaded, and what
downloads is what the checksum says."""

import hashlib
import json
import re

import pytest

from styr.reports.domain import publish_report
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db


def listed_files(html: str) -> list[tuple[str, str, str]]:
    """(label, href, checksum) for every row of the pages' file tables that shows a checksum."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    listed = []
    for row in rows:
        checksum = re.search(r'<code class="checksum">([0-9a-f]{64})</code>', row)
        if checksum is None:
            continue
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', row)
        label = re.sub(r"<[^>]+>", "", row.split("</td>")[0]).strip()
        listed.append((label, link.group(1) if link else "", checksum.group(1)))
    return listed


def test_every_listed_file_downloads_and_matches_its_checksum(client, plan, staff):
    report = publish_report(plan, day=MEMO_DAY, by=staff)
    html = client.get(f"/planer/{PLAN_SLUG}/rapporter/").content.decode()
    listed = listed_files(html)
    labels = [label.split()[0] for label, _href, _sum in listed]
    assert labels == [*(f.format.upper() for f in report.files.all()), "JSON"]
    for label, href, checksum in listed:
        assert href, f"{label} is listed with a checksum but without a link"
        response = client.get(href)
        assert response.status_code == 200, (label, href, response.status_code)
        assert hashlib.sha256(response.content).hexdigest() == checksum, label
        assert response["X-Content-SHA256"] == checksum


def test_the_json_content_is_the_reports_frozen_content(client, plan, staff):
    report = publish_report(plan, day=MEMO_DAY, by=staff)
    response = client.get(f"/planer/{PLAN_SLUG}/rapporter/{report.id}/json/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content.decode() == report.content
    assert "Utveckling av styrning och ledning" in json.dumps(response.json(), ensure_ascii=False)


def test_the_json_of_an_unknown_report_is_not_found(client, plan):
    assert client.get(f"/planer/{PLAN_SLUG}/rapporter/999999/json/").status_code == 404
