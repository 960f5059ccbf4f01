"""Follow-ups and planning-system views: one entry per assignment with its status and owner.

Texts written for these tests in the shapes municipalities publish: a follow-up list with
status labels in capitals and the committee in brackets or as a heading, a Stratsys-like view
flattened with " . " separators, a labelled page (Åtgärdsstatus, Ansvarig organisation,
Tidsplan), numbered assignments ("Uppdrag 1.2") and flattened table rows ("1:1").
"""

from styr.extract.segment import extract_actions

FOLLOW_UP = """Uppföljning av kommunfullmäktiges uppdrag, december 2023

Kommunstyrelsen
Utreda möjligheten att samordna kommunens växelfunktioner (KS) AVSLUTAT Uppdraget redovisades i oktober.
Ta fram en plan för laddinfrastruktur vid kommunens arbetsplatser (KS) PÅGÅENDE Arbetet beräknas klart våren 2024.
Barn- och utbildningsnämnden
Se över reglerna för skolskjuts inom kommunen (BUN) EJ PÅBÖRJAT
"""

STRATSYS = """Kommunstyrelsens uppdrag 2023 . Uppföljning per tertial 2

Uppdrag . Status . Ansvarig . Kommentar
Ta fram en ny översiktsplan för kommunen . Pågår . Samhällsbyggnadsförvaltningen . Samråd hölls i maj.
Utreda förutsättningarna för ett nytt badhus . Avslutat . Kultur- och fritidsförvaltningen . Redovisad i mars.
Införa digital signering av protokoll . Ej påbörjad . Kommunledningskontoret . Startar 2024.
"""

STRATSYS_LABELS = """Uppföljning av nämndens aktiviteter

Aktivitet: Kartlägga behovet av förskoleplatser i centrala orten . Status: Pågår . Ansvarig: Förskoleavdelningen . Kommentar: Underlag klart i juni.
Aktivitet: Införa ett gemensamt system för elevhälsans journaler . Status: Klar . Ansvarig: Elevhälsochefen . Kommentar: Systemet används sedan januari.
"""

LABELLED_PAGE = """Åtgärd 4.2 Energieffektivisera kommunens lokaler
Åtgärdsstatus: Pågående
Ansvarig organisation: Fastighetsavdelningen
Tidsplan: 2022–2025
Beskrivning: Kommunens egna lokaler ska minska sin energianvändning genom ny styrning av ventilation och belysning.

Åtgärd 4.3 Solceller på kommunens tak
Åtgärdsstatus: Genomförd
Ansvarig organisation: Kommunfastigheter AB
Tidsplan: 2021
"""

NUMBERED = """Uppdrag i budget 2024

Uppdrag 1.1 Socialnämnden ska ta fram en plan för kompetensförsörjning i äldreomsorgen.
Uppdrag 1.2 Samtliga nämnder ska införa heltid som norm senast 2025.
Uppdrag 1.3 Kommunstyrelsen ska utreda en gemensam lokalförsörjningsenhet.
"""

FLAT_TABLE = """Handlingsplan klimatanpassning 2023–2025

1:1 Kartlägga kommunens klimatrisker Miljöenheten 2023 Klar
1:2 Ta fram en handlingsplan för skyfall Tekniska förvaltningen 2024 Pågår
1:3 Informera fastighetsägare om översvämningsrisker Miljöenheten 2025 Ej påbörjad
"""


def titles(actions):
    return [a.title for a in actions]


def test_a_follow_up_with_capital_status_labels_gives_one_action_per_line():
    found = extract_actions(FOLLOW_UP)
    assert [a.title.split(" (")[0] for a in found] == [
        "Utreda möjligheten att samordna kommunens växelfunktioner",
        "Ta fram en plan för laddinfrastruktur vid kommunens arbetsplatser",
        "Se över reglerna för skolskjuts inom kommunen",
    ]
    assert [a.status_code for a in found] == ["done", "in_progress", "not_started"]
    assert [a.status_text for a in found] == ["AVSLUTAT", "PÅGÅENDE", "EJ PÅBÖRJAT"]
    assert [a.theme for a in found] == ["Kommunstyrelsen"] * 2 + ["Barn- och utbildningsnämnden"]
    assert all(a.confidence >= 0.8 for a in found)


def test_a_stratsys_view_with_dot_separators_reads_its_columns():
    plan, bath, signing = extract_actions(STRATSYS)
    assert plan.text == "Ta fram en ny översiktsplan för kommunen"
    assert (plan.status_code, bath.status_code, signing.status_code) == (
        "in_progress",
        "done",
        "not_started",
    )
    assert [p.role for p in bath.responsible] == ["Kultur- och fritidsförvaltningen"]
    assert plan.confidence >= 0.9


def test_a_stratsys_view_with_labels_on_one_line_gives_one_action_per_line():
    places, journals = extract_actions(STRATSYS_LABELS)
    assert places.title == "Kartlägga behovet av förskoleplatser i centrala orten"
    assert (places.status_text, places.status_code) == ("Pågår", "in_progress")
    assert journals.status_code == "done"
    assert [p.role for p in places.responsible] == ["Förskoleavdelningen"]


def test_a_labelled_page_gives_one_action_with_its_fields():
    lights, solar = extract_actions(LABELLED_PAGE)
    assert lights.title == "Energieffektivisera kommunens lokaler"
    assert (lights.status_text, lights.status_code) == ("Pågående", "in_progress")
    assert lights.deadline is not None and lights.deadline.date.isoformat() == "2025-12-31"
    assert [p.role for p in lights.responsible] == ["Fastighetsavdelningen"]
    assert solar.status_code == "done"
    assert solar.deadline is not None and solar.deadline.date.isoformat() == "2021-12-31"


def test_numbered_assignments_uppdrag_1_2_are_one_action_each():
    found = extract_actions(NUMBERED)
    assert [a.title for a in found] == [
        "Socialnämnden ska ta fram en plan för kompetensförsörjning i äldreomsorgen",
        "Samtliga nämnder ska införa heltid som norm senast 2025",
        "Kommunstyrelsen ska utreda en gemensam lokalförsörjningsenhet",
    ]
    assert found[1].deadline is not None and found[1].deadline.date.isoformat() == "2025-12-31"


def test_a_flattened_table_numbered_1_1_gives_one_action_per_row_with_its_status():
    found = extract_actions(FLAT_TABLE)
    assert [a.title.split(" Miljöenheten")[0].split(" Tekniska")[0] for a in found] == [
        "Kartlägga kommunens klimatrisker",
        "Ta fram en handlingsplan för skyfall",
        "Informera fastighetsägare om översvämningsrisker",
    ]
    assert [a.status_code for a in found] == ["done", "in_progress", "not_started"]


PROGRESS_AFTER = """Uppdrag från fullmäktige

Kommunfullmäktige gav 2023 tekniska nämnden i uppdrag att ta fram en dagvattenplan.

Uppdraget är genomfört.

Kommunfullmäktige gav samtidigt kultur- och fritidsnämnden i uppdrag att se över hyrorna för idrottshallar.

Arbetet pågår enligt plan.
"""


def test_a_progress_sentence_after_an_assignment_is_its_status():
    rain, halls = extract_actions(PROGRESS_AFTER)
    assert (rain.status_text, rain.status_code) == ("Uppdraget är genomfört.", "done")
    assert (halls.status_text, halls.status_code) == ("Arbetet pågår enligt plan.", "in_progress")


LABELS_ABOVE_VALUES = """Miljöbarometern – Åtgärd 7

Ställa om kommunens bilpool till elbilar

Åtgärdsstatus
Genomförd

Ansvarig organisation
Fordonsenheten

Tidsplan
2021-2023
"""

ASSIGNMENT_RECORDS = """Nämndens uppdrag – uppföljning oktober 2024

Uppdrag 1: Ta fram en plan för minskad sjukfrånvaro
Beslutat: SN 2023-05-10 § 88
Status: Pågår. Planen presenteras i december.

Uppdrag 2: Införa digital ansökan om bistånd
Beslutat: SN 2024-01-20 § 12
Status: Ej påbörjat
"""


def test_a_labelled_page_with_each_label_above_its_value_is_one_action():
    (action,) = extract_actions(LABELS_ABOVE_VALUES)
    assert action.title == "Ställa om kommunens bilpool till elbilar"
    assert (action.status_text, action.status_code) == ("Genomförd", "done")
    assert [p.role for p in action.responsible] == ["Fordonsenheten"]
    assert action.deadline is not None and action.deadline.date.isoformat() == "2023-12-31"


def test_a_records_decision_date_is_neither_its_text_nor_its_deadline():
    plan, digital = extract_actions(ASSIGNMENT_RECORDS)
    assert plan.title == "Ta fram en plan för minskad sjukfrånvaro"
    assert plan.deadline is None and digital.deadline is None
    assert "Beslutat" not in plan.text
    assert (plan.status_code, digital.status_code) == ("in_progress", "not_started")


STRATSYS_LABEL_CELLS = """\
Handlingsplan 2025 . Miljönämnden . Insatser
Insats . Inventera förorenade områden vid hamnen . Ansvarig . Miljöenheten . Status . Klar . Slutdatum . 2025-05-31 . Kommentar . Rapport lämnad.
Insats . Informera lantbrukare om spridningsregler . Ansvarig . Miljöinspektör . Status . Ej påbörjad . Slutdatum . tertial 3 2025 . Kommentar .
"""


def test_a_stratsys_view_with_each_label_in_a_cell_before_its_value_reads_the_fields():
    survey, advice = extract_actions(STRATSYS_LABEL_CELLS)
    assert survey.title == "Inventera förorenade områden vid hamnen"
    # "Klar" is a status here, though it could be the label "Klar:" (a deadline's).
    assert (survey.status_text, survey.status_code) == ("Klar", "done")
    assert survey.deadline.date.isoformat() == "2025-05-31"
    assert [p.role for p in survey.responsible] == ["Miljöenheten"]
    assert (advice.status_code, advice.deadline.date.isoformat()) == ("not_started", "2025-12-31")


LABELS_ABOVE_WITH_DESCRIPTION = """\
Åtgärd 4: Cykelparkering vid stationer
Åtgärdsstatus
Ej påbörjad
Ansvarig organisation
Trafikenheten
Tidsplan
2026
Beskrivning
Vid alla pendeltågsstationer ska det byggas väderskyddade cykelparkeringar med laddning för elcyklar.
"""


def test_a_long_description_among_a_records_fields_belongs_to_the_record():
    (parking,) = extract_actions(LABELS_ABOVE_WITH_DESCRIPTION)
    assert parking.title == "Cykelparkering vid stationer"  # "Åtgärd 4:" is its label
    assert "väderskyddade cykelparkeringar" in parking.text
    assert (parking.status_code, parking.deadline.date.isoformat()) == ("not_started", "2026-12-31")


FOLLOW_UP_WITH_COMMENTS = """\
Uppföljning av uppdrag 2025

Kommunstyrelsen
Ta fram en ny arkivplan senast oktober 2025 (KS) PÅGÅENDE Ett förslag har skickats på remiss.
"""


def test_who_and_when_of_a_status_labelled_line_come_from_the_assignment_not_its_comment():
    (archive,) = extract_actions(FOLLOW_UP_WITH_COMMENTS)
    assert [p.role for p in archive.responsible] == ["KS"]
    assert archive.deadline.date.isoformat() == "2025-10-31"
    assert "skickats på remiss" in archive.text


CASE_RECORDS = """Uppföljning av kommunfullmäktiges uppdrag 2023

KS 2022/130 Ta fram en policy för sociala hänsyn i upphandling
Ansvarig: Kommunstyrelsen
Status: Pågår
Kommentar: Förslag skickas på remiss under våren 2024.

BUN 2022/88 Se över skolskjutsreglerna
Ansvarig: Barn- och utbildningsnämnden
Status: Ej påbörjat
"""


def test_a_follow_up_record_under_its_case_number_is_titled_by_the_assignment():
    policy, transport = extract_actions(CASE_RECORDS)
    assert policy.title == "Ta fram en policy för sociala hänsyn i upphandling"
    assert CASE_RECORDS[policy.span[0] :].startswith("KS 2022/130")
    assert (policy.status_code, transport.status_code) == ("in_progress", "not_started")
    assert [p.role for p in transport.responsible] == ["Barn- och utbildningsnämnden"]


FULL_STOP_BEFORE_LABEL = """Uppföljning av nämndens uppdrag, augusti 2026

Miljö- och byggnämnden
Digitalisera handläggningen av strandskyddsärenden. PÅGÅENDE Ett nytt e-formulär testas.
Ta fram en tillsynsplan för förorenade områden. AVSLUTAT Planen antogs i maj.
Utreda avgifter för enskilda avlopp. EJ PÅBÖRJAT
"""


def test_a_status_label_in_capitals_after_the_assignments_full_stop_ends_its_line():
    found = extract_actions(FULL_STOP_BEFORE_LABEL)
    assert [a.title for a in found] == [
        "Digitalisera handläggningen av strandskyddsärenden",
        "Ta fram en tillsynsplan för förorenade områden",
        "Utreda avgifter för enskilda avlopp",
    ]
    assert [a.status_text for a in found] == ["PÅGÅENDE", "AVSLUTAT", "EJ PÅBÖRJAT"]
    assert [a.status_code for a in found] == ["in_progress", "done", "not_started"]


FIELDS_ON_ONE_LINE = """Åtgärd 7: Byta till LED-belysning i idrottshallarna
Status: Genomförd | Ansvarig: Fastighetsenheten | Tidsplan: 2025
Beskrivning: Samtliga hallar har fått ny belysning.

Åtgärd 8: Solceller på nya förskolor
Status: Pågående | Ansvarig: Kommunfastigheter AB | Tidsplan: 2025–2028
"""


def test_labelled_fields_separated_by_bars_on_one_line_are_each_read():
    lights, solar = extract_actions(FIELDS_ON_ONE_LINE)
    assert (lights.status_text, lights.status_code) == ("Genomförd", "done")
    assert [p.role for p in lights.responsible] == ["Fastighetsenheten"]
    assert lights.deadline is not None and lights.deadline.date.isoformat() == "2025-12-31"
    assert solar.title == "Solceller på nya förskolor"
    assert (solar.status_text, solar.status_code) == ("Pågående", "in_progress")
    assert [p.role for p in solar.responsible] == ["Kommunfastigheter AB"]
    assert solar.deadline is not None and solar.deadline.date.isoformat() == "2028-12-31"


WHAT_WHO_WHEN = """Handlingsplan för ökad läsning 2026

Vad: Starta bokcirklar för nyanlända föräldrar
Vem: Biblioteket
När: Mars 2026

Vad: Dela ut en bok till alla sexåringar
Vem: Förskoleklasserna
När: Senast 30 september 2026
"""

INVITATION = """Välkommen på informationsmöte om nya detaljplanen
När: 14 april 2026 kl. 18.00
Var: Stadshuset
"""


def test_a_plan_written_as_what_who_when_gives_one_action_per_what():
    circles, books = extract_actions(WHAT_WHO_WHEN)
    assert circles.title == "Starta bokcirklar för nyanlända föräldrar"
    assert [p.role for p in circles.responsible] == ["Biblioteket"]
    assert circles.deadline is not None and circles.deadline.date.isoformat() == "2026-03-31"
    assert books.deadline is not None and books.deadline.date.isoformat() == "2026-09-30"


def test_when_and_where_under_an_invitation_is_no_action():
    assert extract_actions(INVITATION) == []
