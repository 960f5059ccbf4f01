"""The JSON contract's review fields: every action's span is a piece of the text it was read
from, or null, and its confidence lies in 0..1 (`styr.extract.document`)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.document import action_json, extract_text
from styr.extract.segment import Action

PLAN = """2016-02-01

Service

Ta fram en ny e-tjänst för bygglov. Ansvarig är administrativ direktör Mats Boman. Klart senast den 30 juni 2016. *Pågår.*

Kontakt: kommunens växel.
"""

# Text in the shape of plans: headings, list marks, labels, dates, status words, markup.
pieces = st.sampled_from(
    [
        "\n\n", "\n", " ", "# Rubrik", "- ", "1. ", "*", "|", "Ansvarig: ", "KS", "senast ",
        "den 30 juni 2016", "Q3 2024", "Pågår.", "Klar", "ska ", "ta fram en plan", ". ",
        "Kommunstyrelsen ger förvaltningen i uppdrag att ", "utreda", "Status: ", "\f",
    ]
)  # fmt: skip
plan_like = st.lists(st.one_of(pieces, st.text(max_size=12)), max_size=40).map("".join)


def test_an_actions_span_is_the_text_it_was_read_from():
    (action,) = extract_text(PLAN, "plan.txt")["actions"]
    span = action["span"]
    taken = PLAN[span["start"] : span["end"]]
    assert taken.startswith("Ta fram en ny e-tjänst för bygglov.")
    assert "Kontakt" not in taken
    assert 0 <= action["confidence"] <= 1


def test_a_span_outside_the_text_or_empty_is_null_and_confidence_is_kept_in_range():
    def json(span, confidence=0.5):
        return action_json(Action("T", "T.", None, span=span, confidence=confidence), 10)

    assert json((2, 8))["span"] == {"start": 2, "end": 8}
    assert json((5, 11))["span"] is None
    assert json((5, 5))["span"] is None
    assert json((-1, 4))["span"] is None
    assert json(None)["span"] is None
    assert (json((2, 8), 1.7)["confidence"], json((2, 8), -0.2)["confidence"]) == (1.0, 0.0)


@settings(max_examples=200, deadline=None)
@given(plan_like)
def test_any_text_gives_spans_inside_it_and_confidence_in_range(text):
    for action in extract_text(text, "x.txt")["actions"]:
        span = action["span"]
        assert span is None or 0 <= span["start"] < span["end"] <= len(text)
        assert 0 <= action["confidence"] <= 1
