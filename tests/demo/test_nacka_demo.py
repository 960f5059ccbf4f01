"""The Nacka demo is complete and faithful to the memo it transcribes.

Source: Nacka kommun, tjänsteskrivelse 2015-09-02, KFKS 2012/577-001. Everything is
asserted against the database after `load_file()`, not against the YAML.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
import yaml
from django.db.models import Q
from django.utils import timezone

from styr.demo.loader import DEMO_FILE
from styr.org.history import holders_on, posts_held_on, unit_states_on
from styr.org.models import Body, Person, Post, Tenure, Unit, UnitChange
from styr.plans.models import Action, FocusArea, Plan, StatusUpdate, Theme
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

MEMO_FILE = DEMO_FILE.with_name("nacka2015-memo.txt")  # the memo itself, kept beside the demo

SECTIONS = [
    "Återstående åtgärder",
    "Kommande åtgärder",
    "Uppföljning av tidigare beslutade åtgärder",
]
UPCOMING_HEADINGS = [
    "Kommunikation",
    "Smart kommun",
    "Utveckling av service till medborgare, förtroendevalda och medarbetare",
    "Utveckling av alla chefer",
    "Utveckling av ledningsgruppen",
    "Resultatkontrakt för alla chefer",
    "Kvalitetsutveckling",
]
FOLLOW_UP_HEADINGS = [
    ("Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation", 8),
    ("Nämnder och myndighets- och huvudmannaorganisation", 6),
    ("Kommunal produktion", 2),
    ("Stödprocesser", 3),
    ("Kommunfullmäktige", 1),
    ("Kommunstyrelsen och närliggande tjänstemannaorganisation", 1),
]
FOCUS_AREAS = [
    "Utveckling av mål- och resultatstyrningen med formulering av tydligare mål och "
    "uppföljning av verksamhetsresultat, inklusive fokus på effektivitet",
    "Ständig förnyelse av formerna för att nå målen",
    "Långsiktig, strategisk ledning och styrning inklusive omvärldsspaning och analys "
    "samt ökad affärsmässighet",
    "Utveckling av den smarta kommunen och kommunikationen i alla led",
    "Attraktiv arbetsgivare med fortsatt fokus på hållbart medarbetarengagemang, gott "
    "ledarskap, kundfokus och utvecklingsmöjligheter",
]
# Every person the memo names, as spelt there (both spellings of Mats Bohman).
NAMES_IN_MEMO = [
    "Lena Dahlstedt",
    "Helena Meier",
    "Eva Olin",
    "Klara Palmberg Broryd",
    "Gunilla Glantz",
    "Dag Björklund",
    "Jenny Asmundsson",
    "Elisabeth Carle",
    "Mats Bohman",
    "Mats Boman",
    "Anders Börjesson",
    "Anders Fredriksson",
    "Malin Westerback",
    "Anette Böe",
    "Einar Fransson",
    "Kersti Hedqvist",
    "Lars Nylund",
    "Andreas Totschnig",
]
DIRECTOR_POSTS = {
    "Lena Dahlstedt": "stadsdirektör",
    "Helena Meier": "stadsjurist",
    "Eva Olin": "ekonomidirektör",  # an example title: the pages mark it so
    "Klara Palmberg Broryd": "strategi- och förnyelsedirektör",
    "Gunilla Glantz": "stadsbyggnadsdirektör",
    "Dag Björklund": "natur- och trafikdirektör",
    "Jenny Asmundsson": "fastighetsdirektör",
    "Elisabeth Carle": "personaldirektör",
    "Mats Bohman": "administrativ direktör",
    "Anders Börjesson": "näringslivsdirektör",
    "Anders Fredriksson": "social- och äldredirektör",
    "Malin Westerback": "direktör för arbete och fritid",
    "Anette Böe": "direktör Välfärd samhällsservice",
    "Einar Fransson": "direktör Välfärd skola",
}


def normalise(text: str) -> str:
    """Normalise as the YAML did: drop italic markers, collapse all whitespace to one space."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _yaml_actions() -> list[dict]:
    """The actions in document order, read from the data file only to name the test cases."""
    data = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    actions: list[dict] = []

    def walk(theme):
        actions.extend(theme.get("actions") or [])
        for child in theme.get("themes") or []:
            walk(child)

    for theme in data["plans"][0]["themes"]:
        walk(theme)
    return actions


YAML_ACTIONS = _yaml_actions()
ACTION_TITLES = [action["title"] for action in YAML_ACTIONS]
ACTION_PARAMS = [
    pytest.param(order, action["title"], id=action["title"])
    for order, action in enumerate(YAML_ACTIONS, 1)
]
NOTED_PARAMS = [
    p for p, action in zip(ACTION_PARAMS, YAML_ACTIONS, strict=True) if action.get("status")
]
DEADLINE_PARAMS = [
    p for p, action in zip(ACTION_PARAMS, YAML_ACTIONS, strict=True) if action.get("deadline")
]


@pytest.fixture(scope="module")
def memo() -> str:
    return normalise(MEMO_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stored(module_demo, django_db_blocker) -> dict:
    """What the loader stored, read back once from the module's demo (a second load in the
    same module would find the database holding the first)."""
    with django_db_blocker.unblock():
        plan = Plan.objects.get(slug=PLAN_SLUG)
        actions = {
            action.order: {
                "title": action.title,
                "text": action.text,
                "deadline_text": action.deadline_text,
                "notes": [update.note for update in action.status_updates.all()],
            }
            for action in plan.actions.prefetch_related("status_updates")
        }
        themes = list(plan.themes.values_list("title", "description"))
    return {"actions": actions, "themes": themes}


def section(plan: Plan, title: str) -> Theme:
    return Theme.objects.get(plan=plan, parent=None, title=title)


def section_actions(plan: Plan, title: str) -> list[Action]:
    """The actions under a top-level section, at any depth, in document order."""
    theme_ids, frontier = set(), [section(plan, title).id]
    while frontier:
        theme_ids.update(frontier)
        frontier = list(Theme.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
    return list(Action.objects.filter(theme_id__in=theme_ids).order_by("order"))


def action(plan: Plan, title: str) -> Action:
    return Action.objects.get(plan=plan, title=title)


def named(action: Action, kind: str) -> list[str]:
    """Who is named for an action, in order: the person's name, else the role."""
    return [
        r.person.name if r.person else r.role_text
        for r in action.responsibilities.filter(kind=kind).select_related("person")
    ]


def unit_states(day: dt.date) -> dict[str, object]:
    """Unit states on `day`, keyed by the unit's initial name."""
    units = list(Unit.objects.all())
    states = unit_states_on(units, UnitChange.objects.all(), day)
    return {unit.name: states[unit.id] for unit in units}


# --- Structure and completeness -------------------------------------------------------------


def test_top_level_sections_are_the_memos_four_in_order(plan):
    sections = Theme.objects.filter(plan=plan, parent=None).order_by("order")
    assert [theme.title for theme in sections] == SECTIONS
    assert sections[2].heading == "Bilaga 1: Uppföljning av tidigare beslutade åtgärder"


@pytest.mark.parametrize(
    ("title", "count"),
    [
        ("Återstående åtgärder", 5),
        ("Kommande åtgärder", 7),
        ("Uppföljning av tidigare beslutade åtgärder", 21),
    ],
)
def test_section_has_the_memos_number_of_actions(plan, title, count):
    assert len(section_actions(plan, title)) == count


def test_plan_has_33_actions_numbered_in_document_order(plan):
    assert list(plan.actions.order_by("order").values_list("order", flat=True)) == list(
        range(1, 34)
    )
    ordered = [a.id for title in SECTIONS for a in section_actions(plan, title)]
    assert ordered == list(plan.actions.order_by("order").values_list("id", flat=True))


def test_upcoming_actions_are_one_per_sub_heading_titled_as_the_heading(plan):
    headings = Theme.objects.filter(parent=section(plan, "Kommande åtgärder")).order_by("order")
    assert [theme.title for theme in headings] == UPCOMING_HEADINGS
    actions = section_actions(plan, "Kommande åtgärder")
    assert [a.title for a in actions] == UPCOMING_HEADINGS
    assert [a.theme.title for a in actions] == UPCOMING_HEADINGS


def test_follow_up_sub_headings_hold_the_memos_number_of_actions(plan):
    actions = section_actions(plan, "Uppföljning av tidigare beslutade åtgärder")
    counts: dict[str, int] = {}
    for a in actions:
        counts[a.theme.title] = counts.get(a.theme.title, 0) + 1
    assert list(counts.items()) == FOLLOW_UP_HEADINGS


def test_follow_up_section_is_numbered_bilaga_1(plan):
    assert section(plan, "Uppföljning av tidigare beslutade åtgärder").number == "Bilaga 1"


def test_plan_has_the_five_focus_areas_in_order(plan):
    areas = FocusArea.objects.filter(plan=plan).order_by("number")
    assert [(area.number, area.title) for area in areas] == list(enumerate(FOCUS_AREAS, 1))


def test_plan_header_matches_the_memo(plan):
    assert plan.title == (
        "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016"
    )
    assert plan.registration_number == "KFKS 2012/577-001"
    assert plan.owner.name == "Kommunstyrelsen"
    assert (plan.period_start, plan.period_end) == (dt.date(2015, 1, 1), dt.date(2016, 12, 31))


# --- Origin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "origin", "introduced_on"),
    [
        ("Återstående åtgärder", "earlier", dt.date(2014, 12, 1)),
        ("Kommande åtgärder", "new", MEMO_DAY),
        ("Uppföljning av tidigare beslutade åtgärder", "earlier", dt.date(2014, 12, 1)),
    ],
)
def test_section_actions_have_origin_and_introduction_day(plan, title, origin, introduced_on):
    actions = section_actions(plan, title)
    assert {(a.origin, a.introduced_on) for a in actions} == {(origin, introduced_on)}


# --- Responsibility -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "responsible", "supporting"),
    [
        (
            "Resultatkontrakt för alla chefer",
            ["Lena Dahlstedt", "respektive direktör"],
            ["Elisabeth Carle"],
        ),
        (
            "Stödverksamheter ska organiseras inom ordinarie stödenheter",
            ["respektive stödprocessdirektör"],
            [],
        ),
        (
            "Nya ägardirektiv för de två välfärdsområdena",
            ["Helena Meier", "Eva Olin", "Anette Böe", "Einar Fransson"],
            [],
        ),
        ("Utveckling av ledningsgruppen", ["Lena Dahlstedt"], ["extern konsult"]),
        ("Smart kommun", ["Klara Palmberg Broryd", "Mats Bohman"], []),
        (
            "Utveckling av alla chefer",
            ["Lena Dahlstedt", "Elisabeth Carle"],
            ["Kersti Hedqvist"],
        ),
        (
            "Förslag på tydligare strategiska mål för stadsbyggnadsområdet",
            [
                "Gunilla Glantz",
                "Dag Björklund",
                "Jenny Asmundsson",
                "Lena Dahlstedt",
                "Klara Palmberg Broryd",
            ],
            [],
        ),
    ],
)
def test_action_names_the_memos_responsible_and_supporting(plan, title, responsible, supporting):
    a = action(plan, title)
    assert named(a, "responsible") == responsible
    assert named(a, "supporting") == supporting


def test_role_only_responsibility_has_no_person_or_post(plan):
    a = action(plan, "Stödverksamheter ska organiseras inom ordinarie stödenheter")
    assert list(a.responsibilities.values_list("person", "post", "role_text")) == [
        (None, None, "respektive stödprocessdirektör")
    ]


def test_responsible_director_is_linked_to_the_post_named_in_the_memo(plan):
    a = action(plan, "Resultatkontrakt för alla chefer")
    assert [(r.kind, r.post.title if r.post else None) for r in a.responsibilities.all()] == [
        ("responsible", "stadsdirektör"),
        ("responsible", None),
        ("supporting", "personaldirektör"),
    ]


# --- Deadlines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "phrase", "date", "precision"),
    [
        ("Resultatkontrakt för alla chefer", "senast den 31 december 2015", "2015-12-31", "day"),
        (
            "Förslag på nya övergripande mål och strategiska mål",
            "under våren 2015",
            "2015-06-30",
            "season",
        ),
        (
            "Utbildning erbjuds nya ledamöter och ersättare i fullmäktige",
            "under första kvartalet 2015",
            "2015-03-31",
            "quarter",
        ),
        (
            "Extern utredning av om kommunen ska bilda ett VA-bolag",
            "senast 2016",
            "2016-12-31",
            "year",
        ),
        (
            "Miljö- och stadsbyggnadsnämnden ska ha ett myndighetsutskott",
            "till årsskiftet 2014/2015",
            "2014-12-31",
            "month",
        ),
        (
            "Ny enhet för strategisk ledning och styrning för den samlade territorieutvecklingen",
            "per den 1 januari 2015",
            "2015-01-01",
            "day",
        ),
        ("Utveckling av ledningsgruppen", "Under hösten 2015", "2015-12-31", "season"),
    ],
)
def test_deadline_keeps_the_phrase_and_its_last_day(plan, title, phrase, date, precision):
    a = action(plan, title)
    assert (a.deadline_text, a.deadline_date, a.deadline_precision) == (
        phrase,
        dt.date.fromisoformat(date),
        precision,
    )


def test_action_without_a_time_in_the_memo_has_no_deadline(plan):
    a = action(plan, "Smart kommun")
    assert (a.deadline_text, a.deadline_date, a.deadline_precision) == ("", None, "")


# --- Status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "status", "note"),
    [
        (
            "Förslag på nya övergripande mål och strategiska mål",
            "in_progress",
            "Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218.",
        ),
        (
            # Its text recurs in Bilaga 1 with a shorter note; this one says "utredningen".
            "Extern utredning av om kommunen ska bilda ett VA-bolag",
            "in_progress",
            "Nämndorganisation och utredning om VA-bolag genomförd, utredningen kommer att "
            "redovisas till kommunstyrelsen hösten 2015.",
        ),
        ("Ny tjänst som strategi- och förnyelsedirektör inrättas", "done", "Genomfört."),
        (
            "Markfrågorna flyttar från mark- och exploateringsenheten till nuvarande byggenheten",
            "done",
            "Genomfört. Ny enhetschef rekryterad till enheten för fastighetsutveckling från "
            "hösten 2015 då Lars Nylund lämnat kommunen för annat uppdrag.",
        ),
        ("Utbildning erbjuds nya ledamöter och ersättare i fullmäktige", "done", "Genomfört"),
    ],
)
def test_action_has_the_memos_status_and_note(plan, title, status, note):
    updates = action(plan, title).status_updates.all()
    assert [(u.date, u.status, u.note) for u in updates] == [(MEMO_DAY, status, note)]


def test_continuous_development_note_is_ongoing_on_the_three_support_actions(plan):
    updates = StatusUpdate.objects.filter(note="Pågår kontinuerlig utveckling.")
    assert [(u.action.title, u.status) for u in updates.order_by("action__order")] == [
        (
            "Serviceenheten kan i större utsträckning hantera ökat behov av intern service",
            "ongoing",
        ),
        ("Styrande dokument behöver fortsatt utvecklas", "ongoing"),
        (
            "Fortsatt utveckling om etik, moral och grundläggande värderingar och förhållningssätt",
            "ongoing",
        ),
    ]


def test_plain_genomfort_note_is_done_on_nine_actions(plan):
    updates = StatusUpdate.objects.filter(note="Genomfört.")
    assert updates.count() == 9
    assert set(updates.values_list("status", flat=True)) == {"done"}


# New actions whose own text says how they stand on the memo day.
NEW_WITH_STATUS = {
    "Smart kommun",
    "Utveckling av service till medborgare, förtroendevalda och medarbetare",
}


def test_every_earlier_action_has_one_memo_status_and_new_actions_none(plan):
    wrong = [
        a.title
        for a in plan.actions.all()
        if a.status_updates.count()
        != (1 if a.origin == "earlier" or a.title in NEW_WITH_STATUS else 0)
    ]
    assert wrong == []
    assert StatusUpdate.objects.filter(action__plan=plan).count() == 28


def test_all_memo_status_updates_are_dated_and_recorded_on_the_memo_day(plan):
    updates = StatusUpdate.objects.filter(action__plan=plan)
    assert {u.date for u in updates} == {MEMO_DAY}
    assert {timezone.localtime(u.recorded_at).date() for u in updates} == {MEMO_DAY}
    assert {u.author_id for u in updates} == {None}


def test_memo_statuses_count_per_code(plan):
    codes = list(StatusUpdate.objects.filter(action__plan=plan).values_list("status", flat=True))
    assert {code: codes.count(code) for code in set(codes)} == {
        "done": 16,
        "in_progress": 8,
        "ongoing": 4,
    }


# --- Verbatim against the memo --------------------------------------------------------------


@pytest.mark.parametrize(("order", "title"), ACTION_PARAMS)
def test_action_text_is_verbatim_in_the_memo(stored, memo, order, title):
    stored_action = stored["actions"][order]
    assert stored_action["title"] == title
    text = normalise(stored_action["text"])
    assert text
    assert text in memo


@pytest.mark.parametrize(("order", "title"), NOTED_PARAMS)
def test_action_status_note_follows_its_text_in_the_memo(stored, memo, order, title):
    """Each note is verbatim and sits right after its own action's text, so it is not misfiled;
    a new action without an italic note has a sentence of its own text as its note."""
    stored_action = stored["actions"][order]
    assert stored_action["title"] == title
    assert len(stored_action["notes"]) == 1
    text = normalise(stored_action["text"])
    for note in stored_action["notes"]:
        assert normalise(note) in memo
        if title in NEW_WITH_STATUS:
            assert normalise(note) in text
        else:
            assert f"{text} {normalise(note)}" in memo


@pytest.mark.parametrize(("order", "title"), DEADLINE_PARAMS)
def test_action_deadline_phrase_is_verbatim_in_its_text(stored, memo, order, title):
    stored_action = stored["actions"][order]
    assert stored_action["title"] == title
    phrase = stored_action["deadline_text"]
    assert phrase
    assert phrase in memo
    # A deadline stated by the status note ("återstående delar genomförs fram till …").
    said = [normalise(stored_action["text"]), *map(normalise, stored_action["notes"])]
    assert any(phrase in words for words in said)


def test_all_33_actions_were_checked_against_the_memo(stored):
    assert [a["title"] for _, a in sorted(stored["actions"].items())] == ACTION_TITLES
    assert len(ACTION_PARAMS) == 33
    assert len(NOTED_PARAMS) == 28


def test_every_theme_heading_and_description_is_verbatim_in_the_memo(stored, memo):
    for title, description in stored["themes"]:
        assert title in memo
        assert normalise(description) in memo


def test_focus_areas_and_summary_are_verbatim_in_the_memo(plan, memo):
    for area in FocusArea.objects.filter(plan=plan):
        assert area.title in memo
    assert normalise(plan.summary) in memo
    assert normalise(plan.subtitle) in memo


# --- People and posts -----------------------------------------------------------------------


def test_every_listed_name_occurs_in_the_memo(memo):
    assert [name for name in NAMES_IN_MEMO if name not in memo] == []


@pytest.mark.parametrize("name", NAMES_IN_MEMO)
def test_every_person_named_in_the_memo_is_one_person(demo, name):
    people = Person.objects.filter(Q(name=name) | Q(aliases__name=name)).distinct()
    assert people.count() == 1


def test_demo_has_exactly_the_people_of_the_memo(demo):
    # Besides them only the invented managers, who hold no post and are marked examples.
    invented = Person.objects.filter(tenures__isnull=True, manager_assignments__is_example=True)
    people = Person.objects.exclude(id__in=invented.values("id"))
    assert sorted(people.values_list("name", flat=True)) == sorted(
        set(NAMES_IN_MEMO) - {"Mats Boman"}
    )
    assert invented.distinct().count() == 20


def test_mats_boman_is_an_alias_of_mats_bohman(demo):
    bohman = Person.objects.get(name="Mats Bohman")
    assert list(bohman.aliases.values_list("name", flat=True)) == ["Mats Boman"]
    assert Person.objects.get(aliases__name="Mats Boman") == bohman
    assert not Person.objects.filter(name="Mats Boman").exists()


@pytest.mark.parametrize(("name", "title"), DIRECTOR_POSTS.items())
def test_director_holds_a_director_post(demo, name, title):
    tenures = Tenure.objects.filter(person__name=name, post__is_director=True)
    assert [t.post.title for t in tenures] == [title]


def test_klara_palmberg_broryd_changes_post_on_2015_01_01(demo):
    tenures = Tenure.objects.filter(person__name="Klara Palmberg Broryd").order_by("post__title")
    assert [(t.post.title, t.start, t.end) for t in tenures] == [
        ("stadsutvecklingsstrateg", None, dt.date(2014, 12, 31)),
        ("strategi- och förnyelsedirektör", dt.date(2015, 1, 1), None),
    ]
    klara = Person.objects.get(name="Klara Palmberg Broryd")
    before = posts_held_on(Tenure.objects.all(), dt.date(2014, 12, 31))[klara.id]
    after = posts_held_on(Tenure.objects.all(), dt.date(2015, 1, 1))[klara.id]
    assert [p.title for p in before] == ["stadsutvecklingsstrateg"]
    assert [p.title for p in after] == ["strategi- och förnyelsedirektör"]
    assert Post.objects.get(title="strategi- och förnyelsedirektör").valid_from == dt.date(
        2015, 1, 1
    )


def test_lars_nylund_no_longer_heads_fastighetsutveckling_on_the_memo_day(demo):
    post = Post.objects.get(leads_unit__name="Byggenheten")
    assert [t.person.name for t in post.tenures.all()] == ["Lars Nylund"]
    assert holders_on(post.tenures.all(), MEMO_DAY)[post.id] == []
    assert [p.name for p in holders_on(post.tenures.all(), dt.date(2015, 6, 1))[post.id]] == [
        "Lars Nylund"
    ]


# --- Organisation ---------------------------------------------------------------------------


def test_four_councils_have_their_responsible_directors(demo):
    councils = Body.objects.filter(kind="rad")
    holders = holders_on(Tenure.objects.all(), MEMO_DAY)
    assert {
        c.name: (c.responsible_post.title, [p.name for p in holders[c.responsible_post_id]])
        for c in councils
    } == {
        "Brottsförebyggande rådet": ("administrativ direktör", ["Mats Bohman"]),
        "Näringslivsrådet": ("näringslivsdirektör", ["Anders Börjesson"]),
        "Rådet för frågor kring funktionsnedsättning": (
            "social- och äldredirektör",
            ["Anders Fredriksson"],
        ),
        "Seniorrådet": ("social- och äldredirektör", ["Anders Fredriksson"]),
    }
    assert {c.parent.name for c in councils} == {"Kommunstyrelsen"}


def test_councils_get_support_from_fornyelseenheten(demo):
    states = unit_states_on(Unit.objects.all(), UnitChange.objects.all(), MEMO_DAY)
    councils = Body.objects.filter(kind="rad")
    assert [states[c.support_unit_id].name for c in councils] == ["Förnyelseenheten"] * 4


def test_committees_get_half_a_post_from_fornyelseenheten(demo):
    states = unit_states_on(Unit.objects.all(), UnitChange.objects.all(), MEMO_DAY)
    committees = Body.objects.filter(kind="kommitte")
    assert {
        c.name: (c.support_fte, states[c.support_unit_id].name, c.responsible_post.title)
        for c in committees
    } == {
        "Miljömålskommittén": (
            Decimal("0.5"),
            "Förnyelseenheten",
            "strategi- och förnyelsedirektör",
        ),
        "Mångfaldskommittén": (Decimal("0.5"), "Förnyelseenheten", "personaldirektör"),
    }


@pytest.mark.parametrize("name", ["Socialnämnden", "Äldrenämnden", "Natur- och trafiknämnden"])
def test_new_board_exists_from_2015_01_01(demo, name):
    board = Body.objects.get(name=name)
    assert (board.kind, board.valid_from, board.valid_to) == ("namnd", dt.date(2015, 1, 1), None)
    assert board.exists_on(dt.date(2014, 12, 31)) is False
    assert board.exists_on(dt.date(2015, 1, 1)) is True


def test_new_boards_have_their_responsible_directors(demo):
    assert {
        body.name: body.responsible_post.title
        for body in Body.objects.filter(
            name__in=["Socialnämnden", "Äldrenämnden", "Natur- och trafiknämnden"]
        )
    } == {
        "Socialnämnden": "social- och äldredirektör",
        "Äldrenämnden": "social- och äldredirektör",
        "Natur- och trafiknämnden": "natur- och trafikdirektör",
    }
    assert Body.objects.get(name="Socialutskottet").parent.name == "Socialnämnden"
    assert Body.objects.get(name="Myndighetsutskottet").parent.name == (
        "Miljö- och stadsbyggnadsnämnden"
    )


def test_samordnings_och_utvecklingsenheten_becomes_fornyelseenheten_on_2015_01_01(demo):
    before = unit_states(dt.date(2014, 12, 31))["Samordnings- och utvecklingsenheten"]
    after = unit_states(dt.date(2015, 1, 1))["Samordnings- och utvecklingsenheten"]
    assert before.name == "Samordnings- och utvecklingsenheten"
    assert after.name == "Förnyelseenheten"
    assert before.responsible_post_id is None
    assert Post.objects.get(pk=after.responsible_post_id).title == "strategi- och förnyelsedirektör"


def test_sociala_ekonomienheten_is_dissolved_at_the_turn_of_the_year(demo):
    assert unit_states(dt.date(2014, 12, 31))["Sociala ekonomienheten"].exists is True
    assert unit_states(dt.date(2015, 1, 1))["Sociala ekonomienheten"].exists is False


def test_enheten_for_strategisk_stadsutveckling_is_created_on_2015_01_01(demo):
    name = "Enheten för strategisk stadsutveckling"
    assert unit_states(dt.date(2014, 12, 31))[name].exists is False
    assert unit_states(dt.date(2015, 1, 1))[name].exists is True
    head = Post.objects.get(leads_unit__name=name)
    assert [p.name for p in holders_on(head.tenures.all(), MEMO_DAY)[head.id]] == [
        "Andreas Totschnig"
    ]


@pytest.mark.parametrize(
    ("unit", "before", "after"),
    [
        ("Byggenheten", "Byggenheten", "Enheten för fastighetsutveckling"),
        (
            "Mark- och exploateringsenheten",
            "Mark- och exploateringsenheten",
            "Exploateringsenheten",
        ),
    ],
)
def test_unit_is_renamed_on_2015_01_01(demo, unit, before, after):
    assert unit_states(dt.date(2014, 12, 31))[unit].name == before
    assert unit_states(dt.date(2015, 1, 1))[unit].name == after


def test_idrottsdriften_moves_to_valfard_samhallsservice_on_2015_01_01(demo):
    samhallsservice = Unit.objects.get(name="Välfärd samhällsservice")
    assert unit_states(dt.date(2014, 12, 31))["Idrottsdriften"].parent_id is None
    assert unit_states(dt.date(2015, 1, 1))["Idrottsdriften"].parent_id == samhallsservice.id


def test_mottagningsgruppen_moves_to_kontaktcenter_on_2015_09_01(demo):
    group = "Mottagningsgruppen för ekonomiskt bistånd"
    kontaktcenter = Unit.objects.get(name="Kontaktcenter")
    arbete = Unit.objects.get(name="Arbets- och företagsenheten")
    assert unit_states(dt.date(2015, 8, 31))[group].parent_id == arbete.id
    assert unit_states(dt.date(2015, 9, 1))[group].parent_id == kontaktcenter.id


def test_teknik_och_stadsbyggnadsstaben_is_gone_on_the_memo_day(demo):
    assert unit_states(dt.date(2015, 1, 1))["Teknik- och stadsbyggnadsstaben"].exists is True
    assert unit_states(MEMO_DAY)["Teknik- och stadsbyggnadsstaben"].exists is False
