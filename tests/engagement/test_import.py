"""import_survey: units matched by any name they had, all or nothing, skip_bad, one per year."""

import datetime as dt

import pytest

from styr.engagement.domain import SurveyImportError, import_survey
from styr.engagement.models import EngagementResponse, EngagementSurvey
from styr.org.models import Unit
from tests.engagement.conftest import rows_for, write_answers

FOURS = [4] * 9


def nothing_written():
    return not EngagementSurvey.objects.exists() and not EngagementResponse.objects.exists()


def test_import_saves_every_respondent_with_its_unit_and_answers(town, tmp_path):
    path = write_answers(
        tmp_path / "hme2015.csv",
        rows_for("Skolenheten", [5, 4, 3, 4, 4, 5, 1, 2, 3], 3)
        + rows_for("Kontoret", [4, None, 4, 4, 4, 4, 4, 4, 4], 2),
    )
    result = import_survey(town, path, year=2015, conducted_on=dt.date(2015, 10, 1))
    survey = EngagementSurvey.objects.get()
    assert result.survey == survey
    assert (result.responses, result.units, result.skipped) == (5, 2, [])
    assert survey.title == "Medarbetarenkät (HME) 2015"
    assert (survey.year, survey.conducted_on, survey.file_name) == (
        2015,
        dt.date(2015, 10, 1),
        "hme2015.csv",
    )
    assert len(survey.sha256) == 64
    assert survey.generated is False
    school = EngagementResponse.objects.filter(unit__slug="skolan")
    assert [(r.q1, r.q2, r.q3, r.q7, r.q9) for r in school] == [(5, 4, 3, 1, 3)] * 3
    office = EngagementResponse.objects.filter(unit__slug="kontoret").first()
    assert office.q2 is None
    assert office.q1 == 4


def test_unit_names_match_case_insensitively_and_with_spaces_collapsed(town, tmp_path):
    path = write_answers(tmp_path / "a.csv", [("SKOLENHETEN", *FOURS), ("  kontoret ", *FOURS)])
    import_survey(town, path, year=2015)
    assert sorted(EngagementResponse.objects.values_list("unit__slug", flat=True)) == [
        "kontoret",
        "skolan",
    ]


def test_a_unit_is_found_by_its_name_on_the_survey_day_and_by_its_earlier_name(town, tmp_path):
    renamed = Unit.objects.get(slug="nya")
    path = write_answers(tmp_path / "a.csv", [("Nya enheten", *FOURS), ("Gamla enheten", *FOURS)])
    import_survey(town, path, year=2015)
    assert list(EngagementResponse.objects.values_list("unit_id", flat=True)) == [renamed.id] * 2


def test_an_unknown_unit_names_line_field_and_name_and_nothing_is_written(town, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv",
        [("Skolenheten", *FOURS), ("Brandkåren", *FOURS), ("Skolenheten", *FOURS)],
    )
    with pytest.raises(SurveyImportError) as raised:
        import_survey(town, path, year=2015)
    assert str(raised.value) == 'hme.csv, line 3, field "enhet": unknown unit "Brandkåren"'
    assert nothing_written()


def test_every_problem_in_the_file_is_listed_in_line_order(town, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv",
        [
            ("Skolenheten", 5, 4, 3, 6, 4, 5, 1, 2, 3),
            ("Brandkåren", *FOURS),
            ("Kontoret", *[None] * 9),
            ("Kontoret", *FOURS),
        ],
    )
    with pytest.raises(SurveyImportError) as raised:
        import_survey(town, path, year=2015)
    assert [str(e) for e in raised.value.errors] == [
        'hme.csv, line 2, field "q4": "6" is not an answer 1–5',
        'hme.csv, line 3, field "enhet": unknown unit "Brandkåren"',
        "hme.csv, line 4: no answers: all nine statements are empty",
    ]
    assert nothing_written()


def test_a_bad_header_is_refused_and_nothing_is_written(town, tmp_path):
    path = tmp_path / "hme.csv"
    path.write_text("enhet;q1;q2\nSkolenheten;4;4\n", encoding="utf-8")
    with pytest.raises(SurveyImportError, match=r"^hme.csv, line 1: no column for statement 3, "):
        import_survey(town, path, year=2015)
    assert nothing_written()


def test_skip_bad_saves_the_good_rows_and_returns_the_bad(town, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv",
        [("Skolenheten", *FOURS), ("Brandkåren", *FOURS), ("Kontoret", 1, 2, 3, 4, 5, 0, 1, 2, 3)]
        + rows_for("Kontoret", FOURS, 2),
    )
    result = import_survey(town, path, year=2015, skip_bad=True)
    assert result.responses == 3
    assert [str(e) for e in result.skipped] == [
        'hme.csv, line 3, field "enhet": unknown unit "Brandkåren"',
        'hme.csv, line 4, field "q6": "0" is not an answer 1–5',
    ]
    assert EngagementResponse.objects.filter(survey=result.survey).count() == 3


def test_skip_bad_with_no_good_row_writes_nothing(town, tmp_path):
    path = write_answers(tmp_path / "hme.csv", [("Brandkåren", *FOURS)])
    with pytest.raises(SurveyImportError) as raised:
        import_survey(town, path, year=2015, skip_bad=True)
    assert str(raised.value).endswith("hme.csv: no respondent's answers could be read")
    assert nothing_written()


def test_a_second_survey_for_the_same_year_is_refused(town, tmp_path):
    path = write_answers(tmp_path / "hme.csv", [("Skolenheten", *FOURS)])
    import_survey(town, path, year=2015, title="Första")
    with pytest.raises(SurveyImportError) as raised:
        import_survey(town, path, year=2015)
    assert str(raised.value) == (
        'hme.csv: Testby kommun already has an HME survey for 2015 ("Första", from hme.csv); '
        "only one per year is kept"
    )
    assert EngagementSurvey.objects.count() == 1
    assert EngagementResponse.objects.count() == 1
    import_survey(town, path, year=2016)
    assert EngagementSurvey.objects.count() == 2


def test_a_unit_of_another_municipality_is_unknown(town, tmp_path, django_user_model):
    from styr.org.models import Municipality

    other = Municipality.objects.create(name="Annanstad", slug="annan")
    Unit.objects.create(municipality=other, slug="brand", name="Brandkåren", kind="enhet")
    path = write_answers(tmp_path / "hme.csv", [("Brandkåren", *FOURS)])
    with pytest.raises(SurveyImportError, match='unknown unit "Brandkåren"'):
        import_survey(town, path, year=2015)


def test_generated_flag_and_title_are_kept(town, tmp_path):
    path = write_answers(tmp_path / "hme.csv", [("Skolenheten", *FOURS)])
    survey = import_survey(town, path, year=2014, title="HME våren 2014", generated=True).survey
    survey.refresh_from_db()
    assert (survey.title, survey.generated) == ("HME våren 2014", True)


def test_a_name_two_units_have_had_goes_to_the_one_that_had_it_on_the_survey_day(town, tmp_path):
    # "Gamla enheten" was the renamed unit's name until 2015; a new unit takes it in 2016.
    newer = Unit.objects.create(
        municipality=town, slug="nygamla", name="Gamla enheten", kind="enhet"
    )
    newer.changes.create(date=dt.date(2016, 1, 1), kind="create", note="Inrättas.")
    path = write_answers(tmp_path / "hme.csv", [("Gamla enheten", *FOURS)])
    import_survey(town, path, year=2017)
    assert EngagementResponse.objects.get().unit == newer
    # In 2015 neither unit was called that: the name fits both, and nothing is guessed.
    with pytest.raises(SurveyImportError) as raised:
        import_survey(town, path, year=2015)
    assert str(raised.value) == (
        'hme.csv, line 2, field "enhet": "Gamla enheten" fits several units (nya, nygamla)'
    )
