"""The demo's generated year: deterministic, plausible, and imported through the real path."""

from collections import Counter

import pytest

from styr.service.domain import CaseImportError
from styr.service.generate import generate_year_csv, load_demo_year
from styr.service.levels import CaseCount, levels_by_period
from styr.service.models import ServiceCase, ServiceCaseImport
from styr.service.records import parse_case_text


@pytest.fixture(scope="module")
def year_2015():
    records = parse_case_text(generate_year_csv(2015), "exempel.csv").records
    counts = Counter(
        (r.month, r.requester, r.category, r.handled_by_contact_centre, r.resolved_at_first_contact)
        for r in records
    )
    return records, levels_by_period([CaseCount(*key, n) for key, n in counts.items()])


def test_same_year_and_seed_give_the_same_text():
    assert generate_year_csv(2015, seed=7) == generate_year_csv(2015, seed=7)
    assert generate_year_csv(2015, seed=7) != generate_year_csv(2015, seed=8)
    assert generate_year_csv(2015) != generate_year_csv(2016)


def test_the_text_reads_without_errors_in_the_swedish_import_format():
    text = generate_year_csv(2015)
    assert text.startswith(
        "mottaget;kanal;ärendegivare;kategori;hanterat_av;löst_vid_första_kontakt\n"
    )
    result = parse_case_text(text, "exempel.csv")
    assert result.errors == []
    assert result.ignored_columns == []


def test_twelve_months_of_plausible_volume(year_2015):
    records, levels = year_2015
    months = {key: level.overall for key, level in levels.items() if len(key) == 7}
    assert sorted(months) == [f"2015-{m:02d}" for m in range(1, 13)]
    for key, month in months.items():
        assert 900 <= month.total <= 2600, key
    july = months["2015-07"].total
    assert july < min(m.total for k, m in months.items() if k != "2015-07")
    assert {r.received.year for r in records} == {2015}


def test_shares_hover_near_ninety_and_some_months_miss(year_2015):
    _records, levels = year_2015
    months = [level.overall for key, level in levels.items() if len(key) == 7]
    for month in months:
        assert 84 <= month.handled_share <= 96, (month.key, month.handled_share)
        assert 84 <= month.first_contact_share <= 96, (month.key, month.first_contact_share)
    handled = [month.handled_met for month in months]
    first_contact = [month.first_contact_met for month in months]
    assert True in handled and False in handled
    assert True in first_contact and False in first_contact


def test_mix_of_requesters_channels_and_categories(year_2015):
    records, levels = year_2015
    citizens = sum(r.requester == "citizen" for r in records) / len(records)
    assert 0.77 <= citizens <= 0.83
    assert {r.channel for r in records} == {"telefon", "e-post", "besök", "webb", "chatt"}
    categories = {c.key: c for c in levels["2015"].categories}
    for name in (
        "Bygglov",
        "Förskola och skola",
        "Äldreomsorg",
        "Avfall, vatten och avlopp",
        "Parkering och gator",
        "Ekonomiskt bistånd",
        "Lön och anställning",
        "IT och telefoni",
        "Lokaler",
    ):
        assert name in categories
    # First contact differs by category: building permits are harder than parking.
    assert (
        categories["Bygglov"].first_contact_share
        < categories["Parkering och gator"].first_contact_share
    )
    employees = {r.category for r in records if r.requester == "employee"}
    assert employees == {"Lön och anställning", "IT och telefoni", "Lokaler"}


def test_telephone_cases_arrive_on_weekdays_in_office_hours(year_2015):
    records, _levels = year_2015
    phone = [r.received for r in records if r.channel == "telefon"]
    assert all(day.weekday() < 5 and 8 <= day.hour < 17 for day in phone)


def test_load_demo_year_imports_as_generated(nacka):
    result = load_demo_year(nacka, 2015)
    batch = ServiceCaseImport.objects.get()
    assert batch.generated is True
    assert batch.file_name == "exempelarenden-2015.csv"
    assert ServiceCase.objects.count() == result.imported == batch.case_count
    assert 20_000 <= result.imported <= 27_000
    with pytest.raises(CaseImportError, match="already imported"):
        load_demo_year(nacka, 2015)
