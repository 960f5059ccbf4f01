"""The status spreadsheet's reader and writer, without a database: what is written is read
back the same, what Excel writes back is read, and a bad file is named in Swedish."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from styr.plans.spreadsheet import COLUMNS, SheetError, read_sheet, write_csv, write_xlsx

ROWS = [
    (
        12,
        "1. Kommunikation",
        "Öppna data",
        "Lena Dahlstedt",
        "under våren 2015",
        "Genomfört",
        "Klart i maj.",
        dt.date(2015, 5, 31),
    ),
    (13, "1. Kommunikation", "Översyn", "Elisabeth Carle; Dag Björklund", "", "", "", None),
    (
        14,
        "2. Styrning",
        "=SUM(A1:A2)",
        "",
        "",
        "Pågår",
        "-ingen kommentar-\nrad två",
        dt.date(2015, 9, 2),
    ),
]


def as_read(rows):
    return [
        {
            "id": str(r[0]),
            "status": r[5],
            "kommentar": r[6],
            "datum": r[7].isoformat() if r[7] else "",
        }
        for r in rows
    ]


def read_columns(rows):
    return [{c: row[c] for c in ("id", "status", "kommentar", "datum")} for row in rows]


def test_an_xlsx_written_is_read_back_the_same():
    rows = read_sheet("plan.xlsx", write_xlsx(ROWS, statuses=["Genomfört", "Pågår"]))
    assert read_columns(rows) == as_read(ROWS)
    assert [row.number for row in rows] == [2, 3, 4]


def test_the_xlsx_has_a_bold_frozen_header_a_date_column_and_a_status_list():
    book = load_workbook(io.BytesIO(write_xlsx(ROWS, statuses=["Genomfört", "Pågår"])))
    sheet = book.active
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet["H2"].value == dt.datetime(2015, 5, 31)
    assert sheet["H2"].number_format == "yyyy-mm-dd"
    assert sheet["C4"].data_type == "s", "a text starting with = is not a formula"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"Genomfört,Pågår"'
    assert "F2" in validation.sqref


def test_the_csv_is_for_swedish_excel_and_is_read_back_the_same():
    data = write_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf" + "id;tema;åtgärd;".encode())
    assert b"\r\n" in data
    assert b"'=SUM(A1:A2)" in data, "a formula-like text is written as text"
    assert read_columns(read_sheet("plan.csv", data)) == as_read(ROWS)


def test_a_csv_saved_by_swedish_excel_in_cp1252_is_read():
    text = "id;status;kommentar;datum\r\n12;Genomfört;Översyn klar;2015-09-02\r\n"
    (row,) = read_sheet("plan.csv", text.encode("cp1252"))
    assert (row["id"], row["status"], row["kommentar"], row["datum"]) == (
        "12",
        "Genomfört",
        "Översyn klar",
        "2015-09-02",
    )


def test_a_comma_separated_csv_without_bom_is_read():
    (row,) = read_sheet("plan.CSV", 'ID,Status,Kommentar,Datum\n12,Pågår,"a, b",\n'.encode())
    assert (row["id"], row["status"], row["kommentar"]) == ("12", "Pågår", "a, b")


def test_excel_numbers_and_dates_are_read_as_text_and_empty_rows_skipped():
    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Id", "extra", "Status", "Kommentar"])
    sheet.append([dt.datetime(2015, 9, 2), 12.0, "x", "Pågår", None])
    sheet.append([None, None, None, None, None])
    sheet.append([None, None, "tema kvar", None, None])
    out = io.BytesIO()
    book.save(out)
    rows = read_sheet("plan.xlsx", out.getvalue())
    assert [(r.number, r["id"], r["datum"], r["status"]) for r in rows] == [
        (2, "12", "2015-09-02", "Pågår"),
        (4, "", "", ""),
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.csv", b"", "Rad 1: Filen är tom."),
        ("plan.csv", b"\xef\xbb\xbf\r\n;;;\r\n", "Rad 1: Filen är tom."),
        ("plan.xlsx", b"", "Rad 1: Filen är tom."),
        (
            "plan.csv",
            "id;status;kommentar\n1;Pågår;x\n".encode(),
            "Rad 1, kolumn datum: Kolumnen ”datum” saknas",
        ),
        ("plan.csv", b"id;status;kommentar;datum\n", "inga rader med åtgärder"),
        ("plan.pdf", b"%PDF-1.4", "”plan.pdf” är inte ett kalkylark"),
        ("plan.xlsx", b"id;status\n", "”plan.xlsx” kunde inte läsas som Excel-fil (.xlsx)"),
        ("plan.xlsx", b"PK\x03\x04trasig", "”plan.xlsx” kunde inte läsas som Excel-fil (.xlsx)"),
    ],
)
def test_a_bad_file_is_named_in_swedish(name, data, message):
    with pytest.raises(SheetError) as raised:
        read_sheet(name, data)
    assert message in str(raised.value)


def test_a_missing_column_names_row_and_column():
    with pytest.raises(SheetError) as raised:
        read_sheet("plan.csv", b"id;kommentar;datum\n1;x;\n")
    assert (raised.value.row, raised.value.column) == (1, "status")
