"""Checking Kolada records, without a database: every bad field is named with its problem."""

import pytest

from styr.kolada.records import (
    BadRecord,
    detect_kind,
    group_row,
    kpi_row,
    municipality_row,
    value_rows,
)

from .conftest import KPIS, MUNICIPALITIES, row, value

KNOWN_KPIS = {"N00945", "N03702"}
KNOWN_MUNICIPALITIES = {"0180", "0182", "1280"}


def rows_of(record):
    return value_rows(record, KNOWN_KPIS, KNOWN_MUNICIPALITIES)


def test_a_good_data_record_becomes_one_row_per_value():
    record = row(values=[value("T", 31.5), value("K", None, status="Missing"), value("M", 30)])
    rows, deletions = rows_of(record)
    assert rows == [
        ("N00945", "0180", 2020, "T", 31.5, "", 1),
        ("N00945", "0180", 2020, "K", None, "Missing", 1),
        ("N00945", "0180", 2020, "M", 30.0, "", 1),
    ]
    assert list(deletions) == []


def test_optional_value_fields_may_be_absent_or_null():
    record = row(
        values=[{"gender": "T", "value": 2.0}, {"gender": "K", "status": None, "count": None}]
    )
    assert rows_of(record)[0] == [
        ("N00945", "0180", 2020, "T", 2.0, "", None),
        ("N00945", "0180", 2020, "K", None, "", None),
    ]


def test_a_value_marked_deleted_is_a_deletion_not_a_row():
    rows, deletions = rows_of(row(values=[value(), value("K", isdeleted=True)]))
    assert len(rows) == 1
    assert deletions == [("N00945", "0180", 2020, "K")]


@pytest.mark.parametrize(
    "record, field, problem",
    [
        (row(values=[value(number="abc")]), "values[0].value", '"abc" is not a number'),
        (
            row(values=[value(), value("K", number="12,3")]),
            "values[1].value",
            '"12,3" is not a number',
        ),
        (row(values=[value(number=True)]), "values[0].value", "true is not a number"),
        (row(values=[value(number=float("inf"))]), "values[0].value", "Infinity is too large"),
        (row(values=[value(number=10**400)]), "values[0].value", "is too large"),
        (
            row(municipality=180),
            "municipality",
            '180 is a number; a municipality id is four digits in quotes, e.g. "0180"',
        ),
        (
            row(municipality="180"),
            "municipality",
            '"180" is not a municipality id (four digits, e.g. "0180")',
        ),
        (
            row(municipality="9999"),
            "municipality",
            'unknown municipality "9999"; load municipality.json first',
        ),
        (row(municipality="G37475"), "municipality", '"G37475" is a municipality group'),
        (row(kpi_id="N99999"), "kpi", 'unknown KPI "N99999"; load the KPI catalogue first'),
        (
            row(kpi_id="N945"),
            "kpi",
            '"N945" is not a KPI id (a letter and five digits, e.g. "N00945")',
        ),
        (row(kpi_id=945), "kpi", "945 is not a KPI id"),
        (row(period="2020"), "period", '"2020" is not a year (a whole number, e.g. 2020)'),
        (row(period=2020.0), "period", "2020.0 is not a year"),
        (row(period=1850), "period", "1850 is not a year between 1950 and 2100"),
        (row(period=True), "period", "true is not a year"),
        (row(values=[value(gender="X")]), "values[0].gender", '"X" is not T, K or M'),
        (row(values=[value(gender=None)]), "values[0].gender", "null is not T, K or M"),
        (row(values=[{"value": 1.0}]), "values[0].gender", "missing"),
        (
            row(values=[value(count=-1)]),
            "values[0].count",
            "-1 is not a count (a whole number ≥ 0)",
        ),
        (row(values=[value(count=1.5)]), "values[0].count", "1.5 is not a count"),
        (row(values=[value(status=3)]), "values[0].status", "3 is not text"),
        (row(values=[value(status="x" * 31)]), "values[0].status", "is longer than 30 characters"),
        (row(values=[value(isdeleted="yes")]), "values[0].isdeleted", '"yes" is not true or false'),
        (row(values={"gender": "T"}), "values", '{"gender": "T"} is not a list'),
        (row(values=[12]), "values[0]", "12 is not a value record"),
        ({"kpi": "N00945", "municipality": "0180", "values": []}, "period", "missing"),
        ({"municipality": "0180", "period": 2020, "values": []}, "kpi", "missing"),
    ],
)
def test_a_bad_data_record_names_the_field_and_the_problem(record, field, problem):
    with pytest.raises(BadRecord) as caught:
        rows_of(record)
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f'field "{field}": ')


def test_a_record_that_is_not_an_object_is_named():
    with pytest.raises(BadRecord, match=r'^\["N00945"\] is not a data record$'):
        rows_of(["N00945"])


def test_kinds_are_told_from_the_record_fields():
    assert detect_kind(MUNICIPALITIES[0]) == "municipalities"
    assert detect_kind(KPIS[0]) == "kpis"
    assert detect_kind({"id": "G1", "title": "x", "members": []}) == "groups"
    assert detect_kind(row()) == "data"
    assert detect_kind({"foo": 1}) is None
    assert detect_kind([1]) is None


def test_a_kpi_record_becomes_its_fields_with_nulls_as_empty_text():
    fields = kpi_row({**KPIS[0], "auspice": None, "publ_period": 2025})
    assert fields[0] == "N00945"
    assert fields[5] == ""  # auspice
    assert str(fields[9]) == "2026-04-15"
    assert fields[10] == "2025"


@pytest.mark.parametrize(
    "changes, field, problem",
    [
        ({"id": "945"}, "id", '"945" is not a KPI id'),
        ({"title": ""}, "title", "is empty"),
        ({"title": None}, "title", "missing (null)"),
        ({"municipality_type": "X"}, "municipality_type", '"X" is not one of K, L, A'),
        ({"is_divided_by_gender": "yes"}, "is_divided_by_gender", '"yes" is not true or false'),
        (
            {"publication_date": "2026-13-01"},
            "publication_date",
            '"2026-13-01" is not a date (YYYY-MM-DD)',
        ),
        ({"operating_area": "x" * 501}, "operating_area", "is longer than 500 characters"),
    ],
)
def test_a_bad_kpi_record_names_the_field(changes, field, problem):
    with pytest.raises(BadRecord) as caught:
        kpi_row({**KPIS[0], **changes})
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_a_missing_kpi_field_is_named():
    record = dict(KPIS[0])
    del record["municipality_type"]
    with pytest.raises(BadRecord, match='field "municipality_type": missing'):
        kpi_row(record)


@pytest.mark.parametrize(
    "record, field, problem",
    [
        ({"id": 182, "title": "Nacka", "type": "K"}, "id", "182 is a number"),
        ({"id": "0182", "title": "Nacka", "type": "X"}, "type", '"X" is not one of K, L'),
        ({"id": "0182", "type": "K"}, "title", "missing"),
    ],
)
def test_a_bad_municipality_record_names_the_field(record, field, problem):
    with pytest.raises(BadRecord) as caught:
        municipality_row(record)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_a_group_keeps_leading_zeros_and_drops_repeated_members():
    record = {
        "id": "G1",
        "title": "Grupp",
        "members": [
            {"member_id": "0180", "member_title": "Stockholm"},
            {"member_id": "0182"},
            {"member_id": "0180"},
        ],
    }
    assert group_row(record, KNOWN_MUNICIPALITIES) == ("G1", "Grupp", ["0180", "0182"])


@pytest.mark.parametrize(
    "members, field, problem",
    [
        (
            [{"member_id": "0180"}, {"member_id": "9999"}],
            "members[1].member_id",
            'unknown municipality "9999"',
        ),
        ([{"member_id": 180}], "members[0].member_id", "180 is a number"),
        ([{"member_title": "Stockholm"}], "members[0].member_id", "missing"),
        ("0180", "members", '"0180" is not a list'),
    ],
)
def test_a_bad_group_member_is_named(members, field, problem):
    with pytest.raises(BadRecord) as caught:
        group_row({"id": "G1", "title": "Grupp", "members": members}, KNOWN_MUNICIPALITIES)
    assert caught.value.field == field
    assert problem in caught.value.problem
