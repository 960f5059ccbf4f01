"""Loading the real Kolada files bundled with Styr (Källa: Kolada), loaded once for the module."""

import io

import pytest
from django.core.management import call_command

from styr.kolada.load import load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from styr.kolada.search import search_kpis

from .conftest import DATA

# Given in reverse dependency order: the loader sorts them.
FILES = [
    DATA / "N00945.json",
    DATA / "bruttoregionprodukt-big-cities.json",
    DATA / "bruttoregionprodukt-arboga-peers.json",
    DATA / "municipality_groups.json.gz",
    DATA / "kpi.json.gz",
    DATA / "municipality.json",
]


def clear_kolada():
    KoladaValue.objects.all().delete()
    KoladaGroup.members.through.objects.all().delete()
    KoladaGroup.objects.all().delete()
    Kpi.objects.all().delete()
    KoladaMunicipality.objects.all().delete()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The whole bundled set, loaded once (committed) and removed after the module."""
    with django_db_blocker.unblock():
        clear_kolada()
        out = io.StringIO()
        result = load_files(FILES, out=out)
        yield result, out.getvalue()
        clear_kolada()


def counts():
    return (
        KoladaMunicipality.objects.count(),
        Kpi.objects.count(),
        KoladaGroup.objects.count(),
        KoladaGroup.members.through.objects.count(),
        KoladaValue.objects.count(),
    )


def test_the_bundled_files_load_whole(loaded, db):
    assert counts() == (312, 6099, 3630, 26573, 63 + 48 + 192)
    assert KoladaValue.objects.filter(kpi="N00945").count() == 63
    assert KoladaValue.objects.filter(kpi__in=["N03702", "N03703"]).count() == 48 + 192


def test_files_load_in_dependency_order_whatever_order_they_are_given(loaded, db):
    result, out = loaded
    assert [f.kind for f in result.files] == [
        "municipalities",
        "kpis",
        "groups",
        "data",
        "data",
        "data",
    ]
    assert out.splitlines() == [
        f"{DATA / 'municipality.json'}: 312 municipalities loaded (312 new)",
        f"{DATA / 'kpi.json.gz'}: 6099 KPIs loaded (6099 new)",
        f"{DATA / 'municipality_groups.json.gz'}: 3630 groups loaded (3630 new, 26573 members)",
        f"{DATA / 'N00945.json'}: 63 values loaded (from 63 records)",
        f"{DATA / 'bruttoregionprodukt-big-cities.json'}: 48 values loaded (from 48 records)",
        f"{DATA / 'bruttoregionprodukt-arboga-peers.json'}: 192 values loaded (from 192 records)",
    ]


def test_values_and_catalogue_fields_are_stored_as_kolada_gives_them(loaded, db):
    stockholm = KoladaValue.objects.get(kpi="N00945", municipality="0180", period=2000, gender="T")
    assert stockholm.value == pytest.approx(31.32959689)
    assert (stockholm.status, stockholm.count) == ("", 1)
    assert KoladaMunicipality.objects.get(pk="0182").title == "Nacka"
    assert KoladaMunicipality.objects.get(pk="0000").type == "L"
    n00003 = Kpi.objects.get(pk="N00003")
    assert n00003.title == "Personalkostnader, kr/inv"
    assert n00003.municipality_type == "K"
    assert str(n00003.publication_date) == "2026-08-28"
    nulls = Kpi.objects.get(pk="N00009")  # auspice and prel_publication_date are null in the file
    assert (nulls.auspice, nulls.prel_publication_date) == ("", None)
    group = KoladaGroup.objects.get(pk="G114418")
    assert group.title == "Fyrkommunsnätverket (ovägt medel)"
    assert sorted(group.members.values_list("id", flat=True)) == ["0682", "1499", "1885", "2081"]


def test_loading_again_changes_no_counts_and_updates_a_changed_value(loaded, db, tmp_path):
    before = counts()
    changed = tmp_path / "N00945.json"
    changed.write_text(
        (DATA / "N00945.json").read_text(encoding="utf-8").replace("31.32959689", "32.5"),
        encoding="utf-8",
    )
    result = load_files([*FILES[1:], changed])
    assert counts() == before
    assert [f.new for f in result.files[:3]] == [0, 0, 0]
    stockholm = KoladaValue.objects.get(kpi="N00945", municipality="0180", period=2000)
    assert stockholm.value == 32.5


def test_search_finds_an_exact_id_first_then_title_words(loaded, db):
    assert [k.id for k in search_kpis("n00945")][:1] == ["N00945"]
    found = search_kpis("eftergymnasial utbildning")
    assert found and all(
        "eftergymnasial" in k.title.lower() and "utbildning" in k.title.lower() for k in found
    )
    assert [k.id for k in found] == sorted(k.id for k in found)
    assert len(search_kpis("kr", limit=7)) == 7


def test_search_folds_swedish_letters_on_both_databases(loaded, db):
    lower = {k.id for k in search_kpis("äldreomsorg", limit=10000)}
    upper = {k.id for k in search_kpis("Äldreomsorg", limit=10000)}
    assert lower and lower == upper


def test_the_search_command_prints_id_and_title(loaded, db):
    out = io.StringIO()
    call_command("kolada", "search", "N00945", stdout=out)
    assert out.getvalue().splitlines()[0] == ("N00945  " + Kpi.objects.get(pk="N00945").title)
