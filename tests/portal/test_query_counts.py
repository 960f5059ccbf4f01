"""Page cost must not grow with the data: the same number of SQL queries for small and large."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.demo.synthetic import build_plan

pytestmark = pytest.mark.django_db

FIX = (
    "The page ran more queries for the larger plan: an N+1 crept in. Read related rows with "
    "select_related/prefetch_related or one query per table in styr.plans.snapshot."
)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_plan_page_runs_the_same_queries_for_10_and_500_actions(client):
    small = build_plan(actions=10, updates_per_action=3, slug="liten")
    large = build_plan(actions=500, updates_per_action=3, slug="stor")
    for query in ("", "?as_of=2020-06-01", "?status=done&ansvarig=person-3"):
        assert queries(client, f"/planer/{small.slug}/{query}") == queries(
            client, f"/planer/{large.slug}/{query}"
        ), FIX


def test_start_page_runs_the_same_queries_for_one_and_three_plans(client):
    build_plan(actions=10, slug="en")
    one = queries(client, "/")
    build_plan(actions=300, slug="tva")
    build_plan(actions=300, slug="tre")
    assert queries(client, "/") == one, FIX


def test_action_page_runs_the_same_queries_for_2_and_40_updates(client):
    small = build_plan(actions=1, updates_per_action=2, slug="fa")
    large = build_plan(actions=1, updates_per_action=40, slug="manga")
    small_action, large_action = small.actions.get(), large.actions.get()
    assert queries(client, f"/planer/fa/atgarder/{small_action.id}/") == queries(
        client, f"/planer/manga/atgarder/{large_action.id}/"
    ), FIX


def test_organisation_and_person_pages_run_the_same_queries_for_10_and_500_actions(client):
    build_plan(actions=10, slug="liten")
    build_plan(actions=500, slug="stor")
    for page in ("organisation/", "personer/person-1/"):
        assert queries(client, f"/liten/{page}") == queries(client, f"/stor/{page}"), FIX
