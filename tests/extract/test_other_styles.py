"""Plans written in other municipalities' styles: the rules are for the language, not one file."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.document import extract_text
from styr.extract.segment import extract_actions

BULLETS = """Handlingsplan för klimat 2016–2018
Dnr KS 2016/45-001, 2016-01-20

1 Energi

- Ta fram en energiplan för kommunens fastigheter. Ansvar: Fastighetschef. Klart senast: 2016-12-31.
- Byt all gatubelysning till LED under 2017. Ansvarig: Anna Svensson, teknisk chef.
- Utred solceller på skolornas tak. Ansvarig: Per Olsson (energistrateg). Klart: tertial 2 2017. Status: Pågår

2 Transporter

1. Inför cykelpool för anställda vecka 12 2016. Ansvarig: HR-chef Lisa Ek. Ej påbörjad.
2. Kommunens bilar ska vara fossilfria senast 2018. Ansvarig nämnd: Tekniska nämnden.
"""

TABLE = """Verksamhetsplan 2017

Åtgärder för bättre service

| Åtgärd | Ansvar | Klart senast | Status |
| Ny webbplats med e-tjänster | Kommunikationschef Eva Holm | 2017-06-30 | Pågår |
| Kontaktcenter öppet till 18 | Servicechef | hösten 2017 | Ej påbörjad |
| Chattfunktion på webben | Karin Berg, IT-chef | Q4 2017 | Klart |
"""

PROSE = """2016-03-01

TJÄNSTESKRIVELSE

Förslag till beslut

Kommunfullmäktige antar handlingsplanen.

Sammanfattning

Kommunen ska bli bättre på att ta emot nyanlända. Planen beskriver hur.

Åtgärder

Socialförvaltningen ska inrätta en introduktionsenhet senast den 1 september 2016. Ansvarig är socialchef Johan Lind i nära samverkan med arbetsmarknadsenheten.

Samtliga skolor erbjuder språkstöd från och med höstterminen 2016.

Ekonomiska konsekvenser

Kostnaden ska rymmas inom budget 2016.
"""


def actions(text):
    return extract_text(text, "plan.txt")["actions"]


def test_bullet_lists_with_ansvar_and_klart_senast_labels():
    found = actions(BULLETS)
    assert [a["theme"] for a in found] == ["1 Energi"] * 3 + ["2 Transporter"] * 2
    energy, light, solar, bikes, cars = found
    assert energy["responsible"] == [{"name": None, "role": "fastighetschef"}]
    assert energy["deadline"]["date"] == "2016-12-31"
    assert light["responsible"] == [{"name": "Anna Svensson", "role": "teknisk chef"}]
    assert light["deadline"] == {"text": "under 2017", "date": "2017-12-31", "precision": "year"}
    assert solar["responsible"] == [{"name": "Per Olsson", "role": "energistrateg"}]
    assert solar["deadline"]["date"] == "2017-08-31"
    assert solar["status"] == {"text": "Pågår", "code": "in_progress"}
    assert bikes["responsible"] == [{"name": "Lisa Ek", "role": "HR-chef"}]
    assert bikes["deadline"]["precision"] == "week"
    assert bikes["status"]["code"] == "not_started"
    assert cars["responsible"] == [{"name": None, "role": "Tekniska nämnden"}]
    assert cars["deadline"]["date"] == "2018-12-31"


def test_a_flattened_table_gives_one_action_per_row():
    web, centre, chat = actions(TABLE)
    assert web["text"] == "Ny webbplats med e-tjänster"
    assert web["theme"] == "Åtgärder för bättre service"
    assert web["responsible"] == [{"name": "Eva Holm", "role": "kommunikationschef"}]
    assert web["deadline"] == {"text": "2017-06-30", "date": "2017-06-30", "precision": "day"}
    assert web["status"] == {"text": "Pågår", "code": "in_progress"}
    assert centre["responsible"] == [{"name": None, "role": "servicechef"}]
    assert centre["deadline"]["date"] == "2017-12-31"
    assert centre["status"]["code"] == "not_started"
    assert chat["responsible"] == [{"name": "Karin Berg", "role": "IT-chef"}]
    assert chat["deadline"]["precision"] == "quarter"
    assert chat["status"]["code"] == "done"


def test_decision_summary_and_economy_are_not_actions_and_a_start_date_is_no_deadline():
    (action,) = actions(PROSE)
    assert action["text"].startswith("Socialförvaltningen ska inrätta en introduktionsenhet")
    assert action["deadline"]["date"] == "2016-09-01"
    assert action["responsible"] == [{"name": "Johan Lind", "role": "socialchef"}]
    assert action["supporting"] == [{"name": None, "role": "arbetsmarknadsenheten"}]


def test_the_memo_as_a_word_file_gives_the_same_actions(tmp_path):
    import docx

    from styr.demo.loader import DEMO_FILE
    from styr.extract.document import extract_file

    memo = DEMO_FILE.with_name("nacka2015-memo.txt")
    document = docx.Document()
    for block in memo.read_text(encoding="utf-8").split("\n\n"):
        paragraph = document.add_paragraph()
        for index, piece in enumerate(block.strip().split("*")):
            paragraph.add_run(piece).italic = index % 2 == 1
    path = tmp_path / "memo.docx"
    document.save(path)
    from_word = extract_file(path)["actions"]
    from_text = extract_file(memo)["actions"]
    assert [(a["text"], a["status"], a["deadline"]) for a in from_word] == [
        (a["text"], a["status"], a["deadline"]) for a in from_text
    ]
    assert len(from_word) == 33  # the memo's actions; Övrigt's standing duties are not actions


WORDS = st.sampled_from(
    [
        "Ansvarig",
        "är",
        "Ansvariga",
        "direktör",
        "Anna",
        "Svensson",
        "senast",
        "den",
        "31",
        "december",
        "2015",
        "under",
        "våren",
        "2016",
        "*Genomfört.*",
        "Pågår.",
        "|",
        "Åtgärd",
        "|",
        "Ansvar",
        "|",
        "Klart",
        "-",
        "1.",
        "#",
        "Rubrik",
        "\n",
        "\n\n",
        "från",
        "och",
        "med",
        "vecka",
        "12",
        "tertial",
        "2",
        "årsskiftet",
        "2015/2016",
        "–",
        "ska",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.text(max_size=12), max_size=80).map(" ".join))
def test_arbitrary_plan_like_text_never_raises(text):
    for action in actions(text):
        assert action["text"] is not None
        if action["deadline"]:
            dt.date.fromisoformat(action["deadline"]["date"])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    actions(text)


def test_a_standing_duty_is_not_an_action_but_a_duty_with_a_date_is():
    text = (
        "# Övrigt\n\n"
        "Ekonomichef Per Andersson är ansvarig för att följa upp budgeten löpande.\n\n"
        "Kanslichef Eva Berg ansvarar för att ta fram en ny delegationsordning senast "
        "den 30 juni 2021.\n"
    )
    actions = extract_actions(text)
    assert [a.text for a in actions] == [
        "Kanslichef Eva Berg ansvarar för att ta fram en ny delegationsordning senast "
        "den 30 juni 2021."
    ]


def test_an_opening_sentence_that_says_how_the_work_stands_is_its_status():
    started, continuous, background = extract_actions(
        "# Digitalisering\n\n"
        "Under hösten 2020 startades arbetet med e-tjänster. Ansvarig är IT-chef Sara Lind.\n\n"
        "# Service\n\n"
        "Utvecklingen av servicen pågår kontinuerligt inom kontaktcenter. Ansvarig är "
        "servicechef Ali Nur.\n\n"
        "# Kommunikation\n\n"
        "Kommunikationen ska utvecklas. Under våren genomfördes en översyn. Ansvarig är "
        "kommunikationschef Ola Ek.\n"
    )
    assert (started.status_code, started.status_text) == (
        "in_progress",
        "Under hösten 2020 startades arbetet med e-tjänster.",
    )
    assert continuous.status_code == "ongoing"
    assert background.status_code is None  # a later sentence tells the background


def test_a_note_sets_the_time_when_the_text_gives_none():
    (action,) = extract_actions(
        "2015-09-02\n\n# Återstående\n\n"
        "Alla enheter ska organisera sina stödverksamheter inom ordinarie stödenheter. "
        "Ansvarig är respektive stödprocessdirektör. *Arbetet pågår, återstående delar "
        "genomförs fram till årsskiftet 2015/16.*\n"
    )
    assert action.deadline is not None
    assert action.deadline.date.isoformat() == "2015-12-31"
