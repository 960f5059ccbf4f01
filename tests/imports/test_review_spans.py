"""The review's plain logic: the document cut into marked and unmarked pieces, an action found
by its words when the rules gave no span, and what accept / merge / reject make of the
actions (`styr.imports.review`)."""

import pytest

from styr.imports.review import (
    ACCEPT,
    MERGE,
    REJECT,
    DecisionError,
    Segment,
    apply_decisions,
    is_uncertain,
    locate,
    segments,
    spans,
)

TEXT = "Inledning.\n\nRusta upp lekplatsen. Ansvarig är parkchefen.\n\nKontakt: växeln."


def test_each_span_is_marked_with_its_number_and_the_text_left_out_stays_unmarked():
    start = TEXT.index("Rusta")
    end = TEXT.index("parkchefen.") + len("parkchefen.")
    assert segments(TEXT, [(1, (start, end))]) == [
        Segment("Inledning.\n\n"),
        Segment("Rusta upp lekplatsen. Ansvarig är parkchefen.", 1),
        Segment("\n\nKontakt: växeln."),
    ]


def test_every_character_is_shown_once_when_spans_overlap_or_run_past_the_text():
    pieces = segments("abcdefghij", [(2, (6, 99)), (1, (2, 8)), (3, (8, 9)), (4, None)])
    assert pieces == [Segment("ab"), Segment("cdefgh", 1), Segment("ij", 2)]
    assert "".join(p.text for p in pieces) == "abcdefghij"


def test_an_action_with_no_span_is_found_by_its_words_across_line_breaks_and_markup():
    text = "Rubrik\n\n- Rusta upp\nlekplatsen vid *skolan*. Ansvarig är parkchefen.\n"
    action = {
        "title": "Rusta upp lekplatsen vid skolan",
        "text": "Rusta upp lekplatsen vid skolan. Ansvarig är parkchefen.",
    }
    start, end = locate(text, action)
    assert text[start:end] == "Rusta upp\nlekplatsen vid *skolan*. Ansvarig är parkchefen."


def test_an_action_whose_text_is_not_in_the_document_is_found_by_its_title_or_not_at_all():
    text = "| Rusta upp lekplatsen | Parkchefen | 2025 |"
    assert locate(text, {"title": "Rusta upp lekplatsen", "text": "Rusta upp lekplatsen 2025"}) == (
        2,
        22,
    )
    assert locate(text, {"title": "Bygg en simhall", "text": "Bygg en simhall."}) is None


def test_the_same_words_twice_are_found_in_document_order():
    text = "Ta fram en plan. Ansvarig är A.\n\nTa fram en plan. Ansvarig är B."
    actions = [
        {"title": "Ta fram en plan", "text": "Ta fram en plan. Ansvarig är A."},
        {"title": "Ta fram en plan", "text": "Ta fram en plan."},
    ]
    first, second = spans(text, actions)
    assert text[first[0] : first[1]] == "Ta fram en plan. Ansvarig är A."
    assert text[second[0] : second[1]] == "Ta fram en plan."
    assert second[0] == text.index("Ta fram", 1)


def test_the_rules_own_span_is_kept_when_it_lies_in_the_text():
    actions = [{"title": "x", "text": "y", "span": {"start": 3, "end": 7}}]
    assert spans("0123456789", actions) == [(3, 7)]


def test_low_confidence_is_uncertain_and_unknown_confidence_is_not_said_to_be():
    assert is_uncertain(0.3) and not is_uncertain(0.9) and not is_uncertain(None)


def action(title, text=None, responsible=(), deadline=None, status=None):
    return {
        "title": title,
        "text": text or title + ".",
        "theme": None,
        "responsible": [{"name": None, "role": r} for r in responsible],
        "supporting": [],
        "deadline": deadline,
        "status": status,
    }


DEC = {"text": "senast den 31 december 2016", "date": "2016-12-31", "precision": "day"}


def test_accepted_actions_are_kept_and_rejected_ones_left_out():
    rows = [(ACCEPT, action("Ett")), (REJECT, action("Två")), (ACCEPT, action("Tre"))]
    assert [a["title"] for a in apply_decisions(rows)] == ["Ett", "Tre"]


def test_a_merged_action_joins_the_one_before_with_its_text_people_and_missing_deadline():
    rows = [
        (ACCEPT, action("Rusta upp lekplatsen", responsible=["parkchefen"])),
        (
            MERGE,
            action(
                "Arbetet redovisas", responsible=["parkchefen", "tekniska nämnden"], deadline=DEC
            ),
        ),
        (MERGE, action("Kostnaden följs upp")),
    ]
    (joined,) = apply_decisions(rows)
    assert joined["title"] == "Rusta upp lekplatsen"
    assert joined["text"] == "Rusta upp lekplatsen. Arbetet redovisas. Kostnaden följs upp."
    assert [p["role"] for p in joined["responsible"]] == ["parkchefen", "tekniska nämnden"]
    assert joined["deadline"] == DEC


def test_a_merge_keeps_the_first_actions_own_deadline_and_status():
    mine = {"text": "under 2017", "date": "2017-12-31", "precision": "year"}
    rows = [
        (ACCEPT, action("Ett", deadline=mine, status={"text": "Pågår.", "code": "in_progress"})),
        (MERGE, action("Två", deadline=DEC, status={"text": "Klart.", "code": "done"})),
    ]
    (joined,) = apply_decisions(rows)
    assert (joined["deadline"], joined["status"]["code"]) == (mine, "in_progress")


@pytest.mark.parametrize(
    ("rows", "index", "message"),
    [
        ([(MERGE, action("Ett"))], 0, "Den första åtgärden har ingen åtgärd före sig"),
        (
            [(ACCEPT, action("Ett")), (REJECT, action("Två")), (MERGE, action("Tre"))],
            2,
            "Åtgärd 2 tas bort, så åtgärd 3 kan inte slås ihop med den.",
        ),
        ([(ACCEPT, action("Ett")), ("kanske", action("Två"))], 1, "Okänt beslut ”kanske”."),
    ],
)
def test_a_merge_with_nothing_kept_before_it_is_refused_naming_the_row(rows, index, message):
    with pytest.raises(DecisionError, match=message) as raised:
        apply_decisions(rows)
    assert raised.value.index == index
