"""A Kolada load leaves PostgreSQL statistics of the rows it wrote, so that the pages'
queries are planned from them straight away, not from guesses until autovacuum comes by
(a goal page took 20 s at L after a fresh load). ANALYZE of a table of a few rows reads
them all: the planner's row count is then the table's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.kolada.load import LoadError, load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from tests.planner import on_postgresql, planned_rows

from .conftest import KPIS, MUNICIPALITIES, row, value

pytestmark = on_postgresql


def test_a_load_leaves_each_table_it_filled_analyzed(db, write):
    # 37 values: not a count an earlier test's ANALYZE would have left behind.
    records = [row(period=1990 + i) for i in range(37)]
    group = {
        "id": "G100",
        "title": "Storstäder",
        "members": [{"member_id": "0180"}, {"member_id": "1280"}],
    }
    load_files(
        [
            write("N00945.json", records),
            write("municipality.json", MUNICIPALITIES),
            write("kpi.json", KPIS),
            write("groups.json", [group]),
        ]
    )
    assert KoladaValue.objects.count() == 37
    assert planned_rows(KoladaValue) == 37
    assert planned_rows(KoladaMunicipality) == len(MUNICIPALITIES)
    assert planned_rows(Kpi) == len(KPIS)
    assert planned_rows(KoladaGroup) == 1
    assert planned_rows(KoladaGroup.members.through) == 2


def test_a_load_that_fails_leaves_the_files_before_it_analyzed(db, write):
    good = write("N00945.json", [row(period=1950 + i) for i in range(23)])
    bad = write("N03702.json", [row("N03702", values=[value(number="abc")])])
    catalogue = [write("municipality.json", MUNICIPALITIES), write("kpi.json", KPIS)]
    load_files(catalogue)
    with pytest.raises(LoadError):
        load_files([good, bad])
    assert KoladaValue.objects.count() == 23
    assert planned_rows(KoladaValue) == 23


def test_a_load_analyzes_once_at_its_end_not_per_file(db, write):
    files = [write(f"N00945-{i}.json", [row(period=2000 + i)]) for i in range(3)]
    load_files([write("municipality.json", MUNICIPALITIES), write("kpi.json", KPIS)])
    with CaptureQueriesContext(connection) as captured:
        load_files(files)
    analyzes = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("ANALYZE")]
    assert analyzes == ['ANALYZE "kolada_koladavalue"']
