"""Goal pages read the stored contact-centre levels and HME indices: the same pages as
computing them from the cases and answers on every view, in fewer, constant queries, and
`styr precompute` rebuilds them."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from styr.engagement import hme
from styr.engagement.indices import count_answers
from styr.engagement.models import EngagementSurvey, HmeIndex
from styr.engagement.queries import SERIES_KEYS, hme_series
from styr.goals import outcomes
from styr.goals.models import Computation, Indicator
from styr.service.domain import import_case_data
from styr.service.generate import generate_year_csv
from styr.service.levels import indicator_values
from styr.service.models import ServiceCaseCount, ServiceLevel
from styr.service.queries import count_cases, service_series

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def computed_service_series(municipality):
    """The series as the goal pages computed it before it was stored: from every case."""
    return indicator_values(count_cases(municipality))


def computed_hme_series(municipality):
    """The series from every answer, survey by survey."""
    series = {key: {} for key in SERIES_KEYS}
    for survey in EngagementSurvey.objects.filter(municipality=municipality):
        aggregates = count_answers(survey).values()
        if not aggregates:
            continue
        result = hme.compute_all(aggregates)
        for key, sub in SERIES_KEYS.items():
            value = result.total if sub is None else result.subindices[sub]
            series[key][str(survey.year)] = value
    return series


def goal_urls(municipality):
    service = Indicator.objects.get(
        municipality=municipality, computation=Computation.SERVICE_HANDLED
    )
    hme_goal = Indicator.objects.filter(
        municipality=municipality, computation=Computation.HME_TOTAL
    ).first()
    urls = ["/nacka/mal/", service.goals.first().get_absolute_url(), service.get_absolute_url()]
    if hme_goal is not None:
        urls += [hme_goal.get_absolute_url(), hme_goal.goals.first().get_absolute_url()]
    return urls


@override_settings(CACHES=NO_CACHE)
def test_goal_pages_from_stored_values_equal_those_computed_from_cases_and_answers(
    full_demo, monkeypatch
):
    assert service_series(full_demo) == computed_service_series(full_demo)
    assert hme_series(full_demo) == computed_hme_series(full_demo)
    client = Client()
    pages = [
        url + query
        for url in goal_urls(full_demo)
        for query in ("", "?ar=2014", "?ar=2015", "?ar=2016")
    ]
    stored = {url: client.get(url).content for url in pages}
    monkeypatch.setattr(outcomes, "service_series", computed_service_series)
    monkeypatch.setattr(outcomes, "hme_series", computed_hme_series)
    computed = {url: client.get(url).content for url in pages}
    assert [url for url in pages if stored[url] != computed[url]] == []
    assert len(set(stored.values())) > len(pages) // 2  # the years do show different pages


@override_settings(CACHES=NO_CACHE)
def test_goal_page_reads_no_case_or_answer_and_the_same_queries_for_more_cases(full_demo):
    client = Client()
    url = goal_urls(full_demo)[1]
    counts = []
    for year in (2016, 2017):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
        sql = " ".join(query["sql"] for query in captured.captured_queries)
        assert '"service_servicecase"' not in sql
        assert '"engagement_engagementresponse"' not in sql
        import_case_data(
            full_demo, generate_year_csv(year, seed=year).encode(), f"{year}.csv", generated=True
        )
    assert counts[0] == counts[1], (
        f"The goal page ran {counts} queries: read the stored levels "
        "(styr.service.queries.service_series), never the cases."
    )


@override_settings(CACHES=NO_CACHE)
def test_an_import_of_cases_changes_the_goal_page_on_the_next_request(full_demo):
    client = Client()
    url = goal_urls(full_demo)[2] + "?ar=2016"
    before = client.get(url).content
    import_case_data(
        full_demo, generate_year_csv(2016, seed=7).encode(), "2016.csv", generated=True
    )
    after = client.get(url).content
    assert before != after
    assert "2016" in service_series(full_demo)["service_handled"]


def test_precompute_rebuilds_what_was_lost_and_changes_nothing_the_second_time(full_demo):
    stored = service_series(full_demo), hme_series(full_demo)
    ServiceCaseCount.objects.all().delete()
    ServiceLevel.objects.all().delete()
    HmeIndex.objects.all().delete()
    assert service_series(full_demo)["service_handled"] == {}
    out = io.StringIO()
    call_command("precompute", stdout=out)
    assert (service_series(full_demo), hme_series(full_demo)) == stored
    rows = ServiceCaseCount.objects.count(), ServiceLevel.objects.count(), HmeIndex.objects.count()
    call_command("precompute", "--municipality", "nacka", stdout=io.StringIO())
    assert (
        ServiceCaseCount.objects.count(),
        ServiceLevel.objects.count(),
        HmeIndex.objects.count(),
    ) == rows
    assert (service_series(full_demo), hme_series(full_demo)) == stored
    assert out.getvalue().startswith("nacka: ")


def test_precompute_refuses_an_unknown_municipality(db):
    with pytest.raises(CommandError, match="no municipality 'ingen'"):
        call_command("precompute", "--municipality", "ingen")
