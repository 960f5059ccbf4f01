"""Bulk writes of the stored assessments leave PostgreSQL statistics of their rows (a goal
page took 20 s at L after a fresh load, planned from guesses), and the goal tree's query for
invented outcomes keeps its answer: entered municipality-wide outcomes only."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.goals import stored
from styr.goals.models import ComparisonValue, Indicator, Measurement, Source, YearAssessment
from styr.org.models import Unit
from tests.planner import on_postgresql, planned_rows


def analyzes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("ANALYZE")]


@on_postgresql
def test_precompute_leaves_the_stored_rows_analyzed(demo):
    YearAssessment.objects.filter(year__lt=2012).delete()  # a count no earlier run left
    call_command("precompute", stdout=io.StringIO())
    assert YearAssessment.objects.count() > 0
    assert planned_rows(YearAssessment) == YearAssessment.objects.count()
    assert planned_rows(ComparisonValue) == ComparisonValue.objects.count()


@on_postgresql
def test_a_refresh_of_many_indicators_analyzes_and_of_one_does_not(demo, monkeypatch):
    indicators = Indicator.objects.filter(municipality=demo)
    with CaptureQueriesContext(connection) as one:
        stored.refresh_indicators(indicators.filter(pk=indicators[0].pk))
    monkeypatch.setattr(stored, "ANALYZE_FROM", 2)
    with CaptureQueriesContext(connection) as many:
        stored.refresh_indicators(indicators)
    assert analyzes(one) == []
    assert analyzes(many) == ['ANALYZE "goals_comparisonvalue", "goals_yearassessment"']
    assert planned_rows(YearAssessment) == YearAssessment.objects.count()


def examples_of(municipality) -> set[int]:
    indicators = list(Indicator.objects.filter(municipality=municipality))
    tree = stored.tree_outcomes(municipality, indicators, None)
    return {key for key, item in tree.items.items() if item.examples}


def test_only_municipality_wide_example_outcomes_mark_an_indicator_invented(demo):
    Measurement.objects.filter(indicator__municipality=demo).update(is_example=False)
    manual = Indicator.objects.filter(municipality=demo, source=Source.MANUAL).order_by("id")
    wide, of_unit, of_town, plain = manual[:4]
    unit = Unit.objects.filter(municipality=demo).first()
    Measurement.objects.create(indicator=wide, period="1990", gender="T", value=1, is_example=True)
    Measurement.objects.create(
        indicator=of_unit, unit=unit, period="1990", gender="T", value=2, is_example=True
    )
    Measurement.objects.create(
        indicator=of_town,
        other_municipality_id="0180",
        period="1990",
        gender="T",
        value=3,
        is_example=True,
    )
    Measurement.objects.create(indicator=plain, period="1990", gender="T", value=4)
    assert examples_of(demo) == {wide.id}
