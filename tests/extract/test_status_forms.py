"""Status in the forms follow-ups and plans use: labels, fields, sentences and group headings.

The texts are written for the test in the shape of real follow-up lists, Stratsys pages and
news items; the note keeps the words as written and the code is Styr's scale.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.segment import extract_actions
from styr.extract.status import classify, find_status, list_status, split_note, state_in_text


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("AVSLUTAT", "done"),
        ("PÅGÅENDE", "in_progress"),
        ("Klar", "done"),
        ("Genomförd", "done"),
        ("Ej påbörjad", "not_started"),
        ("Inte startad", "not_started"),
        ("Delvis", "in_progress"),
        ("Delvis genomförd", "in_progress"),
        ("Pågår enligt plan", "in_progress"),
        ("Försenad", "in_progress"),
        ("Pågår kontinuerligt", "ongoing"),
        ("Genomförs kontinuerligt", "ongoing"),
        ("Arbetet fortsätter.", "in_progress"),
        ("Förvaltningen arbetar med frågan.", "in_progress"),
        ("Planerad", "not_started"),
        ("PÅBÖRJAD", "in_progress"),
        ("EJ GENOMFÖRD", "in_progress"),
    ],
)
def test_status_labels_read_as_codes(label, code):
    assert classify(label) == code


@pytest.mark.parametrize(
    "note",
    [
        "Inte genomfört.",
        "Ej genomförd",
        "Bristerna är ännu ej tillfullo åtgärdade.",
        "Rutinen är inte helt klar.",
        "Ej klar",
    ],
)
def test_a_negated_done_is_work_begun_and_not_finished(note):
    assert classify(note) == "in_progress"


def test_a_capital_label_ending_a_follow_up_line_is_its_note():
    line = "Ta fram en riktlinje för digitala möten (KS) AVSLUTAT"
    assert split_note(line) == ("Ta fram en riktlinje för digitala möten (KS)", "AVSLUTAT")
    line = "Utreda behovet av fler förskoleplatser (BUN) EJ PÅBÖRJAD"
    assert split_note(line)[1] == "EJ PÅBÖRJAD"
    assert classify(split_note(line)[1]) == "not_started"


def test_a_capital_label_opening_a_line_is_its_note():
    line = "PÅGÅENDE – Se över lokalförsörjningen för äldreomsorgen"
    assert split_note(line) == ("Se över lokalförsörjningen för äldreomsorgen", "PÅGÅENDE")


def test_a_flattened_planning_page_separates_the_status_label_with_a_dot():
    text = "Införa e-arkiv . Ansvarig . Kommunledningskontoret . Status . Pågår enligt plan"
    rest, note = split_note(text)
    assert note == "Pågår enligt plan"
    assert classify(note) == "in_progress"
    assert rest.endswith("Kommunledningskontoret")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Socialnämnden ska se över hemtjänstens scheman. Arbetet pågår och ska vara klart "
            "i oktober.",
            ("Arbetet pågår och ska vara klart i oktober.", "in_progress"),
        ),
        (
            "Uppdraget gavs i mars. Utredningen är nu klar och lämnas till nämnden.",
            ("Utredningen är nu klar och lämnas till nämnden.", "done"),
        ),
        (
            "Nämnden fick i uppdrag att ta fram en plan. Förvaltningen arbetar nu med ett förslag.",
            ("Förvaltningen arbetar nu med ett förslag.", "in_progress"),
        ),
        (
            "Kartläggningen har ännu inte påbörjats på grund av vakanser.",
            ("Kartläggningen har ännu inte påbörjats på grund av vakanser.", "not_started"),
        ),
        (
            "Förvaltningarna har ett intensivt pågående arbete med att ta fram förslag.",
            (
                "Förvaltningarna har ett intensivt pågående arbete med att ta fram förslag.",
                "in_progress",
            ),
        ),
        ("Bibliotekets nya öppettider klara", ("Bibliotekets nya öppettider klara", "done")),
        (
            "Nämnden fick i uppdrag att utreda taxan. Uppdraget har redovisats för nämnden.",
            ("Uppdraget har redovisats för nämnden.", "done"),
        ),
    ],
)
def test_status_sentences_in_running_text_are_found_as_written(text, expected):
    assert find_status(text) == expected
    assert state_in_text(text) == expected[0]


@pytest.mark.parametrize(
    "text",
    [
        "Vi arbetar aktivt med vår energiplan.",
        "Vi arbetar med hållbart resande för våra anställda.",
        "Rutinen ska vara klar senast i juni.",
        "Arbetet kommer att påbörjas under hösten.",
        "Förvaltningen ansvarar för att planen genomförs.",
        "Under våren genomfördes en översyn av lokalerna.",
        "Nämnderna ska ta fram förslag som är genomförbara.",
        "Under tiden som projektet pågår ska nämnden informeras.",
        "Det är klart att kostnaderna ökar.",
    ],
)
def test_plans_pledges_descriptions_and_history_are_not_status(text):
    assert find_status(text) is None


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("Sammanfattning av avhjälpta brister", "done"),
        ("Kvarstående brister", "in_progress"),
        ("Följande brister är ännu ej tillfullo åtgärdade:", "in_progress"),
        ("Ej påbörjade uppdrag", "not_started"),
        ("Avslutade uppdrag", "done"),
        ("Pågående uppdrag", "in_progress"),
    ],
)
def test_a_heading_or_lead_in_gives_its_group_a_status(heading, code):
    assert list_status(heading)[1] == code


@pytest.mark.parametrize("heading", ["Uppdrag från kommunfullmäktige", "Bakgrund", ""])
def test_a_heading_without_progress_gives_no_status(heading):
    assert list_status(heading) is None


STATUS_WORDS = st.sampled_from(
    ["Status", ":", " . ", "AVSLUTAT", "PÅGÅENDE", "ej", "inte", "ännu", "tillfullo", "klar",
     "Vi", "arbetar", "nu", "med", "pågår", "ska", "är", "har", "genomförts", "brister",
     "avhjälpta", "\n", ".", " ", "–", "*"]
)  # fmt: skip
status_text = st.one_of(st.text(), st.lists(STATUS_WORDS).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(status_text)
def test_finding_status_in_arbitrary_text_never_raises(text):
    for found in (find_status(text), list_status(text)):
        assert found is None or (isinstance(found[0], str) and found[1] in CODES)


CODES = {"done", "in_progress", "ongoing", "not_started", "unknown"}


@pytest.mark.parametrize(
    "text",
    ["a " * 200_000, "Vi " * 100_000, "ej ännu " * 50_000, "PÅGÅENDE " * 50_000, "x" * 500_000],
)
def test_long_degenerate_texts_return(text):
    find_status(text)
    list_status(text)
    split_note(text)


COMMENTED_RECORDS = """Uppföljning av fullmäktiges uppdrag, juni 2026

Uppdrag: Inventera kommunens lekplatser (TN)
Kommentar: Inventeringen är klar och finns på webben.

Uppdrag: Införa digital närvarohantering i förskolan (BUN)
Kommentar: Arbetet har inte startat ännu.

Uppdrag: Ta fram en plan för vattenförsörjningen (KS)
Kommentar: Ett första utkast skickas på remiss i höst.
"""


def test_a_progress_sentence_in_a_records_comment_is_its_status():
    playgrounds, attendance, water = extract_actions(COMMENTED_RECORDS)
    assert (playgrounds.status_code, attendance.status_code) == ("done", "not_started")
    assert playgrounds.status_text == "Inventeringen är klar och finns på webben."
    assert water.status_code in (None, "unknown")  # a plan is no progress


BRACKETED_STATUS = """Uppföljning av uppdrag, tertial 2 2026

MILJÖNÄMNDEN
• Ta fram en plan för tillsyn av hästgårdar (pågår)
• Inventera enskilda avlopp i Norrby (klar)
• Utreda avgift för strandskyddsdispens (ej påbörjad)
"""


def test_a_status_in_brackets_ending_a_follow_up_line_is_its_note():
    plan, sewers, fee = extract_actions(BRACKETED_STATUS)
    assert plan.title == "Ta fram en plan för tillsyn av hästgårdar"
    assert [(a.status_text, a.status_code) for a in (plan, sewers, fee)] == [
        ("pågår", "in_progress"),
        ("klar", "done"),
        ("ej påbörjad", "not_started"),
    ]
    assert [p.role for p in plan.responsible] == ["MILJÖNÄMNDEN"]


def test_a_bracket_that_states_no_progress_is_no_note():
    assert split_note("Ta fram en plan för skyfall (KS)") == (
        "Ta fram en plan för skyfall (KS)",
        None,
    )
    assert split_note("Se över taxan (se bilaga)")[1] is None
