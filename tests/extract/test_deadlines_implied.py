"""Deadlines whose date the sentence leaves to its surroundings.

"inom sex månader" counts from the document's own date (and gives nothing when the document
states none); a season or half-year without a year takes the year its paragraph states, or
the year its heading ends with, in a document that states no date; a day without a year
stays without one. "före sommaren" is the summer's start, the end of June.
"""

import datetime as dt

from styr.extract.deadlines import find_deadline
from styr.extract.segment import extract_actions


def _deadline(text: str):
    (action,) = extract_actions(text)
    return action.deadline


def test_a_time_counted_from_the_decision_takes_the_documents_date():
    text = (
        "Kommunstyrelsens beslut i sammandrag, 14 mars 2025\n\n"
        "Kommunstyrelsen uppmanade Kommunalförbundet Räddningstjänsten att se över "
        "insatstiderna och redovisa resultatet inom tre månader.\n"
    )
    deadline = _deadline(text)
    assert deadline.text == "inom tre månader"
    assert deadline.date == dt.date(2025, 6, 14)


def test_a_time_counted_in_weeks_from_an_iso_dated_protocol():
    text = (
        "Protokoll 2024-11-29\n\n"
        "Förvaltningen får i uppdrag att komplettera underlaget inom 2 veckor.\n"
    )
    assert _deadline(text).date == dt.date(2024, 12, 13)


def test_a_counted_time_in_an_undated_document_has_no_date():
    text = "Förvaltningen får i uppdrag att återkomma med en plan inom sex månader.\n"
    assert _deadline(text) is None


def test_a_yearless_season_takes_the_year_its_paragraph_states():
    text = (
        "Verksamhetsplan\n\n"
        "Under 2026 kommer förvaltningen att se över hemtjänstens planering. Nämnden avser "
        "också att införa nyckelfri hemtjänst; arbetet ska vara klart under våren.\n"
    )
    actions = extract_actions(text)
    assert [a.deadline.date for a in actions] == [dt.date(2026, 12, 31), dt.date(2026, 6, 30)]


def test_a_yearless_half_year_takes_the_year_its_heading_ends_with():
    text = (
        "Aktiviteter 2026\n\nGatuenheten kommer att asfaltera om Kvarngatan under andra halvåret.\n"
    )
    assert _deadline(text).date == dt.date(2026, 12, 31)


def test_a_yearless_day_in_an_undated_budget_text_stays_without_a_year():
    text = (
        "Budget 2026\n\n"
        "Nämnderna ska lämna sina underlag till ekonomiavdelningen senast den 20 mars.\n"
    )
    assert _deadline(text) is None


def test_a_paragraph_stating_two_years_gives_no_year_to_a_yearless_season():
    text = (
        "Planerat arbete\n\n"
        "Ansökningarna ökade både 2023 och 2024. Förvaltningen ska ta fram nya rutiner "
        "under hösten.\n"
    )
    assert _deadline(text) is None


def test_before_the_summer_is_the_end_of_june():
    assert find_deadline("Rapporten lämnas före sommaren 2026.").date == dt.date(2026, 6, 30)
    assert find_deadline("Klart till sommaren 2026.").date == dt.date(2026, 6, 30)
    assert find_deadline("Ombyggnaden sker under sommaren 2026.").date == dt.date(2026, 8, 31)
