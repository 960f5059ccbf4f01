"""HME indices are stored when answers are imported or changed, and equal what the answers
give; the pages read them and never the answers."""

from importlib import import_module

import pytest
from django.apps import apps
from django.test import Client
from lxml import html

from styr.engagement import hme
from styr.engagement.domain import import_survey, refresh_indices
from styr.engagement.indices import count_answers
from styr.engagement.models import EngagementResponse, HmeIndex
from styr.engagement.queries import hme_series, unit_results
from tests.engagement.conftest import rows_for, write_answers


@pytest.fixture
def survey(town, tmp_path):
    rows = (
        rows_for("Skolenheten", [5, 4, 4, 3, 3, 3, 2, 2, 1], 12)
        + rows_for("Kontoret", [4] * 9, 11)
        + rows_for("Nya enheten", [3] * 9, 4)
    )
    return import_survey(town, write_answers(tmp_path / "hme.csv", rows), year=2015).survey


def _computed(survey):
    """What the answers give, through the aggregate query over them."""
    aggregates = count_answers(survey)
    return {unit: hme.compute(a) for unit, a in aggregates.items()}, hme.compute_all(
        aggregates.values()
    )


def test_the_stored_indices_equal_what_the_answers_give(survey, town):
    per_unit, everyone = _computed(survey)
    results = unit_results(survey)
    assert {row.unit_id: row.result for row in results.units} == per_unit
    assert results.municipality == everyone
    assert hme_series(town)["hme_total"] == {"2015": everyone.total}
    assert hme_series(town)["hme_governance"] == {"2015": everyone.governance}


def test_refresh_is_idempotent(survey):
    before = unit_results(survey)
    assert refresh_indices(survey) == 3
    assert refresh_indices(survey) == 3
    assert HmeIndex.objects.filter(survey=survey).count() == 4  # three units and everyone
    assert unit_results(survey) == before


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("hr", "hr@example.org", "pw-12345")
    client.force_login(user)
    return client


def _whole_municipality_row(client) -> list[str]:
    """The cells of the public page's "Hela kommunen" row: respondents, total, sub-indices."""
    page = html.fromstring(client.get("/testby/medarbetarengagemang/").content)
    (row,) = page.xpath("//tr[@class='total']")
    return [cell.text_content().strip() for cell in row.xpath("td")]


def test_an_answer_deleted_in_the_admin_changes_the_page_on_the_next_request(
    admin_client_, survey, town
):
    before = hme_series(town)["hme_total"]["2015"]
    shown = _whole_municipality_row(Client())
    answer = EngagementResponse.objects.filter(unit__name="Skolenheten").first()
    response = admin_client_.post(
        f"/admin/engagement/engagementresponse/{answer.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert hme_series(town)["hme_total"]["2015"] != before
    now = _whole_municipality_row(Client())
    assert (shown[0], now[0]) == ("27", "26")
    assert now[1] != shown[1]
    assert unit_results(survey).municipality == _computed(survey)[1]


def test_answers_deleted_in_the_admin_leave_the_unit_out(admin_client_, survey):
    office = EngagementResponse.objects.filter(unit__name="Kontoret")
    response = admin_client_.post(
        "/admin/engagement/engagementresponse/",
        {
            "action": "delete_selected",
            "_selected_action": list(office.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert [row.name for row in unit_results(survey).units] == ["Nya enheten", "Skolenheten"]
    assert unit_results(survey).municipality.respondents == 16


def test_the_data_migration_stores_indices_of_surveys_imported_before_it(survey):
    before = unit_results(survey)
    HmeIndex.objects.all().delete()
    import_module("styr.engagement.migrations.0003_fill_hme_indices").fill(apps, None)
    assert unit_results(survey) == before
