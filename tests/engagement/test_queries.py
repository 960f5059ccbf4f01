"""unit_results and hme_series: indices from one aggregate query, a constant query count."""

import pytest

from styr.engagement.domain import import_survey
from styr.engagement.queries import hme_series, unit_results
from tests.engagement.conftest import rows_for, write_answers


def load(town, tmp_path, year, rows):
    return import_survey(town, write_answers(tmp_path / f"hme{year}.csv", rows), year=year).survey


def test_unit_results_gives_each_units_index_and_the_whole_municipalitys(town, tmp_path):
    survey = load(
        town,
        tmp_path,
        2015,
        rows_for("Skolenheten", [5] * 9, 6)
        + rows_for("Skolenheten", [3] * 9, 6)
        + rows_for("Gamla enheten", [4, 4, 4, 5, 5, 5, 3, 3, 3], 10)
        + rows_for("Kontoret", [1] * 9, 9),
    )
    results = unit_results(survey)
    assert [(row.name, row.result.respondents) for row in results.units] == [
        ("Kontoret", 9),
        ("Nya enheten", 10),  # named as it was called on the survey day
        ("Skolenheten", 12),
    ]
    office, renamed, school = (row.result for row in results.units)
    assert office.suppressed and office.total is None
    assert school.total == pytest.approx(75.0)
    assert renamed.motivation == pytest.approx(75.0)
    assert renamed.leadership == pytest.approx(100.0)
    assert renamed.governance == pytest.approx(50.0)
    assert renamed.total == pytest.approx(75.0)
    whole = results.municipality
    assert whole.respondents == 31
    # Every respondent together: (6 x 100 + 6 x 50 + 10 x 75 + 9 x 0) / 31 for the total.
    assert whole.total == pytest.approx((600 + 300 + 750 + 0) / 31)
    assert results.suppressed_units == [results.units[0]]


def test_unit_results_runs_two_queries_whatever_the_size(town, tmp_path, django_assert_num_queries):
    small = load(town, tmp_path, 2015, rows_for("Skolenheten", [4] * 9, 3))
    large = load(
        town,
        tmp_path,
        2016,
        rows_for("Skolenheten", [4] * 9, 300)
        + rows_for("Kontoret", [3] * 9, 200)
        + rows_for("Nya enheten", [5] * 9, 100),
    )
    for survey in (small, large):
        with django_assert_num_queries(2):
            unit_results(survey)


def test_hme_series_maps_each_year_to_the_municipality_wide_index(
    town, tmp_path, django_assert_num_queries
):
    load(town, tmp_path, 2015, rows_for("Skolenheten", [4] * 9, 12))
    load(
        town,
        tmp_path,
        2016,
        rows_for("Skolenheten", [5, 5, 5, 4, 4, 4, 3, 3, 3], 8)
        + rows_for("Kontoret", [5, 5, 5, 4, 4, 4, 3, 3, 3], 4),
    )
    load(town, tmp_path, 2017, rows_for("Skolenheten", [4] * 9, 9))
    with django_assert_num_queries(1):
        series = hme_series(town)
    assert series == {
        "hme_total": {"2015": 75.0, "2016": 75.0, "2017": None},
        "hme_motivation": {"2015": 75.0, "2016": 100.0, "2017": None},
        "hme_leadership": {"2015": 75.0, "2016": 75.0, "2017": None},
        "hme_governance": {"2015": 75.0, "2016": 50.0, "2017": None},
    }
    assert all(isinstance(v, float) for v in series["hme_total"].values() if v is not None)


def test_hme_series_without_surveys_is_empty(town):
    assert hme_series(town) == {
        "hme_total": {},
        "hme_motivation": {},
        "hme_leadership": {},
        "hme_governance": {},
    }
    assert hme_series(town.id) == hme_series(town)
