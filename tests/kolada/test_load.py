"""Loading Kolada files: all or nothing per file, --skip-bad, re-loading, the command."""

import gzip
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.kolada.load import LoadError, load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi

from .conftest import KPIS, MUNICIPALITIES, row, value


def stored():
    return sorted(
        KoladaValue.objects.values_list(
            "kpi", "municipality", "period", "gender", "value", "status", "count"
        )
    )


def test_values_load_with_missing_kept_as_null(catalogue, write):
    path = write(
        "N00945.json",
        [
            row(values=[value("T", 31.5), value("K", None, status="Missing", count=0)]),
            row(municipality="0182", period=2021, values=[value("T", 7)]),
        ],
    )
    result = load_files([path])
    assert (result.files[0].records, result.files[0].loaded) == (2, 3)
    assert stored() == [
        ("N00945", "0180", 2020, "K", None, "Missing", 0),
        ("N00945", "0180", 2020, "T", 31.5, "", 1),
        ("N00945", "0182", 2021, "T", 7.0, "", 1),
    ]


def test_a_bad_record_rolls_the_whole_file_back(catalogue, write):
    records = [row(period=2000 + i) for i in range(16)]
    records.append(row(period=2016, values=[value(number="abc")]))
    records += [row(period=2017 + i) for i in range(3)]
    path = write("N00945.json", records)
    with pytest.raises(LoadError) as caught:
        load_files([path])
    assert str(caught.value) == (
        f'{path}, record 17, field "values[0].value": "abc" is not a number. '
        f"Nothing from {path} was loaded (it is all or nothing; --skip-bad loads the good records)."
    )
    assert stored() == []


def test_a_bad_record_leaves_earlier_values_as_they_were(catalogue, write):
    load_files([write("first.json", [row(values=[value("T", 1.0)])])])
    bad = write("second.json", [row(values=[value("T", 2.0)]), row(municipality=180)])
    with pytest.raises(LoadError, match=r'record 2, field "municipality": 180 is a number'):
        load_files([bad])
    assert stored() == [("N00945", "0180", 2020, "T", 1.0, "", 1)]


def test_files_before_a_bad_file_stay_loaded_and_later_ones_are_not_tried(catalogue, write):
    good = write("a.json", [row(values=[value("T", 1.0)])])
    bad = write("b.json", [row(kpi_id="N99999")])
    later = write("c.json", [row(municipality="0182")])
    out = io.StringIO()
    with pytest.raises(LoadError, match=r'b\.json, record 1, field "kpi": unknown KPI "N99999"'):
        load_files([good, bad, later], out=out)
    assert out.getvalue() == f"{good}: 1 values loaded (from 1 records)\n"
    assert stored() == [("N00945", "0180", 2020, "T", 1.0, "", 1)]


def test_skip_bad_loads_the_good_records_and_reports_each_bad_one(catalogue, write):
    path = write(
        "mixed.json",
        [
            row(period=2019),
            row(period=1850),
            row(period=2020, values=[value("T", 5.0), value("X", 6.0)]),
            row(period=2021),
            row(municipality="9999"),
        ],
    )
    out = io.StringIO()
    result = load_files([path], skip_bad=True, out=out)
    assert [(s.record, s.message) for s in result.skipped] == [
        (2, 'field "period": 1850 is not a year between 1950 and 2100'),
        (3, 'field "values[1].gender": "X" is not T, K or M'),
        (5, 'field "municipality": unknown municipality "9999"; load municipality.json first'),
    ]
    assert sorted(KoladaValue.objects.values_list("period", flat=True)) == [2019, 2021]
    assert out.getvalue().splitlines() == [
        f"{path}: 2 values loaded (from 2 records, 3 bad records skipped)",
        f'  skipped {path}, record 2, field "period": 1850 is not a year between 1950 and 2100',
        f'  skipped {path}, record 3, field "values[1].gender": "X" is not T, K or M',
        f'  skipped {path}, record 5, field "municipality": unknown municipality "9999"; '
        "load municipality.json first",
    ]


def test_skip_bad_does_not_load_half_of_a_file_that_is_not_json(catalogue, write, tmp_path):
    path = tmp_path / "cut.json"
    text = json.dumps({"values": [row(period=2019), row(period=2020)]})
    path.write_text(text[:-20], encoding="utf-8")
    with pytest.raises(
        LoadError, match=r"cut\.json, record 2, line 1: not valid JSON.*Nothing from"
    ):
        load_files([path], skip_bad=True)
    assert stored() == []


def test_loading_again_updates_in_place(catalogue, write):
    load_files([write("v1.json", [row(values=[value("T", 1.0), value("K", 2.0)])])])
    ids = sorted(KoladaValue.objects.values_list("id", flat=True))
    load_files(
        [write("v2.json", [row(values=[value("T", 1.5, status="Reviderad"), value("K", 2.0)])])]
    )
    assert sorted(KoladaValue.objects.values_list("id", flat=True)) == ids
    assert stored() == [
        ("N00945", "0180", 2020, "K", 2.0, "", 1),
        ("N00945", "0180", 2020, "T", 1.5, "Reviderad", 1),
    ]


def test_a_value_marked_deleted_is_removed(catalogue, write):
    load_files([write("v1.json", [row(values=[value("T", 1.0), value("K", 2.0)])])])
    result = load_files([write("v2.json", [row(values=[value("K", 2.0, isdeleted=True)])])])
    assert result.files[0].deleted == 1
    assert stored() == [("N00945", "0180", 2020, "T", 1.0, "", 1)]


def test_catalogue_files_report_new_ids_and_update_titles(db, write):
    first = load_files([write("m.json", MUNICIPALITIES[:2]), write("k.json", KPIS[:1])])
    assert [(f.loaded, f.new) for f in first.files] == [(2, 2), (1, 1)]
    renamed = [{**MUNICIPALITIES[1], "title": "Stockholms stad"}, *MUNICIPALITIES[2:]]
    again = load_files([write("m2.json", renamed), write("k2.json", KPIS)])
    assert [(f.loaded, f.new) for f in again.files] == [(4, 3), (3, 2)]
    assert KoladaMunicipality.objects.get(pk="0180").title == "Stockholms stad"
    assert KoladaMunicipality.objects.count() == 5
    assert Kpi.objects.count() == 3


def test_municipalities_and_kpis_in_the_same_load_are_known_to_its_data_files(db, write):
    result = load_files(
        [
            write("data.json", [row()]),
            write(
                "groups.json",
                [{"id": "G1", "title": "Storstäder", "members": [{"member_id": "0180"}]}],
            ),
            write("kpi.json", KPIS),
            write("municipality.json", MUNICIPALITIES),
        ]
    )
    assert [f.kind for f in result.files] == ["municipalities", "kpis", "groups", "data"]
    assert KoladaValue.objects.count() == 1


def test_a_group_gets_exactly_the_members_of_the_file(catalogue, write):
    def group(*members):
        return {
            "id": "G37475",
            "title": "Storstäder",
            "members": [{"member_id": m} for m in members],
        }

    load_files([write("g1.json", [group("0180", "1280")])])
    load_files([write("g2.json", [group("1280", "1480")])])
    members = KoladaGroup.objects.get(pk="G37475").members.values_list("id", flat=True)
    assert sorted(members) == ["1280", "1480"]


def test_a_group_with_an_unknown_member_is_not_loaded(catalogue, write):
    path = write(
        "g.json",
        [
            {"id": "G1", "title": "A", "members": [{"member_id": "0180"}]},
            {"id": "G2", "title": "B", "members": [{"member_id": "0180"}, {"member_id": "2999"}]},
        ],
    )
    with pytest.raises(
        LoadError, match=r'record 2, field "members\[1\].member_id": unknown municipality "2999"'
    ):
        load_files([path])
    assert KoladaGroup.objects.count() == 0


def test_a_gzip_file_loads(db, tmp_path):
    path = tmp_path / "municipality.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump({"values": MUNICIPALITIES}, handle)
    assert load_files([path]).files[0].loaded == 5


def test_a_file_of_unknown_records_stops_the_load_before_anything_is_written(db, write):
    good = write("municipality.json", MUNICIPALITIES)
    odd = write("odd.json", [{"foo": 1, "bar": 2}])
    with pytest.raises(LoadError) as caught:
        load_files([good, odd])
    assert str(caught.value) == (
        f"{odd}, record 1: not a Kolada municipality, group, KPI or data record "
        "(it has foo, bar). Nothing was loaded."
    )
    assert KoladaMunicipality.objects.count() == 0


def test_a_missing_file_stops_the_load_before_anything_is_written(db, write, tmp_path):
    good = write("municipality.json", MUNICIPALITIES)
    with pytest.raises(
        LoadError,
        match=r"nowhere\.json: cannot be read: No such file or directory\. Nothing was loaded\.",
    ):
        load_files([good, tmp_path / "nowhere.json"])
    assert KoladaMunicipality.objects.count() == 0


# --- the command ---------------------------------------------------------------------------


def test_the_command_prints_a_line_per_file(db, write):
    out = io.StringIO()
    call_command(
        "kolada",
        "load",
        str(write("kpi.json", KPIS)),
        str(write("m.json", MUNICIPALITIES)),
        stdout=out,
    )
    assert out.getvalue().splitlines() == [
        f"{write('m.json', MUNICIPALITIES)}: 5 municipalities loaded (5 new)",
        f"{write('kpi.json', KPIS)}: 3 KPIs loaded (3 new)",
    ]


def test_the_command_fails_with_the_message_on_a_bad_record(catalogue, write):
    path = write("bad.json", [row(), row(values=[value(number="12,3")])])
    with pytest.raises(CommandError) as caught:
        call_command("kolada", "load", str(path), stdout=io.StringIO())
    assert str(caught.value).startswith(
        f'{path}, record 2, field "values[0].value": "12,3" is not a number. Nothing from'
    )
    assert stored() == []


def test_the_command_with_skip_bad_reports_skipped_records(catalogue, write):
    path = write("mixed.json", [row(), row(values=[value(number=True)])])
    out = io.StringIO()
    call_command("kolada", "load", str(path), "--skip-bad", stdout=out)
    assert out.getvalue().splitlines() == [
        f"{path}: 1 values loaded (from 1 records, 1 bad records skipped)",
        f'  skipped {path}, record 2, field "values[0].value": true is not a number',
    ]
    assert len(stored()) == 1


@pytest.mark.parametrize(
    "content, problem",
    [
        ("not json at all", "line 1: not valid JSON"),
        ('"just a string"', 'is not a Kolada file: expected an object with a "values" list'),
        ("[]", 'is not a Kolada file: expected an object with a "values" list'),
        ('{"values": [{"id": "0180",', "truncated"),
    ],
)
def test_the_command_names_a_file_that_is_not_a_kolada_file(db, tmp_path, content, problem):
    path = tmp_path / "file.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("kolada", "load", str(path))
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)


def test_the_command_names_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match=r"missing\.json: cannot be read: No such file"):
        call_command("kolada", "load", str(tmp_path / "missing.json"))


def test_the_command_says_when_a_file_has_no_records(db, write):
    out = io.StringIO()
    path = write("empty.json", [])
    call_command("kolada", "load", str(path), stdout=out)
    assert out.getvalue() == f"{path}: no records\n"


def test_the_command_needs_a_subcommand_and_files(db):
    with pytest.raises(CommandError):
        call_command("kolada")
    with pytest.raises(CommandError):
        call_command("kolada", "load")


def test_the_search_command_lists_matches_or_says_there_are_none(catalogue):
    out = io.StringIO()
    call_command("kolada", "search", "andel", "utbildning", stdout=out)
    assert out.getvalue() == "N00945  Invånare med eftergymnasial utbildning, andel (%)\n"
    out = io.StringIO()
    call_command("kolada", "search", "finns", "inte", stdout=out)
    assert out.getvalue() == "No KPI matches 'finns inte'.\n"
