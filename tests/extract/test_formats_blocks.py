"""Blocks and spans: where each action was read, kept through every format's mending.

The review page highlights each action's span in the document, so for every format the
text passed in, sliced at the span, must hold the action's opening words.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.blocks import blocks, normalise
from styr.extract.segment import extract_actions
from tests.extract import (
    test_formats_followups,
    test_formats_lists,
    test_formats_negatives,
    test_formats_prose,
    test_other_styles,
)

ARCHIVED = """# source: https://example.se/kommun/nyheter/2024-05-02-beslut
Nämnden gav förvaltningen i uppdrag att ta fram en lokalförsörjningsplan senast 2025.
"""

WRAPPED_PDF = """Sammanfattning
Kommunstyrelsen ger samhällsbyggnadsförvaltningen i uppdrag att ta fram en
ny plan för gång- och cykelvägar i tätorterna. Planen ska bygga på en
kartläggning av skolvägar och ske i dialog med invånarna.
Bakgrund
Cykelplanen från 2012 är inaktuell och behöver ersättas med en plan som
omfattar alla tätorter i kommunen.
"""

HYPHENATED = """Ärendet

I budgeten har kommunfullmäktige gett kommundirektö-
ren i uppdrag att tydlig- göra ansvaret för mål- och resultatstyrningen.
"""

PAGE_BREAK = """Åtgärder

Socialnämnden ska senast den 31 mars 2025 ta fram en handlingsplan för att minska
\f3 (12)
\fantalet placeringar utanför kommunen.
"""


def formats():
    for module in (
        test_formats_followups,
        test_formats_lists,
        test_formats_negatives,
        test_formats_prose,
        test_other_styles,
    ):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str):
                yield f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value
    for name in ("ARCHIVED", "WRAPPED_PDF", "HYPHENATED", "PAGE_BREAK"):
        yield name, globals()[name]


def words(text: str) -> list[str]:
    return re.findall(r"\w{3,}", normalise(text).lower())


def test_every_actions_span_holds_its_opening_words_in_every_format():
    checked = 0
    for name, text in formats():
        for action in extract_actions(text):
            start, end = action.span
            assert 0 <= start < end <= len(text), name
            source = words(text[start:end])
            opening = words(action.title.replace("…", ""))[:3]
            assert all(word in source for word in opening), (name, action.title, source[:12])
            assert 0 < action.confidence <= 1, name
            checked += 1
    assert checked > 40


def test_the_archives_source_line_is_not_part_of_the_document():
    (action,) = extract_actions(ARCHIVED)
    assert action.title.startswith("Nämnden gav förvaltningen i uppdrag")
    assert "source" not in action.text
    assert all("source" not in b.text for b in blocks(ARCHIVED))


def test_hard_wrapped_pdf_text_is_split_into_headings_and_paragraphs():
    found = [(b.kind, b.text[:40]) for b in blocks(WRAPPED_PDF)]
    assert found == [
        ("heading", "Sammanfattning"),
        ("paragraph", "Kommunstyrelsen ger samhällsbyggnadsförv"),
        ("heading", "Bakgrund"),
        ("paragraph", "Cykelplanen från 2012 är inaktuell och b"),
    ]
    (action,) = extract_actions(WRAPPED_PDF)
    assert action.title.startswith("Kommunstyrelsen ger samhällsbyggnadsförvaltningen i uppdrag")


def test_words_hyphenated_by_the_transcription_are_mended_but_mål_och_keeps_its_hyphen():
    (action,) = extract_actions(HYPHENATED)
    assert "kommundirektören i uppdrag att tydliggöra" in action.text
    assert "mål- och resultatstyrningen" in action.text
    start, end = action.span
    assert PAGE_BREAK and HYPHENATED[start:end].startswith("I budgeten har")


def test_a_sentence_cut_by_a_page_break_and_its_page_number_is_one_action():
    (action,) = extract_actions(PAGE_BREAK)
    assert action.text.endswith("antalet placeringar utanför kommunen.")
    assert "(12)" not in action.text
    assert action.deadline is not None and action.deadline.date.isoformat() == "2025-03-31"


PIECES = st.sampled_from(
    [
        "Uppdrag",
        " . ",
        "Status: Pågår",
        "Ansvarig:",
        "PÅGÅENDE",
        "AVSLUTAT",
        "(KS)",
        "1:1",
        "Uppdrag 1.2",
        "Åtgärd 4:",
        "• ",
        "- ",
        "1. ",
        "\n",
        "\n\n",
        "\f",
        "# source: x\n",
        "ska",
        "ta fram",
        "i uppdrag att",
        "senast den 3 maj 2024",
        "Utredaren ska bl.a.",
        "Vi",
        "är:",
        "godkänns.",
        "regiondi-",
        "rektören",
        "2 (12)",
        "Kommunstyrelsen",
        "Uppdraget ska redovisas senast den 1 juni 2025.",
        "”",
        "Klar",
        "Tidsplan: 2022–2025",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES | st.text(max_size=10), max_size=60).map(" ".join))
def test_arbitrary_text_in_any_format_never_raises_and_spans_stay_in_the_text(text):
    for action in extract_actions(text):
        start, end = action.span
        assert 0 <= start <= end <= len(text)
        assert 0 < action.confidence <= 1
    for block in blocks(text):
        assert 0 <= block.start <= block.end <= len(text)
