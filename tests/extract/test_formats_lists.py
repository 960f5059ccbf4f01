"""Lists read by their lead-in: tasks, the content of one task, or no actions at all.

Texts written for these tests in the shapes of pledge lists, committee directives, decision
lists, numbered plans and motions.
"""

from styr.extract.segment import extract_actions

PLEDGES = """Klimatlöften för Storåns kommun

Kommunstyrelsen beslutade i mars att anta sex klimatlöften. Här är de löften som kommunen har antagit inför 2025-2027:

 • Vi inför cykelpool för kommunens anställda
 • Vi ställer klimatkrav vid upphandling av livsmedel
 • Vi installerar solceller på alla nya kommunala byggnader

Lanseringen skedde vid ett seminarium i kommunhuset.
"""

DIRECTIVE = """Sammanfattning
En särskild utredare ges i uppdrag att se över reglerna för kommunal
avfallshantering och lämna förslag på förenklingar för hushållen.
Utredaren ska bland annat
• kartlägga hur kommunerna i dag tar ut avgifter för hämtning av
grovavfall,
• analysera om insamlingen kan samordnas mellan grannkommuner, och
• lämna nödvändiga författningsförslag.
Uppdraget omfattar inte frågor om producentansvar.
Uppdraget ska redovisas senast den 30 november 2026.
"""

CONTENT = """Uppdrag om konsekvensanalyser

Kommunfullmäktige gav den 3 februari 2025 nämnderna i uppdrag att analysera effekterna av en sänkt ram. Det som ska analyseras är:

  • att ramarna sänks med två procent
  • att ingen kompensation ges för löneökningar

Analyserna ska senast den 20 mars lämnas till kommunstyrelsen.
"""

STEPS = """Så inför vi e-arkivet

Införandet sker i tre steg.

1. Förstudie januari-mars 2026

2. Upphandling april-augusti 2026

3. Driftsättning hösten 2026

Förstudie (januari-mars 2026)

Arkivmyndigheten kartlägger vilka system som ska leverera till e-arkivet.

Upphandling (april-augusti 2026)

Upphandlingsenheten kommer att stödja med mallar.
"""

DECIDED = """Kommunfullmäktige beslutar att

1. Godkänna årsredovisningen för 2025.
2. Ge tekniska nämnden i uppdrag att utreda en ny återvinningscentral.
3. Avsätta 12 miljoner kronor till resultatutjämningsreserven.
"""

MOTION = """Motion om fler parkbänkar

Ledamoten Eva Ström (M) har lämnat en motion med följande förslag:

- Att kommunen sätter ut fler bänkar längs promenadstråken.
- Att bänkarna får armstöd.

Motionen har remitterats till tekniska nämnden.
"""

FOCUS = """Inriktning 2026

Arbetet har följande fokusområden:

1. Trygghet i offentliga miljöer
2. Digital service för invånarna
3. En attraktiv arbetsgivare
"""


def test_a_pledge_list_gives_one_action_per_bullet_with_the_lead_in_period():
    found = extract_actions(PLEDGES)
    assert [a.title for a in found] == [
        "Vi inför cykelpool för kommunens anställda",
        "Vi ställer klimatkrav vid upphandling av livsmedel",
        "Vi installerar solceller på alla nya kommunala byggnader",
    ]
    assert all(a.deadline and a.deadline.date.isoformat() == "2027-12-31" for a in found)
    assert all(a.confidence >= 0.8 for a in found)


def test_a_directive_gives_its_assignment_and_one_action_per_task_all_due_at_the_report():
    found = extract_actions(DIRECTIVE)
    assert [a.text.rstrip(".").split(",")[0] for a in found] == [
        "En särskild utredare ges i uppdrag att se över reglerna för kommunal avfallshantering "
        "och lämna förslag på förenklingar för hushållen",
        "kartlägga hur kommunerna i dag tar ut avgifter för hämtning av grovavfall",
        "analysera om insamlingen kan samordnas mellan grannkommuner",
        "lämna nödvändiga författningsförslag",
    ]
    assert {a.deadline.date.isoformat() for a in found if a.deadline} == {"2026-11-30"}
    assert all(a.deadline for a in found)


def test_bullets_that_spell_out_one_assignment_belong_to_it():
    (action,) = extract_actions(CONTENT)
    assert action.title.startswith("Kommunfullmäktige gav den 3 februari 2025 nämnderna i uppdrag")
    assert "att ingen kompensation ges för löneökningar" in action.text
    assert action.deadline is not None and action.deadline.date.isoformat() == "2025-03-20"


def test_a_numbered_overview_repeated_as_sections_is_one_action_per_step():
    found = extract_actions(STEPS)
    assert [a.title for a in found] == [
        "Förstudie januari-mars 2026",
        "Upphandling april-augusti 2026",
        "Driftsättning hösten 2026",
    ]
    assert [a.deadline.date.isoformat() for a in found] == [
        "2026-03-31",
        "2026-08-31",
        "2026-12-31",
    ]


def test_an_att_clause_list_keeps_the_assignment_and_drops_approvals_and_money():
    (action,) = extract_actions(DECIDED)
    assert action.title == "Ge tekniska nämnden i uppdrag att utreda en ny återvinningscentral"


def test_a_motions_att_clauses_are_no_actions():
    assert extract_actions(MOTION) == []


def test_a_list_of_focus_areas_is_no_actions():
    assert extract_actions(FOCUS) == []


ATT_CLAUSES = """Kommunstyrelsens beslut

Kommunstyrelsen beslutar
att ge socialnämnden i uppdrag att ta fram en handlingsplan mot hemlöshet senast den 1 oktober 2025,
att uppmana samtliga nämnder att redovisa sina lokalbehov till kommunstyrelsen,
att godkänna redovisningen av uppdraget om lokalförsörjning.
"""

SLIDE = """Aktiviteter 2025
Digital kompetens för alla medarbetare
Ny plattform för intranätet
Utökad e-tjänst för bygglov
"""


def test_att_clauses_on_lines_of_their_own_give_one_action_per_assignment():
    homeless, premises = extract_actions(ATT_CLAUSES)
    assert homeless.title.startswith("ge socialnämnden i uppdrag att ta fram en handlingsplan")
    assert homeless.deadline is not None and homeless.deadline.date.isoformat() == "2025-10-01"
    assert premises.title.startswith("uppmana samtliga nämnder att redovisa")


def test_a_slide_without_separators_gives_one_action_per_line_under_its_lead():
    found = extract_actions(SLIDE)
    assert [a.title for a in found] == [
        "Digital kompetens för alla medarbetare",
        "Ny plattform för intranätet",
        "Utökad e-tjänst för bygglov",
    ]


FLATTENED = (
    "Kommunens klimatlöften Löftena som kommunen har antagit är: • Vi mäter matsvinnet i "
    "skolorna • Vi byter till förnybar el i alla lokaler • Vi erbjuder cykelpool till "
    "anställda Lanseringen skedde i december.\n"
)


def test_a_list_flattened_onto_one_line_is_split_at_its_bullets():
    found = extract_actions(FLATTENED)
    assert [a.title for a in found][:2] == [
        "Vi mäter matsvinnet i skolorna",
        "Vi byter till förnybar el i alla lokaler",
    ]
    assert found[2].title.startswith("Vi erbjuder cykelpool till anställda")
    assert len(found) == 3


PERIOD_ABOVE = """Förslag till klimatlöften

Kommunerna i länet kan nu anta nya löften med genomförande under 2025-2027. Utskottet har valt ut tre.

De löften som föreslås är;

4. Vi mäter utsläppen från kommunens resor.
9. Vi ställer krav på fossilfria transporter i upphandlingar.
"""


def test_a_period_of_implementation_stated_above_a_list_times_its_items():
    found = extract_actions(PERIOD_ABOVE)
    assert [a.title for a in found] == [
        "Vi mäter utsläppen från kommunens resor",
        "Vi ställer krav på fossilfria transporter i upphandlingar",
    ]
    assert [a.deadline.date.isoformat() for a in found] == ["2027-12-31"] * 2


CAPTIONS = """Åtgärdsplan efter medarbetarenkäten

1.1 Tydligare introduktion
Alla enheter ska använda den gemensamma introduktionsmallen från och med 1 mars 2026. Ansvar: HR-avdelningen.

1.2 Bättre kommunikation
Chefer ska hålla arbetsplatsträffar varje månad.
"""


def test_a_numbered_caption_over_its_paragraph_titles_one_action():
    intro, meetings = extract_actions(CAPTIONS)
    assert (intro.title, meetings.title) == ("Tydligare introduktion", "Bättre kommunikation")
    assert intro.text.endswith("Ansvar: HR-avdelningen.")
    assert CAPTIONS[intro.span[0] :].startswith("1.1 Tydligare introduktion")
    assert [p.role for p in intro.responsible] == ["HR-avdelningen"]
    assert "varje månad" in meetings.text


BUDGET = """Mål och budget 2025 – Barn- och utbildningsnämnden

Ekonomisk ram
Nämndens ram för 2025 ska uppgå till 812 miljoner kronor.

Uppdrag till nämnden
Barn- och utbildningsnämnden får i uppdrag att:
- utreda behovet av en ny grundskola i Västra Ås,
- ta fram en plan för att minska sjukfrånvaron bland personalen.

Prioriteringar
Nämnden ska prioritera tidiga insatser och trygghet i skolan.
"""


def test_a_budgets_assignments_are_actions_and_its_frame_and_priorities_are_not():
    found = extract_actions(BUDGET)
    assert [a.title for a in found] == [
        "utreda behovet av en ny grundskola i Västra Ås",
        "ta fram en plan för att minska sjukfrånvaron bland personalen",
    ]


NEXT_STEPS_SLIDE = """Trafikstrategi 2026

Nästa steg
Trafikenheten tar fram en parkeringsplan senast maj 2026
Gatuenheten bygger om busshållplatsen vid torget under hösten 2026
Kommunikatören informerar de boende om ändringarna
"""


def test_a_slide_under_next_steps_gives_one_action_per_line():
    found = extract_actions(NEXT_STEPS_SLIDE)
    assert [a.title.split(" senast")[0].split(" under")[0] for a in found] == [
        "Trafikenheten tar fram en parkeringsplan",
        "Gatuenheten bygger om busshållplatsen vid torget",
        "Kommunikatören informerar de boende om ändringarna",
    ]
    assert found[0].deadline is not None and found[0].deadline.date.isoformat() == "2026-05-31"


COLON_LEAD_SLIDE = """Dagvattenplan – åtgärder

Åtgärder framåt:
Kartlägga instängda områden i Norrstrand 2026
Anlägga en översvämningsyta vid Ågatan 2027
Informera fastighetsägare om bakvattenventiler 2026
"""


def test_a_slide_whose_lead_ends_with_a_colon_gives_one_action_per_line():
    found = extract_actions(COLON_LEAD_SLIDE)
    assert [a.title.rsplit(" ", 1)[0] for a in found] == [
        "Kartlägga instängda områden i Norrstrand",
        "Anlägga en översvämningsyta vid Ågatan",
        "Informera fastighetsägare om bakvattenventiler",
    ]
    assert [a.deadline.date.year for a in found if a.deadline] == [2026, 2027, 2026]
