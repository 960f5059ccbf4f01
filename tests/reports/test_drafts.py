"""A draft plan's reports are as hidden as the plan, and nothing is published from a draft."""

import pytest
from django.core.exceptions import ValidationError

from styr.reports.domain import publish_report
from styr.reports.models import PublishedReport
from tests import html
from tests.conftest import MEMO_DAY

pytestmark = pytest.mark.django_db


def test_a_report_cannot_be_published_from_a_draft_plan(cast, client):
    cast.plan.published_at = None
    cast.plan.save()
    with pytest.raises(ValidationError, match="utkast"):
        publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    client.force_login(cast.strateg)
    response = client.post(
        f"/planer/{cast.plan.slug}/publicera/",
        {
            "as_of": "2015-09-02",
            "proposal": "Kommunstyrelsen noterar informationen till protokollet.",
        },
    )
    [alert] = html.alerts(html.parse(response))
    assert alert == "Planen är ett utkast. Offentliggör planen innan du publicerar en lägesrapport."
    assert not PublishedReport.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["lagesrapport/md/?as_of=2015-09-02", "rapporter/", "rapporter/{report}/md/"],
)
def test_a_draft_plans_reports_are_hidden_from_the_public(cast, client, path):
    report = publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    cast.plan.published_at = None
    cast.plan.save()
    url = f"/planer/{cast.plan.slug}/" + path.format(report=report.id)
    assert client.get(url).status_code == 404
    client.force_login(cast.reader)
    assert client.get(url).status_code == 200
