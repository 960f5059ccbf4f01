"""Tables whose header row names the columns: copied with tabs, or flattened with " . ".

Texts written for these tests: a planning table pasted from a spreadsheet (one tab between
cells), and a Stratsys-like view whose header names columns that are not read ("Startdatum",
"Nr"), which is still a header and no action of its own.
"""

from styr.extract.segment import extract_actions

TABBED = (
    "Bilaga 3. Uppdrag till nämnderna 2026\n\n"
    "Nr\tUppdrag\tAnsvar\tRedovisas\n"
    "4.1\tKartlägga lokalbehovet för gymnasieskolan\tUtbildningsnämnden\tQ2 2026\n"
    "4.2\tInföra gemensam kundtjänst för bygglov och miljö\tKommunstyrelsen\tOktober 2026\n"
    "4.3\tTa fram riktlinjer för offentlig konst\t\t2026-12-15\n"
)

DOT_HEADER = """Verksamhetsplan 2026 – Tekniska nämnden

Aktivitet . Ansvarig . Startdatum . Slutdatum . Status
Byta gatubelysning till LED i Västra delen . Gatuchef . 2025-03-01 . 2026-09-30 . Pågår
Utreda nytt avfallshanteringssystem . Avfallschef . 2026-01-01 . 2026-11-30 . Ej påbörjad
"""


def test_a_tab_separated_table_reads_each_rows_cells_by_the_header():
    hall, service, art = extract_actions(TABBED)
    assert hall.text == "Kartlägga lokalbehovet för gymnasieskolan"
    assert [p.role for p in hall.responsible] == ["Utbildningsnämnden"]
    assert [p.role for p in service.responsible] == ["Kommunstyrelsen"]
    assert hall.deadline is not None and hall.deadline.date.isoformat() == "2026-06-30"
    assert service.deadline is not None and service.deadline.date.isoformat() == "2026-10-31"


def test_an_empty_cell_of_a_tab_separated_row_keeps_the_columns_in_place():
    *_, art = extract_actions(TABBED)
    assert art.responsible == []
    assert art.deadline is not None and art.deadline.date.isoformat() == "2026-12-15"


def test_a_header_naming_columns_that_are_not_read_is_no_action():
    lights, waste = extract_actions(DOT_HEADER)
    assert lights.text == "Byta gatubelysning till LED i Västra delen"
    assert [p.role.lower() for p in lights.responsible] == ["gatuchef"]
    assert [p.role.lower() for p in waste.responsible] == ["avfallschef"]
    assert waste.deadline is not None and waste.deadline.date.isoformat() == "2026-11-30"
    assert (lights.status_code, waste.status_code) == ("in_progress", "not_started")


BODY_COLUMN = """Uppföljning av fullmäktiges uppdrag, maj 2026

| Uppdrag | Nämnd | Status |
|---|---|---|
| Utreda ett gemensamt löneservicecenter | Kommunstyrelsen | Pågår |
| Se över öppettiderna i simhallen | Fritidsnämnden | Klar |
"""


def test_a_column_headed_by_the_committee_names_who_is_responsible():
    payroll, pool = extract_actions(BODY_COLUMN)
    assert [p.role for p in payroll.responsible] == ["Kommunstyrelsen"]
    assert [p.role for p in pool.responsible] == ["Fritidsnämnden"]
