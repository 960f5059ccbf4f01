"""Each action of the Nacka demo says what the memo says, checked against a table read off the
memo by hand (tjänsteskrivelse 2015-09-02, KFKS 2012/577-001), not off the data file.

For every action: its text occurs verbatim in the memo, its theme is the heading it stands
under there, its status is what the memo's note says (the italic note, or for a new action
the sentence of its own text that says how it stands), the note is verbatim, the time is as
written, and the people answering for it are exactly the ones the memo names for it.
"""

import re

import pytest

from styr.demo.loader import DEMO_FILE
from styr.plans.models import Action
from tests import html
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

demo = pytest.fixture(demo_once)

MEMO_FILE = DEMO_FILE.with_name("nacka2015-memo.txt")

# The Övrigt theme is being turned into report prose; its actions are not checked here.
LEAVING = "Övrigt"

REMAINING = "Återstående åtgärder"
SERVICE = "Utveckling av service till medborgare, förtroendevalda och medarbetare"
OFFICIALS = "Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation"
BOARDS = "Nämnder och myndighets- och huvudmannaorganisation"
PRODUCTION = "Kommunal produktion"
SUPPORT = "Stödprocesser"
KF = "Kommunfullmäktige"
KS = "Kommunstyrelsen och närliggande tjänstemannaorganisation"

LENA = "Lena Dahlstedt"
HELENA = "Helena Meier"
EVA = "Eva Olin"
KLARA = "Klara Palmberg Broryd"
GUNILLA = "Gunilla Glantz"
DAG = "Dag Björklund"
JENNY = "Jenny Asmundsson"
ELISABETH = "Elisabeth Carle"
MATS = "Mats Bohman"
FREDRIKSSON = "Anders Fredriksson"
MALIN = "Malin Westerback"
ANETTE = "Anette Böe"
EINAR = "Einar Fransson"
DONE_NOTE = "Genomfört."
CONTINUOUS_NOTE = "Pågår kontinuerlig utveckling."

# (how the memo's paragraph begins, the heading above it, status, note, time as written,
#  the people it names as answering for it, the people it names as supporting)
MEMO = [
    ("Förslag på nya övergripande mål och strategiska mål utvecklas", REMAINING, "in_progress",
     "Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218.",
     "under våren 2015", {EVA, LENA, KLARA}, set()),
    ("Förslag på tydligare strategiska mål för stadsbyggnadsområdet", REMAINING, "in_progress",
     "Arbetet pågår, beräknas vara klart årsskiftet 2015/2016.",
     "under våren 2015", {GUNILLA, DAG, JENNY, LENA, KLARA}, set()),
    ("En extern utredning av om kommunen ska bilda ett VA-bolag", REMAINING, "in_progress",
     "Nämndorganisation och utredning om VA-bolag genomförd, utredningen kommer att "
     "redovisas till kommunstyrelsen hösten 2015.",
     "senast 2016", {LENA, DAG}, set()),
    ("Alla enheter och verksamheter inom myndighets- och huvudmannaorganisationen",
     REMAINING, "in_progress",
     "Arbetet pågår, återstående delar genomförs fram till årsskiftet 2015/16.",
     "fram till årsskiftet 2015/16", set(), set()),  # "respektive stödprocessdirektör"
    ("En översyn av chefsnivåer i Nacka", REMAINING, "in_progress",
     "Arbetet pågår, beräknas bli klart hösten 2015. Om resultatkontrakt, se nedan under "
     "kommande åtgärder.",
     "under 2015", {ELISABETH}, set()),
    ("Det samlade kommunikationsarbetet behöver utvecklas i syfte att kommunen ska bli",
     "Kommunikation", None, None, "under hösten 2015", {LENA}, set()),
    ("Under våren 2015 startades arbetet med Smart kommun", "Smart kommun", "in_progress",
     "Under våren 2015 startades arbetet med Smart kommun.", "", {KLARA, MATS}, set()),
    (f"{SERVICE} pågår kontinuerligt", SERVICE, "ongoing",
     f"{SERVICE} pågår kontinuerligt inom serviceenheten och kontaktcenter.",
     "pågår kontinuerligt", {MATS}, set()),
    ("Från och med hösten 2015 utvecklas stadsdirektörens chefsmöten",
     "Utveckling av alla chefer", None, None, "", {LENA, ELISABETH}, {"Kersti Hedqvist"}),
    ("Under hösten 2015 genomförs en genomlysning", "Utveckling av ledningsgruppen", None, None,
     "Under hösten 2015", {LENA}, set()),
    ("Alla chefer i Nacka ska ha tydliga resultatkontrakt", "Resultatkontrakt för alla chefer",
     None, None, "senast den 31 december 2015", {LENA}, {ELISABETH}),
    ("Nacka kommun deltar från och med 2015", "Kvalitetsutveckling", None, None, "", {KLARA},
     set()),
    ("En ny tjänst som strategi- och förnyelsedirektör inrättas", OFFICIALS, "done", DONE_NOTE,
     "", set(), set()),
    ("För att stärka stödet för förnyelsearbetet", OFFICIALS, "done", DONE_NOTE, "", set(),
     set()),
    ("Råden inom kommunstyrelsens ansvarsområde", OFFICIALS, "done", DONE_NOTE, "",
     {MATS, "Anders Börjesson", FREDRIKSSON}, set()),
    ("Miljömålskommittén inom kommunstyrelsens ansvarsområde", OFFICIALS, "done", DONE_NOTE, "",
     {KLARA}, set()),
    ("Mångfaldskommittén inom kommunstyrelsens ansvarsområde", OFFICIALS, "done", DONE_NOTE, "",
     {ELISABETH}, set()),
    ("Markfrågorna flyttar från mark- och exploateringsenheten", OFFICIALS, "done",
     "Genomfört. Ny enhetschef rekryterad till enheten för fastighetsutveckling från hösten "
     "2015 då Lars Nylund lämnat kommunen för annat uppdrag.",
     "den 1 januari 2015", {JENNY}, set()),
    ("Ny målsättning och organisation för exploateringsverksamheten", OFFICIALS, "done",
     "Utredning och översyn genomförd. Organisationsförändringen genomförd. Ny justerad "
     "projektmodell framtagen.",
     "under våren 2015", {GUNILLA}, set()),
    ("Chefsansvaret för juridik- och kanslienhetens enhetschef", OFFICIALS, "done", DONE_NOTE,
     "", set(), set()),
    ("Ny socialnämnd och ny äldrenämnd inrättas", BOARDS, "in_progress",
     "Sociala ekonomienheten avvecklad. Återstår ev. beslut om förändrad organisation.",
     "under november-december 2014", {FREDRIKSSON}, set()),
    ("Ansvar för ekonomiskt bistånd och flyktingmottagande", BOARDS, "done", DONE_NOTE, "",
     {MALIN}, set()),
    ("Ansvarig direktör för den nya natur- och trafiknämnden", BOARDS, "in_progress",
     "Nämndorganisation och utredning om VA-bolag genomförd, kommer att redovisas till "
     "kommunstyrelsen hösten 2015.",
     "senast 2016", {LENA, DAG}, set()),
    ("Miljö- och stadsbyggnadsnämnden ska ha ett myndighetsutskott", BOARDS, "done",
     "Genomfört. Beslut om styrgrupper och snabbare beslutsprocesser.",
     "till årsskiftet 2014/2015", {GUNILLA}, set()),
    ("En ny enhet för strategisk ledning och styrning", BOARDS, "done",
     "Genomfört, ny enhet för strategisk stadsutveckling etablerad med Andreas Totschnig som "
     "enhetschef.",
     "per den 1 januari 2015", {GUNILLA}, set()),
    ("Teknik- och stadsbyggnadsstaben ses över", BOARDS, "done",
     "Översyn genomförd och funktionerna har förts över till ordinarie stödenheter.",
     "under våren 2015", {GUNILLA, DAG, JENNY}, set()),
    ("Idrottsdriften får ett tydligare uppdrag", PRODUCTION, "done", DONE_NOTE, "",
     {MALIN, ANETTE}, set()),
    ("Nya ägardirektiv tas fram", PRODUCTION, "done",
     "Genomfört och ägardirektiv är beslutade av kommunfullmäktige.",
     "under våren 2015", {HELENA, EVA, ANETTE, EINAR}, set()),
    ("Serviceenheten kan i större utsträckning", SUPPORT, "ongoing", CONTINUOUS_NOTE, "", set(),
     set()),
    ("Styrande dokument behöver fortsatt utvecklas", SUPPORT, "ongoing", CONTINUOUS_NOTE, "",
     {HELENA}, set()),
    ("En fortsatt utveckling behövs också om etik", SUPPORT, "ongoing", CONTINUOUS_NOTE, "",
     {HELENA, ELISABETH}, set()),
    ("Utbildning erbjuds nya ledamöter", KF, "done", "Genomfört", "under första kvartalet 2015",
     {LENA, HELENA}, set()),
    ("Utbildning erbjuds nämndordförande", KS, "done", DONE_NOTE, "under våren 2015",
     {LENA, KLARA, HELENA}, set()),
]  # fmt: skip


def normalise(text: str) -> str:
    """Italic markers dropped, all whitespace (page breaks too) one space."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@pytest.fixture(scope="module")
def memo() -> str:
    return normalise(MEMO_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def actions(demo) -> list[Action]:
    return [
        action
        for action in Action.objects.filter(plan__slug=PLAN_SLUG)
        .select_related("theme__parent__parent")
        .prefetch_related("responsibilities__person", "status_updates")
        .order_by("order")
        if LEAVING not in {action.theme.title, getattr(action.theme.parent, "title", None)}
    ]


def the_action(actions, opening: str) -> Action:
    found = [action for action in actions if normalise(action.text).startswith(opening)]
    assert len(found) == 1, f"{len(found)} demo actions begin {opening!r}"
    return found[0]


def test_every_demo_action_is_in_the_table_once(actions):
    openings = [row[0] for row in MEMO]
    matched = [
        [opening for opening in openings if normalise(action.text).startswith(opening)]
        for action in actions
    ]
    assert [len(found) for found in matched] == [1] * len(actions)
    assert sorted(found[0] for found in matched) == sorted(openings)


@pytest.fixture(scope="module")
def headings() -> dict[str, str]:
    """For each paragraph of the table, the last heading line above it in the memo."""
    known = {row[1] for row in MEMO}
    found, current = {}, None
    for line in MEMO_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() in known:
            current = line.strip()
        for opening, *_ in MEMO:
            if normalise(line).startswith(opening):
                found[opening] = current
    return found


@pytest.mark.parametrize(("opening", "heading"), [row[:2] for row in MEMO])
def test_action_text_is_verbatim_under_its_memo_heading(actions, memo, headings, opening, heading):
    action = the_action(actions, opening)
    assert normalise(action.text) in memo
    assert headings[opening] == heading
    assert action.theme.title == heading


@pytest.mark.parametrize(("opening", "status", "note"), [(r[0], r[2], r[3]) for r in MEMO])
def test_action_status_and_note_are_the_memos(actions, memo, opening, status, note):
    updates = list(the_action(actions, opening).status_updates.all())
    if status is None:
        assert updates == []
        return
    assert [(u.date, u.status, normalise(u.note)) for u in updates] == [(MEMO_DAY, status, note)]
    assert note in memo


@pytest.mark.parametrize(("opening", "deadline"), [(r[0], r[4]) for r in MEMO])
def test_action_time_is_as_written_in_its_text_or_note(actions, opening, deadline):
    action = the_action(actions, opening)
    assert action.deadline_text == deadline
    said = [normalise(action.text), *(normalise(u.note) for u in action.status_updates.all())]
    assert not deadline or any(deadline in words for words in said)


@pytest.mark.parametrize(
    ("opening", "responsible", "supporting"), [(r[0], r[5], r[6]) for r in MEMO]
)
def test_action_names_exactly_the_people_the_memo_names(actions, opening, responsible, supporting):
    named = the_action(actions, opening).responsibilities.all()
    people = {
        kind: {r.person.name for r in named if r.kind == kind and r.person}
        for kind in ("responsible", "supporting")
    }
    assert people == {"responsible": responsible, "supporting": supporting}


def test_continuous_work_shows_its_time_as_written_and_is_never_late(client, actions):
    service = the_action(actions, f"{SERVICE} pågår kontinuerligt")
    url = f"/planer/{PLAN_SLUG}/atgarder/{service.id}/"
    response = client.get(url, {"as_of": "2017-01-01"})
    assert html.facts(html.parse(response))["Ska vara klart"] == "pågår kontinuerligt"
    assert "Försenad" not in response.content.decode()
