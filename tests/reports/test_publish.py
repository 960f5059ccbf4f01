"""Publishing freezes a report: content, files and checksums never change afterwards."""

import datetime as dt
import hashlib
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from styr.plans.domain import record_status_update
from styr.plans.models import Action
from styr.reports.content import from_json
from styr.reports.domain import publish_report
from styr.reports.models import PublishedFile, PublishedReport
from tests import html
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(plan, staff):
    return publish_report(plan, day=MEMO_DAY, by=staff)


def test_publishing_stores_the_content_and_every_format_with_its_checksum(published):
    files = {f.format: f for f in published.files.all()}
    assert sorted(files) == ["docx", "html", "md", "pdf"]
    for file in files.values():
        assert file.sha256 == hashlib.sha256(bytes(file.data)).hexdigest()
        assert file.size == len(bytes(file.data))
    content = json.loads(published.content)
    assert content["date"] == "2015-09-02"
    assert published.content_sha256 == hashlib.sha256(published.content.encode()).hexdigest()
    assert bytes(files["pdf"].data).startswith(b"%PDF")
    assert bytes(files["docx"].data).startswith(b"PK")


def test_a_published_report_never_changes_when_the_plan_is_edited(published, plan, staff):
    before = {f.format: bytes(f.data) for f in published.files.all()}
    action = Action.objects.get(plan=plan, title="Resultatkontrakt för alla chefer")
    record_status_update(action, date=timezone.localdate(), status="done", author=staff)
    action.title = "Nytt namn"
    action.save()
    again = PublishedReport.objects.get(pk=published.pk)
    assert {f.format: bytes(f.data) for f in again.files.all()} == before
    assert "Resultatkontrakt för alla chefer" in before["md"].decode()


def test_published_rows_cannot_be_edited_or_deleted(published):
    with pytest.raises(TypeError):
        published.save()
    with pytest.raises(TypeError):
        published.delete()
    with pytest.raises(TypeError):
        PublishedFile.objects.filter(report=published).update(sha256="0" * 64)


def test_the_next_report_compares_with_the_previous_published_one(published, plan, staff):
    later = publish_report(plan, day=dt.date(2015, 12, 31), by=staff)
    assert later.since == MEMO_DAY
    assert from_json(later.content).changes.since_text == "2 september 2015"


def test_published_reports_are_listed_publicly_newest_first(client, published, plan, staff):
    publish_report(plan, day=dt.date(2015, 12, 31), by=staff)
    page = html.parse(client.get(f"/planer/{PLAN_SLUG}/rapporter/"))
    assert html.texts(page, "//section/h2") == [
        "Läget den 31 december 2015",
        "Läget den 2 september 2015",
    ]
    assert published.files.get(format="pdf").sha256 in html.texts(page, "//code[@class='checksum']")


def test_a_published_file_downloads_unchanged(client, published):
    file = published.files.get(format="pdf")
    response = client.get(f"/planer/{PLAN_SLUG}/rapporter/{published.id}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-SHA256"] == file.sha256
    assert hashlib.sha256(response.content).hexdigest() == file.sha256


def test_staff_publish_through_the_web(client, staff, plan):
    client.force_login(staff)
    response = client.post(
        f"/planer/{PLAN_SLUG}/publicera/",
        {"as_of": "2015-09-02", "since": ""},
    )
    assert response.status_code == 302
    report = PublishedReport.objects.get()
    assert report.published_by == staff
    markdown = bytes(report.files.get(format="md").data).decode()
    # The words are the plan's report texts in force that day: the memo's.
    assert "Kommunstyrelsen noterar informationen till protokollet." in markdown


def test_publishing_a_day_before_the_plan_existed_is_refused_in_swedish(client, staff, plan):
    client.force_login(staff)
    response = client.post(f"/planer/{PLAN_SLUG}/publicera/", {"as_of": "2014-01-01"})
    [error] = html.field_errors(html.parse(response), "as_of")
    assert error.startswith("Planen fanns inte den 1 januari 2014;")
    assert not PublishedReport.objects.exists()


def test_citizens_are_sent_to_log_in_and_nothing_is_published(client, plan):
    response = client.post(f"/planer/{PLAN_SLUG}/publicera/", {"as_of": "2015-09-02"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not PublishedReport.objects.exists()
