"""Status notes: found at the end of a paragraph and read as a code, keeping their words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styr.extract.status import classify, is_status_only, split_note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Genomfört.", "done"),
        ("Genomfört", "done"),
        ("Klart.", "done"),
        ("Avslutad.", "done"),
        ("Utredning och översyn genomförd. Organisationsförändringen genomförd.", "done"),
        ("Genomfört och ägardirektiv är beslutade av kommunfullmäktige.", "done"),
        ("Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218.", "in_progress"),
        ("Påbörjad.", "in_progress"),
        ("Pågår.", "in_progress"),
        ("Sociala ekonomienheten avvecklad. Återstår ev. beslut om förändrad organisation.", "in_progress"),
        ("Nämndorganisation och utredning om VA-bolag genomförd, kommer att redovisas till kommunstyrelsen hösten 2015.", "in_progress"),
        ("Pågår kontinuerlig utveckling.", "ongoing"),
        ("Löpande arbete.", "ongoing"),
        ("Ej påbörjad.", "not_started"),
        ("Inte påbörjat ännu.", "not_started"),
        ("Se bilaga 3.", "unknown"),
        ("", "unknown"),
    ],
)  # fmt: skip
def test_notes_read_as_codes(note, code):
    assert classify(note) == code


def test_an_italic_note_at_the_end_is_split_off_and_other_italics_stay():
    text, note = split_note(
        "Ett utvecklingsuppdrag kallat *Smart kommun* läggs på förnyelseenheten. *Genomfört.*"
    )
    assert note == "Genomfört."
    assert text == "Ett utvecklingsuppdrag kallat *Smart kommun* läggs på förnyelseenheten."


def test_a_plain_status_sentence_or_a_status_label_is_a_note():
    assert split_note("Ta fram en ny IT-strategi. Klart.") == (
        "Ta fram en ny IT-strategi.",
        "Klart.",
    )
    assert split_note("Ta fram en ny IT-strategi. Status: Pågår") == (
        "Ta fram en ny IT-strategi",
        "Pågår",
    )


def test_a_long_trailing_passage_is_not_a_note():
    paragraph = (
        "Utveckling pågår. Arbetet pågår med att enheten ska ta ett samlat grepp om frågorna i "
        "stadshuset. Ansvaret är idag delat mellan lokalenheten och serviceenheten. Genom att "
        "samla frågorna kan servicen bli bättre samtidigt som utvecklingsfrågorna drivs bättre."
    )
    assert split_note(paragraph) == (paragraph, None)


def test_a_status_line_on_its_own_is_recognised():
    assert is_status_only("Genomfört.")
    assert is_status_only("*Pågår kontinuerlig utveckling.*")
    assert not is_status_only("Genomförandet av planen följs upp årligen av nämnden.")


@given(st.text())
def test_arbitrary_text_never_raises(text):
    rest, note = split_note(text)
    assert isinstance(rest, str)
    classify(note or text)
    is_status_only(text)


STATUS_PIECES = st.sampled_from(
    ["Genomfört", "klart", "Klart senast", "pågår", "Ej påbörjad", "Arbetet fortsätter", "under",
     "arbete", "Planen", "tas fram", ".", "!", "?", " ", "  ", "\n", ". ", "x", "2024"]
)  # fmt: skip


@given(st.one_of(st.lists(STATUS_PIECES, max_size=16).map("".join), st.text(max_size=60)))
def test_the_status_sentence_scan_finds_what_the_status_sentence_pattern_finds(text):
    # imported here: the module's first lines (and the texts below them) stay where they were
    from styr.extract.status import _STATUS_SENTENCE, _status_sentences

    ours = [m.span() for m in _status_sentences(text)]
    assert ours == [m.span() for m in _STATUS_SENTENCE.finditer(text)]
