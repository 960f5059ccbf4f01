"""Spreadsheets: one action per row under a header row, dates as ISO dates, titles and group
names as paragraphs; a spreadsheet bomb is refused like a Word bomb."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from styr.extract.document import extract_file
from styr.extract.readers import DocumentTooLarge, UnreadableDocument, read_document
from tests.extract.hostile import PADDING


def workbook(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Åtgärder"
    sheet.append(["Handlingsplan för klimat 2025–2026"])
    sheet.append([])
    sheet.append(["Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status", None])
    sheet.append(
        [1, "Solceller på alla nya förskolor", "Fastighetschef", dt.datetime(2025, 12, 31), "Pågår"]
    )
    sheet.append(
        [2.0, "Laddplatser vid kommunhuset | etapp 2", "Tekniska nämnden", "Q3 2026", "Ej påbörjad"]
    )
    sheet.append([3, "Klimatbudget i\nårsredovisningen", None, None, "Klar"])
    sheet.append([])
    sheet.append(["Beslutad av kommunfullmäktige 2025-01-27"])
    hidden = book.create_sheet("Lista")
    hidden.append(["Pågår", "Klar", "Ej påbörjad"])
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def test_each_row_is_a_table_row_under_its_header(tmp_path):
    text = read_document(workbook(tmp_path / "plan.xlsx"))
    assert text == (
        "Handlingsplan för klimat 2025–2026\n\n"
        "| Nr | Åtgärd | Ansvarig | Klart senast | Status |\n"
        "| 1 | Solceller på alla nya förskolor | Fastighetschef | 2025-12-31 | Pågår |\n"
        "| 2 | Laddplatser vid kommunhuset / etapp 2 | Tekniska nämnden | Q3 2026 | Ej påbörjad |\n"
        "| 3 | Klimatbudget i årsredovisningen |  |  | Klar |\n\n"
        "Beslutad av kommunfullmäktige 2025-01-27"
    )


def test_several_visible_sheets_are_headed_by_their_names(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Skola"
    book.active.append(["Åtgärd", "Ansvarig"])
    book.active.append(["Läxhjälp på alla skolor", "Rektor"])
    book.create_sheet("Omsorg").append(["Åtgärd", "Ansvarig"])
    book["Omsorg"].append(["Fler platser i dagverksamhet", "Äldreomsorgschef"])
    book.save(tmp_path / "två.xlsx")
    text = read_document(tmp_path / "två.xlsx")
    assert text.startswith("# Skola\n\n| Åtgärd | Ansvarig |")
    assert (
        "# Omsorg\n\n| Åtgärd | Ansvarig |\n| Fler platser i dagverksamhet | Äldreomsorgschef |"
        in text
    )


def test_a_spreadsheet_gives_one_action_per_row_with_its_columns(tmp_path):
    document = extract_file(workbook(tmp_path / "plan.xlsx"))
    actions = {a["title"]: a for a in document["actions"]}
    solar = actions["Solceller på alla nya förskolor"]
    assert solar["deadline"]["date"] == "2025-12-31"
    assert solar["status"]["code"] == "in_progress"
    assert [(p["role"] or p["name"]).lower() for p in solar["responsible"]] == ["fastighetschef"]
    assert actions["Klimatbudget i årsredovisningen"]["status"]["code"] == "done"


def test_a_spreadsheet_bomb_is_refused_before_openpyxl_reads_it(tmp_path):
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    path = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for entry in source.infolist():
            bomb.writestr(entry, source.read(entry))
        with bomb.open("xl/padding.xml", "w") as part:
            for _ in range(60):
                part.write(PADDING)
    with pytest.raises(DocumentTooLarge, match=r"bomb.xlsx: the spreadsheet inflates to 60 MB"):
        read_document(path)


def test_a_file_that_is_no_spreadsheet_is_named(tmp_path):
    path = tmp_path / "fel.xlsx"
    path.write_text("Nr;Åtgärd;Ansvarig\n1;Ny webb;IT-chef\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="fel.xlsx: not a valid spreadsheet"):
        read_document(path)


def test_group_rows_head_their_rows_and_a_row_with_only_its_action_stays_in_the_table(
    tmp_path,
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Uppdrag", "Ansvarig", "Klart"])
    sheet.append(["Kommunstyrelsen"])
    sheet.append(["Utreda ett nytt kommunhus", "Kommundirektören", "2026-12-31"])
    sheet.append(["Barn- och utbildningsnämnden"])
    sheet.append(["Se över skolskjutsarna", "Förvaltningschef", "2026-06-30"])
    sheet.append(["Ta fram en plan för läsfrämjande insatser."])
    book.save(tmp_path / "grupper.xlsx")
    assert read_document(tmp_path / "grupper.xlsx") == (
        "| Uppdrag | Ansvarig | Klart |\n\n"
        "# Kommunstyrelsen\n\n"
        "| Uppdrag | Ansvarig | Klart |\n"
        "| Utreda ett nytt kommunhus | Kommundirektören | 2026-12-31 |\n\n"
        "# Barn- och utbildningsnämnden\n\n"
        "| Uppdrag | Ansvarig | Klart |\n"
        "| Se över skolskjutsarna | Förvaltningschef | 2026-06-30 |\n"
        "| Ta fram en plan för läsfrämjande insatser. |"
    )


def test_each_group_gives_its_rows_their_theme(tmp_path):
    book = openpyxl.Workbook()
    for row in (
        ["Uppdrag", "Ansvarig", "Klart"],
        ["Kultur- och fritidsnämnden"],
        ["Bygga ut fritidsgårdarna i tätorterna", "Fritidschefen", "2027-06-30"],
    ):
        book.active.append(row)
    book.save(tmp_path / "grupp.xlsx")
    (action,) = extract_file(tmp_path / "grupp.xlsx")["actions"]
    assert action["theme"] == "Kultur- och fritidsnämnden"
    assert action["deadline"]["date"] == "2027-06-30"
