"""Who is responsible and who supports in the slots the memo and other municipalities use: the
Nacka memo as oracle, other municipalities' forms (properties in test_responsibility_properties)."""

import re
from pathlib import Path

import pytest
import yaml

import styr
from styr.extract.responsibility import RESPONSIBLE, SUPPORTING, Party, find_parties

R, S = RESPONSIBLE, SUPPORTING

# --- the oracle: every action in the Nacka demo data ------------------------------------------

DEMO = yaml.safe_load((Path(styr.__file__).parent / "demo" / "nacka2015.yaml").read_text("utf-8"))
NAMES = {p["key"]: [p["name"], *p["aliases"]] for p in DEMO["people"]}
PERSON_OF_NAME = {name: key for key, names in NAMES.items() for name in names}
POST_TITLES = {p["key"]: p["title"] for p in DEMO["posts"]}


def _walk(themes):
    for theme in themes:
        yield from theme.get("actions") or []
        yield from _walk(theme.get("themes") or [])


ACTIONS = [action for plan in DEMO["plans"] for action in _walk(plan["themes"])]
_HEAD_DEFINITE = re.compile(r"(direktör|chef|jurist|strateg|konsult)(en)?(er|erna)?\b")


def norm_title(title: str) -> str:
    """Compare titles up to spelling: case, hyphens, spaces and the definite form."""
    title = _HEAD_DEFINITE.sub(lambda m: m[1] + (m[3] or ""), title.lower())
    return re.sub(r"[\s\-]+", "", title)


def _slug(title: str) -> str:
    return re.sub(r"\W+", "-", title.lower()).strip("-")[:60]


def test_the_demo_data_has_the_33_actions_of_the_memo():
    assert len(ACTIONS) == 33


@pytest.mark.parametrize("action", ACTIONS, ids=[_slug(a["title"]) for a in ACTIONS])
def test_every_memo_action_names_the_parties_of_the_demo_data(action):
    text = action["text"]
    parties = find_parties(text)

    expected_people: dict[str, tuple[str, str | None]] = {}  # person key -> (kind, post title)
    expected_roles: set[tuple[str, str]] = set()  # (normalised role, kind)
    for kind in (R, S):
        for entry in action[kind]:
            if "person" in entry:
                expected_people[entry["person"]] = (kind, POST_TITLES.get(entry.get("post")))
            else:
                expected_roles.add((norm_title(entry["role"]), kind))
    # A person the paragraph does not name ("Stadsdirektören ansvarar …") is found as the
    # nameless title; matching it to the holder is the importer's job.
    for key, (kind, title) in list(expected_people.items()):
        if title and not any(name in text for name in NAMES[key]):
            expected_roles.add((norm_title(title), kind))
            del expected_people[key]

    got_people = {PERSON_OF_NAME.get(p.name, p.name): p for p in parties if p.name}
    got_roles = {(norm_title(p.role), p.kind) for p in parties if p.name is None}

    assert {key: p.kind for key, p in got_people.items()} == {
        key: kind for key, (kind, _) in expected_people.items()
    }
    assert got_roles == expected_roles
    for key, (_, title) in expected_people.items():
        role = got_people[key].role
        if title is None:
            continue
        if role is None:  # allowed only when the paragraph gives no title
            assert norm_title(title) not in norm_title(text)
        else:
            assert norm_title(role) == norm_title(title)


# --- the memo's forms, exactly ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ansvarig är personaldirektör Elisabeth Carle.",
         [Party("Elisabeth Carle", "personaldirektör", R)]),
        ("Ansvariga direktörer är Lena Dahlstedt och Dag Björklund.",
         [Party("Lena Dahlstedt", None, R), Party("Dag Björklund", None, R)]),
        # a plural title in apposition gives each name the singular title
        ("Ansvariga för detta är direktörerna Helena Meier, Eva Olin, Anette Böe och Einar Fransson.",
         [Party("Helena Meier", "direktör", R), Party("Eva Olin", "direktör", R),
          Party("Anette Böe", "direktör", R), Party("Einar Fransson", "direktör", R)]),
        ("Ansvarig är respektive stödprocessdirektör.",
         [Party(None, "respektive stödprocessdirektör", R)]),
        ("Ansvariga direktörer för att stödja i detta arbete är Eva Olin, Lena Dahlstedt och "
         "Klara Palmberg Broryd.",
         [Party("Eva Olin", None, R), Party("Lena Dahlstedt", None, R),
          Party("Klara Palmberg Broryd", None, R)]),
        ("Ansvarig är stadsdirektör Lena Dahlstedt i nära samspel med samtliga direktörer i "
         "ledningsgruppen.",
         [Party("Lena Dahlstedt", "stadsdirektör", R),
          Party(None, "samtliga direktörer i ledningsgruppen", S)]),
        ("Ansvarig är stadsdirektör Lena Dahlstedt med stöd av extern konsult.",
         [Party("Lena Dahlstedt", "stadsdirektör", R), Party(None, "extern konsult", S)]),
        ("Ansvariga är strategi- och förnyelsedirektör Klara Palmberg Broryd och administrativ "
         "direktör Mats Boman.",
         [Party("Klara Palmberg Broryd", "strategi- och förnyelsedirektör", R),
          Party("Mats Boman", "administrativ direktör", R)]),
        ("Ansvarig för att driva utveckling av service till medborgare, förtroendevalda och "
         "medarbetare är administrativ direktör Mats Bohman i nära samspel med övriga direktörer.",
         [Party("Mats Bohman", "administrativ direktör", R), Party(None, "övriga direktörer", S)]),
        ("Ansvarig är stadsdirektör Lena Dahlstedt och personaldirektör Elisabeth Carle. "
         "Förnyelseenheten stödjer och samordnar chefsmötena med enhetschefen Kersti Hedqvist som "
         "ansvarig.",
         [Party("Lena Dahlstedt", "stadsdirektör", R),
          Party("Elisabeth Carle", "personaldirektör", R),
          Party("Kersti Hedqvist", "enhetschef", S)]),
        ("Alla chefer i Nacka ska ha tydliga resultatkontrakt enligt den modell som "
         "stadsdirektören har. Stadsdirektören ansvarar för att alla direktörer har detta. "
         "Respektive direktör ansvarar för att enhetscheferna/verksamhetscheferna och rektorerna "
         "har det. Alla resultatkontrakt ska vara klara senast den 31 december 2015. "
         "Personaldirektör Elisabeth Carle har ett särskilt ansvar att stödja och följa upp "
         "arbetet.",
         [Party(None, "stadsdirektören", R), Party(None, "respektive direktör", R),
          Party("Elisabeth Carle", "personaldirektör", S)]),
        ("Ansvarig för samordning är strategi och förnyelsedirektör Klara Palmberg Broryd.",
         [Party("Klara Palmberg Broryd", "strategi och förnyelsedirektör", R)]),
        ("Stadsjurist Helena Meier är ansvarig för att ta fram eventuella beslutsunderlag med "
         "anledning av detta ärende.",
         [Party("Helena Meier", "stadsjurist", R)]),
        # alone, a duty to support makes the subject responsible for that support
        ("Personaldirektör Elisabeth Carle är ansvarig för att stödja berörda direktörer i "
         "förändringsprocesser som berör förändring för chefer och medarbetare.",
         [Party("Elisabeth Carle", "personaldirektör", R)]),
        ("Råden inom kommunstyrelsens ansvarsområde – brottsförebyggande rådet, näringslivsrådet, "
         "seniorrådet och rådet för frågor kring funktionsnedsättning, får tjänstemannastöd från "
         "förnyelseenheten. Respektive råd kommer även att ha en ansvarig direktör vars uppgift är "
         "att följa och stödja utvecklingen av rådets arbete.\n"
         "Brottsförebyggande rådet – Mats Bohman administrativ direktör\n"
         "Näringslivsrådet – Anders Börjesson näringslivsdirektör\n"
         "Rådet för frågor kring funktionsnedsättning – Anders Fredriksson social- och "
         "äldredirektör\n"
         "Seniorrådet – Anders Fredriksson social- och äldredirektör",
         [Party("Mats Bohman", "administrativ direktör", R),
          Party("Anders Börjesson", "näringslivsdirektör", R),
          Party("Anders Fredriksson", "social- och äldredirektör", R)]),
        ("Markfrågorna flyttar från mark- och exploateringsenheten till nuvarande byggenheten den "
         "1 januari 2015, som ombildas till enheten för fastighetsutveckling. Enhetschef är Lars "
         "Nylund och ansvarig direktör är fastighetsdirektör Jenny Asmundsson.",
         [Party("Jenny Asmundsson", "fastighetsdirektör", R)]),
        ("Medarbetarna integreras i nuvarande arbets- och företagsenheten med direktören för "
         "arbete och fritid, Malin Westerback, som ansvarig direktör.",
         [Party("Malin Westerback", "direktör för arbete och fritid", R)]),
        ("Ansvarig direktör för den nya natur- och trafiknämnden blir natur- och "
         "trafikdirektören Dag Björklund. En extern utredning av om kommunen ska bilda ett "
         "VA-bolag ska göras under våren 2015. Ansvariga direktörer är Lena Dahlstedt och Dag "
         "Björklund.",
         [Party("Dag Björklund", "natur- och trafikdirektör", R),
          Party("Lena Dahlstedt", None, R)]),
        ("En ny enhet utreds under november-december 2014 och inrättas per den 1 januari 2015, "
         "inom ramen för stadsbyggnadsdirektören Gunilla Glantz ansvar.",
         [Party("Gunilla Glantz", "stadsbyggnadsdirektör", R)]),
        ("En översyn beräknas vara klar till årsskiftet 2014/2015, ansvarig är "
         "stadsbyggnadsdirektör Gunilla Glantz.",
         [Party("Gunilla Glantz", "stadsbyggnadsdirektör", R)]),
        ("Ansvariga tjänstemän för detta är Lena Dahlstedt och Helena Meier.",
         [Party("Lena Dahlstedt", None, R), Party("Helena Meier", None, R)]),
        ("Ansvariga för att utbildningen genomförs är Lena Dahlstedt, Klara Palmberg Broryd och "
         "Helena Meier.",
         [Party("Lena Dahlstedt", None, R), Party("Klara Palmberg Broryd", None, R),
          Party("Helena Meier", None, R)]),
        ("Ansvariga direktörer för genomförandet är Gunilla Glantz, Dag Björklund och Jenny "
         "Asmundsson.",
         [Party("Gunilla Glantz", None, R), Party("Dag Björklund", None, R),
          Party("Jenny Asmundsson", None, R)]),
        ("Under hösten 2015 genomförs en genomlysning av stadsdirektörens ledningsgrupp och "
         "respektive direktör i syfte att utveckla ledningsgruppen. Ansvarig är stadsdirektör "
         "Lena Dahlstedt med stöd av extern konsult.",
         [Party("Lena Dahlstedt", "stadsdirektör", R), Party(None, "extern konsult", S)]),
        # "bilaga 2." ends a sentence: a number is not an initial
        ("En kortversion av rapporten redovisas i bilaga 2. Ansvarig är stadsdirektör Lena "
         "Dahlstedt.",
         [Party("Lena Dahlstedt", "stadsdirektör", R)]),
    ],
)  # fmt: skip
def test_the_memo_forms(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Serviceenheten kan i större utsträckning hantera ökat behov av intern service liksom "
        "kontaktcenter som i större utsträckning kan hantera extern service och enkel "
        "myndighetsutövning.",
        "Tjänsten kommer att innehas av Klara Palmberg Broryd, som nu arbetar som "
        "stadsutvecklingsstrateg, direkt underställd stadsdirektören.",
        "Enhetschef är Lars Nylund.",
        "Arbetet ska ske i nära samråd med stadsdirektören och ledningsgruppen samt den politiska "
        "ledningen av kommunen.",
        "Kontaktcenter blir från 1 september 2015 ansvarig för mottagningsgruppen som hanterar "
        "frågor om ekonomiskt bistånd. De kommer att arbeta i nära samverkan med den ansvariga "
        "enheten inom arbets- och företagsnämndens ansvarsområde.",
        "Ansvaret är idag delat mellan lokalenheten och serviceenheten.",
        "Chefsansvaret för juridik- och kanslienhetens enhetschef flyttas från stadsjuristen till "
        "administrative direktören. Stadsjuristen har fortsatt huvudansvar för kommunens samtliga "
        "juridiska processer.",
        "Nacka ska vara en smart, enkel och öppen kommun som ständigt utvecklar verksamheten i "
        "nära samspel med de vi är till för och andra aktörer i Nacka-samhället.",
        "Ett utvecklingsuppdrag kallat Smart kommun läggs på förnyelseenheten.",
        "Respektive råd kommer även att ha en ansvarig direktör vars uppgift är att följa och "
        "stödja utvecklingen av rådets arbete.",
        "Genomfört, ny enhet för strategisk stadsutveckling etablerad med Andreas Totschnig som "
        "enhetschef.",
        "Ta fram en plan | Ekonomichef | 2016-06-30",  # a table row: the segmenter reads columns
        "",
        "Ansvarig:",
        "Ansvarig är",
    ],
)
def test_no_parties_where_no_one_is_made_responsible(text):
    assert find_parties(text) == []


# --- other municipalities ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ansvar: Kommunstyrelsen", [Party(None, "Kommunstyrelsen", R)]),
        ("Ansvarig: ekonomichef", [Party(None, "ekonomichef", R)]),
        ("Ansvarig: Anna Svensson, ekonomichef", [Party("Anna Svensson", "ekonomichef", R)]),
        ("Ansvarig: Anna Svensson (ekonomichef)", [Party("Anna Svensson", "ekonomichef", R)]),
        ("Ansvariga: Per Olsson och Lisa Ek",
         [Party("Per Olsson", None, R), Party("Lisa Ek", None, R)]),
        ("Ansvarig nämnd: Socialnämnden", [Party(None, "Socialnämnden", R)]),
        ("Huvudansvar: kultur- och fritidschef", [Party(None, "kultur- och fritidschef", R)]),
        ("Ansvarig: Kommundirektör", [Party(None, "kommundirektör", R)]),
        ("Ansvarig för genomförande: Per Olsson", [Party("Per Olsson", None, R)]),
        ("Stöd: HR-avdelningen", [Party(None, "HR-avdelningen", S)]),
        ("Planen tas fram med stöd av ekonomiavdelningen.", [Party(None, "ekonomiavdelningen", S)]),
        ("Arbetet sker i samverkan med socialförvaltningen.",
         [Party(None, "socialförvaltningen", S)]),
        ("Samordnas av Lisa Ek, folkhälsostrateg.", [Party("Lisa Ek", "folkhälsostrateg", R)]),
        ("Ansvariga är Anna-Karin af Klint, Per Olof Ek och Ulla von Essen.",
         [Party("Anna-Karin af Klint", None, R), Party("Per Olof Ek", None, R),
          Party("Ulla von Essen", None, R)]),
        ("Ansvarig är Per O. Ek.", [Party("Per O. Ek", None, R)]),
        ("Ansvarig: Lisa Ek\nStöd: Per Olsson",
         [Party("Lisa Ek", None, R), Party("Per Olsson", None, S)]),
        ("Ansvarig är Lisa Ek. Stöd: HR-avdelningen och ekonomiavdelningen.",
         [Party("Lisa Ek", None, R), Party(None, "HR-avdelningen", S),
          Party(None, "ekonomiavdelningen", S)]),
        ("Ansvariga:\n- Anna Svensson, ekonomichef\n- Per Olsson\nÖvrig text.",
         [Party("Anna Svensson", "ekonomichef", R), Party("Per Olsson", None, R)]),
        ("Åtgärden genomförs 2016 (ansvarig: ekonomichef).", [Party(None, "ekonomichef", R)]),
        ("Ansvar: KS/KF", [Party(None, "KS", R), Party(None, "KF", R)]),
        ("Ansvarig: Anna Svensson, ekonomichef, och Per Olsson, controller.",
         [Party("Anna Svensson", "ekonomichef", R), Party("Per Olsson", "controller", R)]),
        # a title before a name belongs to that name
        ("Ansvariga: Lisa Ek, ekonomichef Per Olsson",
         [Party("Lisa Ek", None, R), Party("Per Olsson", "ekonomichef", R)]),
        # a unit after a name is the person's unit, not another party
        ("Ansvarig: Anna Svensson, ekonomiavdelningen", [Party("Anna Svensson", None, R)]),
        ("Ansvariga är ekonomichef och personaldirektör.",
         [Party(None, "ekonomichef", R), Party(None, "personaldirektör", R)]),
        ("Ansvarig är den administrative direktören.", [Party(None, "administrativ direktör", R)]),
        ("Arbetet leds av kommundirektör Anna Svensson med hjälp av extern konsult.",
         [Party("Anna Svensson", "kommundirektör", R), Party(None, "extern konsult", S)]),
        ("Planen genomförs inom ramen för Per Olssons ansvar.", [Party("Per Olsson", None, R)]),
        # a nameless title as written (the importer matches "kommundirektören" to its post)
        ("Ansvaret för samordningen har kommundirektören.", [Party(None, "kommundirektören", R)]),
        ("Socialnämnden ansvarar för att planen genomförs.", [Party(None, "Socialnämnden", R)]),
        ("Respektive nämnd ansvarar för att planen följs upp.",
         [Party(None, "respektive nämnd", R)]),
        ("Anna Svensson, ekonomiavdelningen, ansvarar för uppföljningen.",
         [Party("Anna Svensson", None, R)]),
        ("Lena Dahlstedt och Helena Meier är ansvariga för detta.",
         [Party("Lena Dahlstedt", None, R), Party("Helena Meier", None, R)]),
        ("Anna Svensson, Per Olsson och ekonomichefen ansvarar gemensamt för uppföljningen.",
         [Party("Anna Svensson", None, R), Party("Per Olsson", None, R),
          Party(None, "ekonomichefen", R)]),
        ("I samverkan med Kultur- och fritidsnämnden tas en plan fram. Ansvarig: "
         "kultur- och fritidschefen.",
         [Party(None, "Kultur- och fritidsnämnden", S), Party(None, "kultur- och fritidschefen", R)]),
        ("Medansvarig: IT-chef", [Party(None, "IT-chef", S)]),
        ("Ansvarig: kommunstyrelsens ordförande", [Party(None, "kommunstyrelsens ordförande", R)]),
        ("Ansvarig: Nämndens ordförande Per Olsson",
         [Party("Per Olsson", "nämndens ordförande", R)]),
        ("Ansvarig: Anna Svensson, t.f. ekonomichef",
         [Party("Anna Svensson", "t.f. ekonomichef", R)]),
        # "tillsammans med" continues a list of responsible parties; on its own it names no one
        ("Ansvarig är socialchef Anna Svensson tillsammans med skolchef Per Olsson.",
         [Party("Anna Svensson", "socialchef", R), Party("Per Olsson", "skolchef", R)]),
        ("Föreningarna arbetar tillsammans med Per Olsson.", []),
        ("Ansvarig: Förvaltningschef, socialförvaltningen", [Party(None, "förvaltningschef", R)]),
        ("Ansvar: Kommunstyrelsen, Socialnämnden",
         [Party(None, "Kommunstyrelsen", R), Party(None, "Socialnämnden", R)]),
        ("Ansvarig förvaltning: Stadsbyggnadsförvaltningen, Stöd: Kommunledningskontoret",
         [Party(None, "Stadsbyggnadsförvaltningen", R), Party(None, "Kommunledningskontoret", S)]),
        ("Ansvarig: Barn- och utbildningsförvaltningen",
         [Party(None, "Barn- och utbildningsförvaltningen", R)]),
        ("Ansvarig är ekonomichef Eva Ek. Ekonomichef Eva Ek har ansvaret för uppföljningen.",
         [Party("Eva Ek", "ekonomichef", R)]),
    ],
)  # fmt: skip
def test_other_municipalities_forms(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ansvarig: Nacka Vatten och Avfall AB",  # a company, not a person
        "Ansvarig: ANNA SVENSSON",  # upper-case names are out of scope
        "Kommunen är ansvarig för att planen följs.",  # "kommunen" alone names no one
        "Ansvarig är Kommunstyrelsen i Nacka under Juni.",  # a body, a place and a month
        "Ansvariga är Smart kommun och Kontaktcenter.",
    ],
)
def test_places_bodies_months_and_upper_case_are_not_people(text):
    assert [p for p in find_parties(text) if p.name] == []


# --- merging ------------------------------------------------------------------------------------


def test_the_same_name_once_first_role_wins_and_a_later_one_fills_a_gap():
    parties = find_parties(
        "Ansvariga är Eva Olin och Lena Dahlstedt. Ansvarig är ekonomidirektör Eva Olin. "
        "Ansvarig är stadsdirektör Lena Dahlstedt och ekonomichef Eva Olin."
    )
    assert parties == [
        Party("Eva Olin", "ekonomidirektör", R),
        Party("Lena Dahlstedt", "stadsdirektör", R),
    ]


def test_someone_both_responsible_and_supporting_is_responsible():
    parties = find_parties(
        "Ekonomichef Eva Ek deltar med stöd av Lisa Ek. Ansvariga är Eva Ek och Lisa Ek."
    )
    assert parties == [Party("Lisa Ek", None, R), Party("Eva Ek", None, R)]


def test_names_keep_their_spelling():
    (party,) = find_parties("Ansvarig är administrativ direktör Mats Boman.")
    assert party.name == "Mats Boman"
