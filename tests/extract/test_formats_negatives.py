"""Documents without actions: agendas, tables of contents and pure news give nothing."""

from styr.extract.segment import extract_actions

AGENDA = """KUNGÖRELSE

Kommunfullmäktige sammanträder i stadshuset torsdagen den 14 mars 2024 kl 18.30.

Ärenden
1. Val av justerare.
2. Information om kommunens bostadsbolag.
3. Redovisning av uppdrag om översyn av skolskjutsar (sid 4).
4. Antagande av detaljplan för Norra hamnen (sid 12).
5. Besvarande av motion om solceller på skolor (sid 30).
"""

AGENDA_FLAT = (
    "Kallelse Kommunfullmäktige 2024-03-14 Ärenden 1. Val av justerare. 2. Information om "
    "kommunens bostadsbolag. 3. Redovisning av uppdrag från fullmäktige om översyn av "
    "skolskjutsar (sid 4). 4. Antagande av detaljplan för Norra hamnen (sid 12).\n"
)

CONTENTS = """Projektplan för bredbandsutbyggnad

Innehållsförteckning
1 SAMMANFATTNING........................................ 2
2 TIDPLAN................................................ 3
3 AKTIVITETER........................................... 5
4 BUDGET................................................. 8
"""

NEWS = """Kommunfullmäktige i korthet

Kommunfullmäktige godkände årsredovisningen för 2023. Fullmäktige beslutade också att anta en ny kulturpolitisk strategi och fastställde taxan för bygglov.

Det finansiella målet att resultatet ska uppgå till två procent av skatteintäkterna nåddes.

Socialnämnden och utbildningsnämnden ansvarar för att verksamheten bedrivs enligt gällande mål.

Sverigedemokraterna yrkade återremiss för att utreda kostnaderna ytterligare.
"""


def test_an_agenda_gives_no_actions():
    assert extract_actions(AGENDA) == []


def test_an_agenda_flattened_to_one_paragraph_gives_no_actions():
    assert extract_actions(AGENDA_FLAT) == []


def test_a_table_of_contents_gives_no_actions():
    assert extract_actions(CONTENTS) == []


def test_news_of_approvals_targets_and_standing_duties_gives_no_actions():
    assert extract_actions(NEWS) == []


def test_an_earlier_assignment_told_as_delivered_is_history_not_an_action():
    text = (
        "Mål och budget 2026\n\n"
        "Kulturförvaltningen fick redan 2024 i uppdrag att ta fram en biblioteksplan, som "
        "antogs av fullmäktige i våras. Under 2026 kommer förvaltningen att öppna ett "
        "meröppet bibliotek i Västra byn.\n"
    )
    (library,) = extract_actions(text)
    assert library.title.startswith("Under 2026 kommer förvaltningen att öppna")


TARGETS = """Klimatplan 2025–2030

Målsättningar för transporter
- Kommunens fordon ska vara fossilfria 2028.
- Andelen resor med kollektivtrafik ska fördubblas till 2030.

Mål
- Utsläppen från tjänsteresor ska minska med 50 procent till 2030.
"""


def test_goals_and_measurable_targets_are_no_actions():
    assert extract_actions(TARGETS) == []
