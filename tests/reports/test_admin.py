"""History in the admin: status updates and published reports are read there, never changed or
deleted, by anyone (here the plan's strateg, who may change the plan's actions)."""

import pytest

from styr.plans.models import StatusUpdate
from styr.reports.domain import publish_report
from styr.reports.models import PublishedReport
from tests import html
from tests.conftest import MEMO_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def strateg_client(client, cast):
    client.force_login(cast.strateg)
    return client


@pytest.fixture
def update(cast) -> StatusUpdate:
    return cast.action.status_updates.get()


@pytest.fixture
def published(cast) -> PublishedReport:
    publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    return publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg, reason="Rättad siffra.")


def assert_read_only(client, url: str, delete_url: str) -> dict[str, str]:
    """The change view shows the object without a save button or a delete link, and posting
    to it or to the delete view is refused. Returns the fields shown, label -> value."""
    response = client.get(url)
    page = html.parse(response)
    assert response.context["has_change_permission"] is False
    assert response.context["has_delete_permission"] is False
    assert page.xpath("//div[@id='content-main']//*[@type='submit']") == []
    assert delete_url not in response.content.decode()
    assert client.post(url, {}).status_code == 403
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    return {
        html.visible_text(value.getprevious()).removesuffix(":"): html.visible_text(value)
        for value in page.xpath("//div[@class='readonly'][preceding-sibling::*[1][self::label]]")
    }


def test_the_admin_shows_status_updates_but_offers_neither_change_nor_delete(
    strateg_client, update
):
    listing = strateg_client.get("/admin/plans/statusupdate/")
    assert update in listing.context["cl"].result_list
    assert "delete_selected" not in listing.content.decode()
    base = f"/admin/plans/statusupdate/{update.id}/"
    shown = assert_read_only(strateg_client, f"{base}change/", f"{base}delete/")
    assert update.note in shown.values()
    assert StatusUpdate.objects.get(pk=update.pk).note == update.note


def test_the_admin_shows_published_reports_with_version_and_reason_read_only(
    strateg_client, published
):
    listing = strateg_client.get("/admin/reports/publishedreport/")
    assert set(listing.context["cl"].result_list) == set(PublishedReport.objects.all())
    assert "delete_selected" not in listing.content.decode()
    base = f"/admin/reports/publishedreport/{published.id}/"
    shown = assert_read_only(strateg_client, f"{base}change/", f"{base}delete/")
    assert shown["Version"] == "2"
    assert "Rättad siffra." in shown.values()
    assert published.content_sha256 in shown.values()
    assert PublishedReport.objects.filter(version=2, reason="Rättad siffra.").count() == 1
    assert PublishedReport.objects.count() == 2
