"""Sentences in minutes, plans and guidelines that look like duties but state none.

The chair's proposition and a member's yrkande (even one wrapping "ge X i uppdrag"), a
motion's own proposals, "Motionen anses besvarad", a standing responsibility for a field or
for a rule being kept, a rule in the passive ("får hållas"), a financial target in words
("resultat i balans", "inom ram") and a goal of what a body is to be ("ska vara ett
föredöme") are no actions; a purpose clause that mentions priorities does not make its duty
one.
"""

from styr.extract.negatives import is_negative
from styr.extract.segment import extract_actions

MINUTES = """Miljönämnden
Protokoll 2025-05-14

§ 31 Åtgärder mot buller vid Storgatan

Beslut
1. Miljöförvaltningen får i uppdrag att mäta bullret längs Storgatan senast den 30 augusti 2025.
2. Motionen anses besvarad.

Yrkande
Per Ahl (KD) yrkar att nämnden ger förvaltningen i uppdrag att sätta upp bullerplank.

Beslutsgång
Ordföranden finner att nämnden bifaller förvaltningens förslag.
"""


def test_a_yrkande_under_its_heading_is_no_action_even_when_it_assigns():
    titles = [a.title for a in extract_actions(MINUTES)]
    assert len(titles) == 1
    assert titles[0].startswith("Miljöförvaltningen får i uppdrag att mäta bullret")


def test_the_chairs_proposition_and_a_motions_proposals_are_no_actions():
    assert is_negative("Ordföranden finner att styrelsen bifaller arbetsutskottets förslag.")
    assert is_negative("Ordföranden ställer proposition på förslagen.")
    assert is_negative("Motionärerna föreslår att kommunen ska bygga fler laddplatser.")
    assert is_negative("I motionen föreslås att alla skolor ska få solceller.")
    assert is_negative("Motionen anses besvarad.")


def test_a_standing_responsibility_for_a_field_or_a_rule_is_no_action():
    assert is_negative("Kulturnämnden ansvarar för bibliotek, museer och kulturskola.")
    assert is_negative("Varje rektor ansvarar för att rutinen följs på sin skola.")
    assert not is_negative("Förvaltningen ansvarar för genomförandet.")
    assert not is_negative("Förvaltningen ansvarar för att ta fram en plan senast i juni.")


def test_a_rule_in_the_passive_is_no_action_but_an_assignment_is():
    assert is_negative("Tjänstebilar får användas endast för resor i tjänsten.")
    assert is_negative("Gåvor får inte tas emot av anställda.")
    assert not is_negative("Förvaltningen får i uppdrag att ta fram en plan.")
    assert not is_negative("Nämnden får statsbidrag för arbetet.")


def test_financial_targets_in_words_are_no_actions():
    assert is_negative("Nämnden ska redovisa ett resultat i balans.")
    assert is_negative("Förvaltningen ska hålla sig inom tilldelad ram.")


def test_a_goal_of_what_a_body_is_to_be_is_no_action():
    assert is_negative("Regionen ska vara en attraktiv arbetsgivare.")
    assert not is_negative("Rutinen ska vara en del av introduktionen från hösten.")


def test_a_purpose_clause_naming_priorities_leaves_the_duty_an_action():
    text = (
        "Planerade insatser\n\n"
        "Fritidsförvaltningen och skolan ska gemensamt se över tiderna i idrottshallen så att "
        "elevernas behov prioriteras.\n"
    )
    assert len(extract_actions(text)) == 1
    assert is_negative("Trygghetsarbetet har prioriterats under året.")


def test_a_guideline_of_rules_gives_no_actions():
    text = (
        "Riktlinje för tjänsteresor\n\n"
        "3 Resor\n"
        "Resor ska i första hand göras med tåg. Flyg får väljas endast när restiden med tåg "
        "överstiger fem timmar. Varje chef ansvarar för att riktlinjen följs inom sitt område.\n"
    )
    assert extract_actions(text) == []
