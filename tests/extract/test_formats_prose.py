"""Decisions, minutes, news and narrative plans: actions inside sentences.

Texts written for these tests in the shapes of news pages reporting decisions in the past
tense, budget news with targets, decision memos, narrative plans and committee minutes.
"""

from styr.extract.segment import extract_actions

NEWS = """Nya uppdrag efter budgetbeslutet

Vid kommunfullmäktiges sammanträde den 12 mars 2024 fick socialnämnden i uppdrag att ta fram en plan för fler trygghetsboenden. Nämnden fick också i uppdrag att se över avgifterna för hemtjänsten.

Kommunfullmäktige beslutade samtidigt att nämnderna ska lämna ett överskott på 8 miljoner kronor under 2024. Beslut om budgeten för 2025 är planerat till fullmäktiges sammanträde i november.

– Vi har stora utmaningar, men vi kommer att klara dem tillsammans, säger kommunstyrelsens ordförande Lars Berg (S).

Planen för trygghetsboenden ska vara inlämnad till kommunstyrelsen senast den 30 september 2024.
"""

NARRATIVE = """Verksamhetsplan 2021

Under 2021 kommer förvaltningen att införa en ny modell för lokalplanering. Modellen syftar till att lokalerna ska användas bättre. Kommunen ska vara en attraktiv plats att bo på.

Kulturskolan ska utreda möjligheten till undervisning i fler orter senast i juni 2021.
"""

MEMO = """Förslag till beslut

Kommunstyrelsen godkänner redovisningen och lägger den till handlingarna.

Ärendet

Kommunstyrelsen gav i december 2023 stadsdirektören i uppdrag att ta fram riktlinjer för
representation. Riktlinjerna ska revideras varje ny mandatperiod. Utredaren får även föreslå
andra förändringar. Stadsjuristen ansvarar för att riktlinjerna följs.

Protokollsutdrag skickas till
Kommunledningskontoret
"""

MINUTES = """§ 42 Lekplatsprogram

Dnr 2024/TN 0112

Tekniska nämndens förslag till beslut
1. Lekplatsprogrammet godkänns.
2. Förvaltningen får i uppdrag att tillsammans med fritidsenheten ta fram en tidplan för upprustningen.

Beskrivning av ärendet
Programmet har tagits fram i dialog med barn i tre skolor.
"""


def test_news_in_the_past_tense_gives_one_action_per_assignment():
    plan, fees = extract_actions(NEWS)
    assert plan.title.startswith("Vid kommunfullmäktiges sammanträde den 12 mars 2024 fick")
    assert fees.title == "Nämnden fick också i uppdrag att se över avgifterna för hemtjänsten"
    # the later sentence sets the time for the plan, not for the fees
    assert plan.deadline is not None and plan.deadline.date.isoformat() == "2024-09-30"
    assert fees.deadline is None


def test_financial_targets_scheduled_decisions_and_quotes_are_no_actions():
    texts = " ".join(a.text for a in extract_actions(NEWS))
    assert "överskott" not in texts
    assert "planerat" not in texts
    assert "säger" not in texts


def test_a_narrative_plan_gives_the_sentences_that_commit_to_work():
    model, school = extract_actions(NARRATIVE)
    assert model.title == (
        "Under 2021 kommer förvaltningen att införa en ny modell för lokalplanering"
    )
    assert model.deadline is not None and model.deadline.date.isoformat() == "2021-12-31"
    assert school.title.startswith("Kulturskolan ska utreda möjligheten")
    assert model.confidence < 0.8  # a sentence inside narrative prose


def test_a_decision_memo_gives_the_assignment_and_the_recurring_duty_only():
    found = extract_actions(MEMO)
    assert [a.title for a in found] == [
        "Kommunstyrelsen gav i december 2023 stadsdirektören i uppdrag att ta fram riktlinjer "
        "för representation",
        "Riktlinjerna ska revideras varje ny mandatperiod",
    ]


def test_a_proposal_put_to_a_meeting_gives_its_assignment_not_its_approval():
    (action,) = extract_actions(MINUTES)
    assert action.title.startswith("Förvaltningen får i uppdrag att tillsammans med fritidsenheten")


DESCRIBED = """Inledning

Planen beskriver hur kommunen ska arbeta med trygghet. Den innehåller åtgärder som ska genomföras under 2025.

Uppdrag om fritidsgård

Kommunstyrelsen gav fritidsförvaltningen i uppdrag att utreda en fritidsgård i Norrby. Utredningen ska redovisas senast i december 2024.
"""


def test_modals_in_relative_and_question_clauses_are_no_actions_and_a_report_date_completes():
    (action,) = extract_actions(DESCRIBED)
    assert action.title.startswith("Kommunstyrelsen gav fritidsförvaltningen i uppdrag")
    assert action.deadline is not None and action.deadline.date.isoformat() == "2024-12-31"


INJUNCTION = """Myndighetens beslut

Myndigheten förelägger kommunen att senast den 15 mars 2025 vidta åtgärder för att avhjälpa bristerna i elevhälsan. De vidtagna åtgärderna ska senast samma dag skriftligen redovisas för myndigheten.
"""


def test_an_injunction_and_its_report_the_same_day_are_two_actions_with_one_date():
    remedy, report = extract_actions(INJUNCTION)
    assert remedy.title.startswith("Myndigheten förelägger kommunen att senast den 15 mars 2025")
    assert report.title.startswith("De vidtagna åtgärderna ska senast samma dag")
    assert remedy.deadline.date.isoformat() == report.deadline.date.isoformat() == "2025-03-15"


DECIDED = """Kommunfullmäktige i korthet

Kommunfullmäktige beslutade på måndagen att bygga en ny förskola i Åsen. Fullmäktige beslutade också att anta en ny avfallsplan och att godkänna årsredovisningen.
"""


def test_news_of_a_decision_to_do_something_is_an_action_but_adopting_a_plan_is_not():
    (school,) = extract_actions(DECIDED)
    assert school.title == "Kommunfullmäktige beslutade på måndagen att bygga en ny förskola i Åsen"


FOLLOW_UP_DECISION = """Beslut efter uppföljning

Myndigheten beslutade den 3 maj 2023 att förelägga kommunen att senast den 1 december 2023 vidta åtgärder för att avhjälpa bristerna i elevhälsan. Myndigheten förelägger nu kommunen att senast den 1 juni 2024 vidta åtgärder för att avhjälpa bristerna i elevhälsan.
"""


def test_an_earlier_order_superseded_by_a_later_one_in_the_same_paragraph_is_history():
    (order,) = extract_actions(FOLLOW_UP_DECISION)
    assert order.title.startswith("Myndigheten förelägger nu kommunen")
    assert order.deadline is not None and order.deadline.date.isoformat() == "2024-06-01"


FRONTED_PURPOSE = """Verksamhetsplan 2026 – Kultur- och fritidsnämnden

Besöken på biblioteken minskade under 2025. För att nå fler unga ska Bibliotekschefen under hösten 2026 starta läxhjälp i tre stadsdelar. För att öka tryggheten ska fritidsgårdarna senast i juni 2026 ha vuxna värdar varje kväll. Fritidsavdelningen planerar också att utreda en ny skatepark under 2026.

För att målen ska nås under 2026 behövs fler ideella ledare.
"""


def test_a_duty_after_a_purpose_clause_that_opens_the_sentence_is_an_action():
    homework, hosts, skatepark = extract_actions(FRONTED_PURPOSE)
    assert homework.title.startswith("För att nå fler unga ska Bibliotekschefen")
    assert homework.deadline is not None and homework.deadline.date.isoformat() == "2026-12-31"
    assert hosts.title.startswith("För att öka tryggheten ska fritidsgårdarna")
    assert skatepark.title.startswith("Fritidsavdelningen planerar också att utreda")


def test_a_modal_inside_a_purpose_clause_is_still_no_action():
    titles = [a.title for a in extract_actions(FRONTED_PURPOSE)]
    assert not any(t.startswith("För att målen ska nås") for t in titles)


DELIVERED_BY_ITS_NOUN = """Ärendet

Tekniska nämnden fick i mars 2025 i uppdrag att inventera gatubelysningen, och inventeringen redovisades i oktober 2025. Nämnden får nu i uppdrag att byta armaturerna senast i december 2026.
"""


def test_an_earlier_assignment_whose_result_the_same_sentence_says_was_delivered_is_history():
    (found,) = extract_actions(DELIVERED_BY_ITS_NOUN)
    assert found.title.startswith("Nämnden får nu i uppdrag att byta armaturerna")


INTENT_AND_WORK_UNDER_WAY = """Kultur- och fritidsnämnden – budget 2027

Nämnden avser att under 2027 införa ett nytt bokningssystem för idrottshallar. Ett arbete pågår också med att ta fram en biblioteksplan, som ska vara klar under första halvåret 2027.
"""


def test_an_intention_with_a_date_and_work_said_to_be_under_way_are_actions():
    booking, library = extract_actions(INTENT_AND_WORK_UNDER_WAY)
    assert booking.title.startswith("Nämnden avser att under 2027 införa")
    assert booking.deadline is not None and booking.deadline.date.isoformat() == "2027-12-31"
    assert library.title.startswith("Ett arbete pågår också med att ta fram en biblioteksplan")
    assert library.status_code == "in_progress"
    assert library.deadline is not None and library.deadline.date.isoformat() == "2027-06-30"


DURING_THE_YEAR = """Verksamhetsplan för kultur och fritid
Beslutad av nämnden 2026-02-12

Under året ska kulturskolan starta undervisning i två nya orter. Besöken i simhallen ökade med 8 procent under 2025.
"""


def test_a_duty_during_the_year_of_a_dated_document_is_an_action_by_its_end():
    (school,) = extract_actions(DURING_THE_YEAR)
    assert school.title.startswith("Under året ska kulturskolan starta undervisning")
    assert school.deadline is not None and school.deadline.date.isoformat() == "2026-12-31"
