"""Who must act, read from the clause itself: assignments, duties, subjects, passive agents,
the deciding body versus the one that must act (the context is in test_responsibility_context).
Texts written for the tests in the shapes Swedish decisions, follow-ups and plans use."""

import pytest

from styr.extract.responsibility import RESPONSIBLE, SUPPORTING, Party, find_parties

R, S = RESPONSIBLE, SUPPORTING


def responsible(text, **context):
    return [p.role or p.name for p in find_parties(text, **context) if p.kind == R]


# --- the deciding body and the body that must act ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kommunstyrelsen ger stadsbyggnadsnämnden i uppdrag att ta fram en parkeringsnorm.",
         ["stadsbyggnadsnämnden"]),
        ("Kommunfullmäktige beslutar att ge kultur- och fritidsnämnden och de övriga nämnderna i "
         "uppdrag att redovisa sina lokalbehov.",
         ["kultur- och fritidsnämnden", "de övriga nämnderna"]),
        ("Regionstyrelsen uppdrar åt regiondirektören att utreda en samlad sjukresecentral.",
         ["regiondirektören"]),
        ("Kommunstyrelsen beslutar att tekniska nämnden ska se över gatubelysningen.",
         ["tekniska nämnden"]),
        ("Kommunfullmäktige uppmanar samtliga nämnder att minska sin energianvändning.",
         ["samtliga nämnder"]),
        ("I budgeten för 2025 har fullmäktige gett socialnämnden i uppdrag att öppna ett "
         "nytt korttidsboende.", ["socialnämnden"]),
        ("Inspektionen förelägger med stöd av 26 kap. skollagen Ekby kommun att senast den 1 mars "
         "vidta åtgärder.", ["Ekby kommun"]),
    ],
)  # fmt: skip
def test_the_deciding_body_is_not_responsible_for_what_it_assigns(text, expected):
    assert responsible(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Miljöförvaltningen får i uppdrag att kartlägga förorenad mark.", ["Miljöförvaltningen"]),
        ("En särskild utredare ges i uppdrag att se över tillsynen av apotek.",
         ["En särskild utredare"]),
        ("Nämnder och bolag får ett fortsatt uppdrag att sänka sina kostnader.",
         ["Nämnder och bolag"]),
        ("Vid sammanträdet i mars fick kommunens nämnder i uppdrag att ta fram besparingar.",
         ["kommunens nämnder"]),
        ("Nämnderna har i uppdrag att lämna förslag till investeringsbudget.", ["Nämnderna"]),
    ],
)  # fmt: skip
def test_the_one_given_an_assignment_is_responsible(text, expected):
    assert responsible(text) == expected


def test_the_commissioner_is_not_responsible():
    assert responsible(
        "Fritidskontoret har av kommunstyrelsen fått i uppdrag att ta fram en idrottsplan."
    ) == ["Fritidskontoret"]
    assert responsible(
        "På uppdrag av kommunstyrelsen tas en ny översiktsplan fram av stadsbyggnadskontoret."
    ) == ["stadsbyggnadskontoret"]


def test_recipients_are_not_responsible_and_supporting_parties_support():
    assert find_parties(
        "Barn- och utbildningsförvaltningen ska tillsammans med kulturförvaltningen ta fram en "
        "läsplan som redovisas till kommunstyrelsen."
    ) == [
        Party(None, "Barn- och utbildningsförvaltningen", R),
        Party(None, "kulturförvaltningen", S),
    ]
    assert find_parties(
        "Fastighetsavdelningen ska i samverkan med socialförvaltningen inventera lokalerna."
    ) == [Party(None, "Fastighetsavdelningen", R), Party(None, "socialförvaltningen", S)]


def test_quoted_politicians_are_not_responsible():
    text = (
        "Nämnderna ska minska sina kostnader med två procent.\n"
        "– Kommunstyrelsen kommer att följa arbetet noga, säger Per Lind (M), "
        "kommunstyrelsens ordförande."
    )
    assert responsible(text) == ["Nämnderna"]


# --- subjects -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under 2026 kommer förvaltningen att införa digitala bygglov.", ["förvaltningen"]),
        ("Därför ska nämnderna se över sina avgifter.", ["nämnderna"]),
        ("Gatukontoret ska byta ut all belysning till LED före 2027.", ["Gatukontoret"]),
        ("Havs- och fiskeverket ska fortsätta att utveckla sin vägledning.",
         ["Havs- och fiskeverket"]),
        ("Region Västerby ska erbjuda alla 50-åringar hälsosamtal.", ["Region Västerby"]),
        ("Vårdförvaltningen åtar sig att korta väntetiderna.", ["Vårdförvaltningen"]),
    ],
)  # fmt: skip
def test_the_subject_of_a_duty_is_responsible(text, expected):
    assert responsible(text) == expected


def test_a_body_that_does_the_work_in_the_present_tense_is_responsible():
    assert responsible("Ekby kommun inventerar alla lekplatser under året.") == ["Ekby kommun"]
    assert responsible(
        "Webbplatsägare eller -redaktörer granskar sina sidor två gånger per år."
    ) == ["Webbplatsägare eller -redaktörer"]


def test_the_agent_of_a_passive_clause_does_the_work():
    assert responsible("Planen tas fram av miljöförvaltningen under hösten.") == [
        "miljöförvaltningen"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kommunstyrelsen beslutar att godkänna redovisningen.",
        "Nämnden godkänner delårsrapporten.",
        "Planen beslutas av kommunfullmäktige i juni.",
        "För att samla stödet kommer planeringsenheten att byta namn till strategienheten.",
        "Arbetet ska vara klart i december.",
        "Nämnden ska ta ställning till förslaget i juni.",
        "Kommunfullmäktige ska besluta om planen i november.",
        "Det ska finnas en plan för varje skola.",
        "Förslaget skickas till kommunstyrelsen för beslut.",
    ],
)
def test_deciding_noting_and_changes_that_happen_by_themselves_name_no_one(text):
    assert responsible(text) == []


# --- phrases as written ---------------------------------------------------------------------------


def test_coordinated_bodies_are_separate_and_a_pair_of_bare_plurals_is_one_group():
    assert responsible(
        "Kommunfullmäktige gav kommunstyrelsen och de andra nämnderna i uppdrag att spara."
    ) == ["kommunstyrelsen", "de andra nämnderna"]
    assert responsible("Nämnder och styrelser ska hålla sina ramar.") == ["Nämnder och styrelser"]


def test_a_numbered_assignment_reads_its_subject_after_the_number():
    assert responsible(
        "Uppdrag 1.2 Kultur- och fritidsnämnden får i uppdrag att se över taxorna."
    ) == ["Kultur- och fritidsnämnden"]
    assert responsible("1:3 Socialnämnden ska ta fram en plan mot hemlöshet.") == ["Socialnämnden"]


def test_a_deciding_body_that_assigns_itself_is_responsible():
    assert responsible(
        "Kommunstyrelsen beslutar att införa heltid som norm i förvaltningarna."
    ) == ["Kommunstyrelsen"]
    assert responsible("Kommunstyrelsen beslutar att anta planen.") == []


def test_a_body_that_has_done_the_work_is_responsible():
    assert responsible(
        "Tekniska förvaltningen har under året bytt ut belysningen i tre skolor."
    ) == ["Tekniska förvaltningen"]
    assert responsible("Kommunstyrelsen har beslutat att planen ska antas.") == []


def test_a_subject_before_the_modal_is_no_inversion():
    assert responsible("Nämnden ska redovisa utredningen senast i december.") == ["Nämnden"]


def test_adverbs_between_the_verb_and_the_assignment():
    assert responsible("Fritidsnämnden fick samtidigt i uppdrag att se över bidragen.") == [
        "Fritidsnämnden"
    ]
    assert responsible(
        "Fullmäktige gav i juni 2023 kommunstyrelsen i uppdrag att ta fram en plan."
    ) == ["kommunstyrelsen"]


def test_a_person_as_the_subject_keeps_name_and_title():
    assert find_parties("Ekonomichef Per Ek får i uppdrag att se över budgeten.") == [
        Party("Per Ek", "ekonomichef", R)
    ]
    assert find_parties("Anna Berg ska sammanställa synpunkterna.") == [Party("Anna Berg", None, R)]


def test_the_one_an_assignment_goes_to():
    assert responsible("Uppdraget ges till kultur- och fritidsförvaltningen.") == [
        "kultur- och fritidsförvaltningen"
    ]


def test_the_subject_of_a_passive_duty_and_a_target_group_are_not_responsible():
    assert responsible("Tekniska nämnden ska informeras om utfallet.") == []
    assert responsible("Målgruppen ska nås genom riktade insatser.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Förvaltningen återkommer med en redovisning till nämnden i maj.", ["Förvaltningen"]),
        ("Genomförs av fastighetsavdelningen under hösten.", ["fastighetsavdelningen"]),
        ("Åtgärden genomförs av Trafikverket i samverkan med kommunen.", ["Trafikverket"]),
        ("Klart: 2024-06-30 . Ansvarig: HR-chef . Status: Klar", ["HR-chef"]),
        ("Regionstyrelsen ska tillsammans med kommunerna ta fram en gemensam plan.",
         ["Regionstyrelsen"]),
        ("Kommunstyrelsen föreslår kommunfullmäktige besluta att ge miljönämnden i uppdrag att "
         "ta fram en naturvårdsplan.", ["miljönämnden"]),
        ("Beslutet ska verkställas av samhällsbyggnadsförvaltningen.",
         ["samhällsbyggnadsförvaltningen"]),
        ("Förslag till beslut: Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en "
         "IT-strategi.", ["kommundirektören"]),
        ("Huvudmannen ska se till att eleverna får stöd.", ["Huvudmannen"]),
        ("Kommunerna ska senast 2027 ha tagit fram vattenförsörjningsplaner.", ["Kommunerna"]),
        ("Enligt kommunens plan ska socialtjänsten införa digitala besök.", ["socialtjänsten"]),
        ("Klimatstrategen samordnar arbetet med klimatlöftena.", ["Klimatstrategen"]),
    ],
)  # fmt: skip
def test_who_must_act_in_the_forms_plans_and_decisions_use(text, expected):
    assert responsible(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kommunens budget ska vara i balans 2025.",
        "Skolans lokaler ska renoveras under 2024.",
        "Planen antogs av kommunfullmäktige den 12 juni.",
        "Protokollsutdrag skickas till kommunstyrelsen och revisionen.",
        "Föreningarna kan ansöka om bidrag hos kultur- och fritidsnämnden.",
        "Den nya skolan invigdes av kommunstyrelsens ordförande.",
        "Föredragande: Anna Svensson, ekonomichef",
        "Utredaren får även föreslå andra åtgärder.",
        "Beslut om budget fattas av kommunfullmäktige i november.",
        "Nämnden har som ambition att minska kostnaderna.",
        "– Vi ska bygga fler bostäder, säger Anna Ek (S), kommunstyrelsens ordförande.",
        "Uppdraget redovisas till kommunstyrelsen senast 2024-12-31.",
    ],
)
def test_sentences_that_name_no_one_who_must_act(text):
    assert responsible(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Utförare: Tekniska förvaltningen", ["Tekniska förvaltningen"]),
        ("Vem: Kommunstyrelsen. När: 2024", ["Kommunstyrelsen"]),
        ("Genomförs av: Kostenheten", ["Kostenheten"]),
        ("Uppdragstagare: Region Västerby", ["Region Västerby"]),
        ("Vem gör vad: se bilaga", []),
    ],
)
def test_labels_that_name_who_does_the_work(text, expected):
    assert responsible(text) == expected


def test_a_party_that_shall_support_is_not_the_one_to_act():
    assert responsible(
        "Socialnämnden ska ta fram en plan mot hemlöshet. Fastighetsbolaget ska bistå med lokaler."
    ) == ["Socialnämnden"]


def test_a_person_after_an_inverted_duty_or_as_a_passives_agent():
    assert find_parties("Under 2025 kommer Anna Berg att leda arbetet.") == [
        Party("Anna Berg", None, R)
    ]
    assert find_parties("Planen tas fram av Anna Berg, miljöstrateg.") == [
        Party("Anna Berg", "miljöstrateg", R)
    ]


# --- speed --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nämnden ska " * 9000,
        "har " * 20000 + "i uppdrag",
        "Kommunstyrelsen ger " * 9000 + "nämnden i uppdrag att",
        "beslutar att " * 9000 + "införa",
        "(KS) " * 20000,
        "Ansvar: " + "a, " * 30000,
        ", ".join(["Kommunstyrelsen"] * 9000) + " ska göra",
        "uppmanar " * 9000 + "dessa att",
        "Vi " * 30000,
        "tas fram av " * 9000,
        "– " * 20000 + "säger",
    ],
    ids=lambda text: repr(text[:20]),
)
def test_adversarial_clauses_of_100_kb_return(text):
    # Linear time is measured in the benchmark; here only that no pattern backtracks forever.
    assert isinstance(find_parties(text, lead_in=text[:2000], document=text), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Miljönämnden uppdras att ta fram en plan för tillsynen.", ["Miljönämnden"]),
        ("Samtliga förvaltningar uppmanas att minska sina resor.", ["Samtliga förvaltningar"]),
        (
            "Kommunfullmäktige beslutar att kulturnämnden uppdras att utreda frågan.",
            ["kulturnämnden"],
        ),
    ],
)
def test_the_subject_of_a_passive_order_is_responsible(text, expected):
    assert responsible(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Äldreomsorgen ska under hösten införa nya scheman.", ["Äldreomsorgen"]),
        ("Hemtjänsten ska senast i maj 2026 byta till digitala lås.", ["Hemtjänsten"]),
        ("Individ- och familjeomsorgen ska utreda frågan.", ["Individ- och familjeomsorgen"]),
    ],
)
def test_a_care_unit_named_by_the_care_it_gives_is_a_body_that_acts(text, expected):
    assert responsible(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fullmäktige gav i måndags kulturnämnden i uppdrag att se över taxorna.",
            ["kulturnämnden"],
        ),
        (
            "Styrelsen gav i höstas tekniska nämnden i uppdrag att rusta upp vägen.",
            ["tekniska nämnden"],
        ),
        ("Nämnden gav i fjol förvaltningen i uppdrag att utreda frågan.", ["förvaltningen"]),
    ],
)
def test_a_past_time_before_the_one_given_an_assignment_is_no_part_of_its_name(text, expected):
    assert responsible(text) == expected
