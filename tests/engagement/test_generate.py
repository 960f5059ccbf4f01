"""Made-up demo answers: deterministic, plausible, one suppressed unit, imported as generated."""

import re

from styr.engagement import hme
from styr.engagement.domain import import_survey
from styr.engagement.generate import generate_csv, load_demo_survey
from styr.engagement.models import EngagementResponse
from styr.engagement.queries import unit_results
from styr.engagement.records import read_text
from tests.engagement.conftest import write_answers

UNITS = [f"Enhet {n}" for n in range(1, 13)]


def test_the_same_seed_gives_the_same_file_and_another_seed_another():
    assert generate_csv(UNITS, seed=7) == generate_csv(UNITS, seed=7)
    assert generate_csv(UNITS, seed=7) != generate_csv(UNITS, seed=8)


def test_generated_answers_read_back_in_the_import_format_with_plausible_indices():
    read = read_text(generate_csv(UNITS, seed=2015), "demo.csv")
    assert read.errors == []
    per_unit = {}
    for record in read.records:
        per_unit.setdefault(record.unit, []).append(record.answers)
    counts = [len(per_unit[name]) for name in UNITS]
    assert all(12 <= count <= 60 for count in counts[:-1])
    assert counts[-1] < hme.MIN_RESPONDENTS
    results = [hme.compute(hme.aggregate_answers(per_unit[name])) for name in UNITS[:-1]]
    totals = [result.total for result in results]
    assert all(65 <= total <= 90 for total in totals)
    assert max(totals) - min(totals) > 3  # units differ
    whole = hme.compute_all(hme.aggregate_answers(rows) for rows in per_unit.values())
    assert 70 <= whole.total <= 85
    assert whole.leadership > whole.governance
    assert any(answer is None for record in read.records for answer in record.answers)


def test_load_demo_survey_imports_the_demo_units_as_generated(demo):
    result = load_demo_survey(demo, year=2015)
    survey = result.survey
    assert survey.generated is True
    assert survey.year == 2015
    assert re.fullmatch(r"[0-9a-f]{64}", survey.sha256)
    results = unit_results(survey)
    names = [row.name for row in results.units]
    # Units are named as they were in autumn 2015.
    assert "Förnyelseenheten" in names
    assert "Samordnings- och utvecklingsenheten" not in names
    assert "Sociala ekonomienheten" not in names
    suppressed = [row.name for row in results.units if row.result.suppressed]
    assert suppressed == ["Mottagningsgruppen för ekonomiskt bistånd"]
    assert 70 <= results.municipality.total <= 85
    assert load_demo_survey(demo, year=2015 - 1).survey.year == 2014  # another year is fine


def test_a_demo_unit_is_found_by_its_name_before_the_2015_reorganisation(demo, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv",
        [("Samordnings- och utvecklingsenheten", *[4] * 9), ("förnyelseenheten", *[4] * 9)],
    )
    survey = import_survey(demo, path, year=2015).survey
    responses = EngagementResponse.objects.filter(survey=survey)
    assert set(responses.values_list("unit__slug", flat=True)) == {
        "samordnings-och-utvecklingsenheten"
    }
