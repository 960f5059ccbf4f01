"""Deadlines in the forms published plans, decisions and follow-ups use (issue 13, point 3).

Every text here is written for the test in the shape of real documents: numeric dates,
month and quarter spans, periods of years, the document's own year, and the dates that are
never deadlines (decisions, validity, plan and budget years, superseded dates).
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.deadlines import document_year, find_deadline, list_deadline, parse_expression

D = dt.date


def when(text, **kwargs):
    deadline = find_deadline(text, **kwargs)
    return deadline and (deadline.text, deadline.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rutinen ska vara reviderad 2023-05-31.", ("2023-05-31", D(2023, 5, 31))),
        ("Klart 31/5 2023", ("Klart 31/5 2023", D(2023, 5, 31))),
        ("Redovisas senast 31.5.2023 till nämnden.", ("senast 31.5.2023", D(2023, 5, 31))),
        ("Ny taxa ska tas fram senast december 2022.", ("senast december 2022", D(2022, 12, 31))),
        ("Kartläggning jan–mars 2023", ("jan–mars 2023", D(2023, 3, 31))),
        ("Utbildningsinsatser april-maj 2019", ("april-maj 2019", D(2019, 5, 31))),
        ("Tidplan: Q3 2024", ("Q3 2024", D(2024, 9, 30))),
        ("Genomförs kvartal 3 2024.", ("kvartal 3 2024", D(2024, 9, 30))),
        ("Uppföljning sker 2023–2024.", ("2023–2024", D(2024, 12, 31))),
        ("Klart våren 2024", ("Klart våren 2024", D(2024, 6, 30))),
        ("Ska vara infört till hösten 2024.", ("till hösten 2024", D(2024, 12, 31))),
        ("Klart vid årsskiftet 2015/2016.", ("vid årsskiftet 2015/2016", D(2015, 12, 31))),
    ],
)
def test_numeric_dates_spans_quarters_and_seasons(text, expected):
    assert when(text) == expected


def test_a_span_that_starts_now_ends_in_its_last_month():
    assert when("Åtgärder nu-oktober 2021")[1] == D(2021, 10, 31)


def test_a_tertial_or_quarter_without_a_year_takes_the_stated_year():
    assert when("Klart tertial 2", default_year=2024) == ("Klart tertial 2", D(2024, 8, 31))
    assert when("Tidplan: Q4", default_year=2024) == ("Q4", D(2024, 12, 31))
    assert find_deadline("Klart tertial 2") is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Förvaltningen ska ta fram en ny rutin under året.", "under året"),
        ("Arbetet ska vara klart före årets slut.", "före årets slut"),
        ("Översynen görs under innevarande år.", "under innevarande år"),
        ("Riktlinjen ska revideras i år.", "i år"),
    ],
)
def test_this_year_when_the_document_states_its_year(text, phrase):
    assert when(text, default_year=2023) == (phrase, D(2023, 12, 31))
    assert find_deadline(text) is None, "no year stated: no date"


@pytest.mark.parametrize(
    "text",
    [
        "Under året som gått har flera insatser gjorts.",
        "Under året genomfördes tre utbildningar.",
        "Verksamheten pågår hela året.",
    ],
)
def test_this_year_in_a_review_of_the_past_is_not_a_deadline(text):
    assert find_deadline(text, default_year=2023) is None


def test_a_meeting_date_without_a_year_takes_the_documents_year():
    text = "Nämnderna ska lämna sina yttranden till kommunstyrelsen senast den 12 mars."
    assert when(text, default_year=2021) == ("senast den 12 mars", D(2021, 3, 12))
    assert find_deadline(text) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Protokoll 2019-05-22\nBarn- och utbildningsnämnden", 2019),
        ("Beslut\n2018-03-14\nDnr 12-2018:77\nUppföljning", 2018),
        ("Kommunstyrelsen beslutade den 2 april 2020 att ge nämnderna i uppdrag ...", 2020),
        ("Budget 2024\nNämnderna ska lämna förslag senast den 1 mars.", None),
        ("Oförändrade ramar för 2022 jämfört med 2021.", None),
        ("Nyhet: nämnderna har fått nya uppdrag.", None),
    ],
)
def test_document_year_is_the_year_of_its_first_exact_date(text, year):
    assert document_year(text) == year


def test_a_mandate_period_is_a_time_frame():
    text = "En ny översiktsplan tas fram under mandatperiod 2027-2030."
    assert when(text) == ("2027-2030", D(2030, 12, 31))
    text = "En ny översiktsplan tas fram under nästa mandatperiod 2027-2030. Vision 2040 gäller."
    assert when(text)[1] == D(2030, 12, 31)


def test_inför_a_period_is_ahead_even_after_a_past_adoption():
    text = "Kommunen har antagit följande åtaganden inför 2025-2027:"
    assert when(text) == ("inför 2025-2027", D(2027, 12, 31))


# --------------------------------------------------------------------------------------------
# Never deadlines


@pytest.mark.parametrize(
    "text",
    [
        "Antagen av kommunfullmäktige 12 mars 2024 § 31.",
        "Beslut vid regeringssammanträde den 3 oktober 2023",
        "Beslut: 2023-10-03",
        "Publicerad 2023-11-20",
        "Beslut om den nya taxan kommer att fattas den 14 juni 2024.",
        "Ärendet är planerat till kommunfullmäktiges sammanträde 17 juni 2024.",
        "I nämndens plan 2022-2024, fastställd av nämnden den 8 de- cember 2021, ingår uppdraget.",
    ],
)
def test_decision_adoption_publication_and_meeting_dates_are_not_deadlines(text):
    assert find_deadline(text) is None


def test_a_meeting_the_work_must_be_reported_to_is_a_deadline():
    text = "Förslaget ska redovisas vid nämndens sammanträde i juni 2024."
    assert when(text) == ("i juni 2024", D(2024, 6, 30))


@pytest.mark.parametrize(
    "text",
    [
        "Strategin är giltig under perioden 2025–2027.",
        "Riktlinjen gäller 2024-2026 och ska följas av alla förvaltningar.",
        "Förvaltningen ska ta fram förslag till budget för år 2025 och plan för åren 2026–2027.",
        "I Kommunstyrelsens plan 2023-2025 ingår att se över lokalförsörjningen.",
        "Nämnderna ska lämna ett överskott 2024 på 8 miljoner kronor.",
        "Ramarna för 2025 ska hållas.",
        "Investeringarna ökar jämfört med 2023.",
        "Direktiven för budget 2025 beskriver arbetet.",
    ],
)
def test_validity_plan_budget_and_target_years_are_not_deadlines(text):
    assert find_deadline(text) is None


def test_a_superseded_deadline_loses_to_the_new_one():
    text = (
        "Det ursprungliga slutdatumet var satt till 2024-03-31. Arbetet ska nu vara klart "
        "2024-02-15."
    )
    assert when(text) == ("klart \n2024-02-15".replace(" \n", " "), D(2024, 2, 15))
    assert find_deadline("I stället för den 1 mars 2024 gäller nu inget datum.") is None


def test_start_dates_and_frequencies_are_not_deadlines():
    assert find_deadline("Åtgärden ska påbörjas omgående och genomföras löpande.") is None
    assert find_deadline("Insatsen gäller från och med den 1 juli 2024.") is None
    assert find_deadline("Uppföljningen görs årligen.", default_year=2024) is None


# --------------------------------------------------------------------------------------------
# "samma dag" and lists


def test_same_day_refers_to_the_day_named_before():
    text = (
        "Nämnden ska senast den 30 september 2024 vidta åtgärder. Åtgärderna ska senast samma "
        "dag redovisas skriftligt."
    )
    assert when(text) == ("senast den 30 september 2024", D(2024, 9, 30))
    own = "Åtgärderna ska senast samma dag redovisas skriftligt."
    assert find_deadline(own) is None, "nothing to refer to"
    before = "Nämnden ska senast den 30 september 2024 vidta åtgärder."
    assert when(own, preceding=before) == ("senast samma dag", D(2024, 9, 30))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Uppdraget ska redovisas senast den 30 april 2026.", D(2026, 4, 30)),
        ("Kommunen har antagit följande åtaganden inför 2025-2027:", D(2027, 12, 31)),
        ("Klimatlöften 2025–2027", D(2027, 12, 31)),
        ("Följande ska vara genomfört under hösten:", None),
        ("Budget 2025", None),
        ("Mål och budget 2025-2027", None),
        ("Åtgärderna nedan beslutades den 3 maj 2024:", None),
        ("Beslut i korthet – regionfullmäktige 11-12 juni 2024", None),
        ("Återrapportering av uppdrag 2024-02-06", None),
        ("Klart 2024-12-31", D(2024, 12, 31)),
    ],
)
def test_a_list_lead_in_or_closing_sentence_sets_the_deadline_of_every_item(sentence, expected):
    deadline = list_deadline(sentence)
    assert (deadline and deadline.date) == expected


def test_a_list_lead_in_without_a_year_takes_the_documents_year():
    deadline = list_deadline("Följande ska vara genomfört under hösten:", default_year=2025)
    assert (deadline.text, deadline.date) == ("under hösten", D(2025, 12, 31))


def test_this_year_parses_on_its_own_with_a_default_year():
    assert parse_expression("under året", default_year=2024) == (D(2024, 12, 31), "year")
    assert parse_expression("i år", default_year=2024) == (D(2024, 12, 31), "year")
    assert parse_expression("under året") is None


def test_an_adjective_in_ade_after_an_infinitive_is_not_past_tense():
    text = "Kommunen ska senast den 1 mars 2025 vidta åtgärder för att avhjälpa påtalade brister."
    assert when(text) == ("senast den 1 mars 2025", D(2025, 3, 1))
    assert find_deadline("Nämnderna beslutade i mars 2024 om en ny plan.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Planen följs upp årligen i december.",
        "Nämnden rapporterar varje år i mars.",
        "Redovisning sker i oktober varje år.",
        "Uppföljningen görs löpande under 2025.",
    ],
)
def test_frequencies_are_not_deadlines(text):
    assert find_deadline(text, default_year=2025) is None


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from([None, 2024]))
def test_list_deadline_and_document_year_never_raise(text, default_year):
    deadline = list_deadline(text, default_year=default_year)
    assert deadline is None or deadline.text in text
    year = document_year(text)
    assert year is None or 1990 <= year <= 2100


def test_a_school_year_ends_at_midsummer():
    assert parse_expression("läsåret 2024/2025") == (D(2025, 6, 30), "season")
    assert parse_expression("läsår 2024/25") == (D(2025, 6, 30), "season")
    assert parse_expression("läsåret 2024/2026") is None
    assert when("Modellen prövas under läsåret 2025/2026.")[1] == D(2026, 6, 30)


def test_a_period_after_a_preposition_is_a_time_frame_and_a_closing_colon_no_label():
    deadline = list_deadline("Följande åtgärder genomförs under perioden 2025–2027:")
    assert (deadline.text, deadline.date) == ("2025–2027", D(2027, 12, 31))
    assert find_deadline("Budget 2025: 4 mnkr") is None


def test_month_and_year_as_tables_write_them():
    assert parse_expression("12/2024") == (D(2024, 12, 31), "month")
    assert parse_expression("6/2025") == (D(2025, 6, 30), "month")
    assert parse_expression("13/2024") is None
    assert when("Klart: 06/2025") == ("Klart: 06/2025", D(2025, 6, 30))
    assert find_deadline("Ärende KS 3/2024 behandlas.") is None, "a registry number"


def test_a_moved_deadline_is_the_new_date():
    text = "Slutdatum 2024-12-31. Slutdatum har flyttats till 2025-03-31 på grund av vakanser."
    assert when(text) == ("till 2025-03-31", D(2025, 3, 31))
    text = "Klart senast 2024-10-31 (tidigare 2024-12-31)."
    assert when(text) == ("senast 2024-10-31", D(2024, 10, 31))
