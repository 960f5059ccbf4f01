"""Who acts, in three forms prose uses.

A company named by its legal form ("Vindkraft Norr AB") is a party as subject or as the one
urged or assigned; a post at its unit ("Rektor på Björkskolan") is one party as written; a
plan or intention with an adverb before its "att" ("kommer även att", "avser också att",
"planerar dessutom att") names its subject as a duty's, and "kommer inte att" names none.
"""

from styr.extract.parties import parties_of


def _names(text: str) -> list[str]:
    return [p.name or p.role for p in parties_of(text, document=text) if p.kind == "responsible"]


def test_a_company_by_its_legal_form_is_the_one_urged():
    assert _names("Fullmäktige uppmanade Vindkraft Norr AB att redovisa bullermätningarna.") == [
        "Vindkraft Norr AB"
    ]


def test_a_company_by_its_legal_form_is_a_duty_subject():
    assert _names("Hamnbolaget Sjöviken AB ska muddra farleden före sommaren.") == [
        "Hamnbolaget Sjöviken AB"
    ]


def test_a_post_at_its_unit_is_one_party_as_written():
    assert _names("Rektor på Björkskolan ges i uppdrag att se över schemat.") == [
        "Rektor på Björkskolan"
    ]


def test_a_place_after_the_object_is_no_part_of_the_subject():
    assert _names("Förvaltningen ska bygga en förskola på Norrmalm.") == ["Förvaltningen"]


def test_a_plan_with_an_adverb_before_att_names_its_subject():
    assert _names("Kulturförvaltningen kommer även att erbjuda sommarkurser.") == [
        "Kulturförvaltningen"
    ]
    assert _names("Nämnden planerar dessutom att anlägga en hundrastgård.") == ["Nämnden"]


def test_a_plan_not_to_act_names_no_one():
    assert _names("Kulturförvaltningen kommer inte att erbjuda sommarkurser.") == []
