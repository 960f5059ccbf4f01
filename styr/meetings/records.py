"""A meeting's attendance list as a file (CSV or Excel): read and checked, no database.

One row per manager. Columns (the header's names in any case, in any order; others are
ignored): `namn`, `anställningsnummer`, `e-post` — at least one of them, to say who — and
`närvaro`: *närvarande*, *anmält förhinder* (or *förhinder*) or *frånvarande*, in any case.
Rows are numbered as a spreadsheet numbers them, the header being row 1. Every problem is
collected with its row and column, so one upload shows them all; the file is then taken
whole or not at all (`styr.meetings.domain.import_attendance`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from styr.meetings.rates import ABSENT, EXCUSED, PRESENT

STATUS_WORDS = {
    "närvarande": PRESENT,
    "anmält förhinder": EXCUSED,
    "förhinder": EXCUSED,
    "frånvarande": ABSENT,
}
COLUMNS = {
    "namn": "name",
    "name": "name",
    "anställningsnummer": "employee_number",
    "anstallningsnummer": "employee_number",
    "e-post": "email",
    "epost": "email",
    "e-postadress": "email",
    "email": "email",
    "närvaro": "status",
    "narvaro": "status",
    "status": "status",
}
HEADINGS = {
    "name": "namn",
    "employee_number": "anställningsnummer",
    "email": "e-post",
    "status": "närvaro",
}
EXPECTED = "namn, anställningsnummer eller e-post, och närvaro"
MAX_ROWS = 20_000


class ListError(ValueError):
    """The file cannot be read as an attendance list at all (the message says why)."""


@dataclass(frozen=True)
class AttendanceRecord:
    row: int
    name: str
    employee_number: str
    email: str
    status: str

    @property
    def who(self) -> str:
        return self.name or self.employee_number or self.email


@dataclass(frozen=True)
class RowError:
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"rad {self.row}" + (f", kolumn {self.column}" if self.column else "")
        return f"{where}: {self.message}"


def read_attendance(data: bytes, filename: str) -> tuple[list[AttendanceRecord], list[RowError]]:
    """The file's rows and every row's problem; ListError if it is no attendance list."""
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix == "xlsx":
        rows = _xlsx_rows(data)
    elif suffix == "csv":
        rows = _csv_rows(data)
    else:
        raise ListError(f"{filename}: läser bara .csv och .xlsx")
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header):
        raise ListError(f"filen är tom; rubrikraden (rad 1) ska ha {EXPECTED}")
    columns = _columns(header)
    records, errors = [], []
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise ListError(f"filen har fler än {MAX_ROWS} rader")
        if not any(cell.strip() for cell in cells):
            continue
        value = {key: _cell(cells, index) for key, index in columns.items()}
        if not (value.get("name") or value.get("employee_number") or value.get("email")):
            errors.append(RowError(number, None, "raden säger inte vem (namn saknas)"))
            continue
        word = " ".join(value.get("status", "").lower().split())
        if word not in STATUS_WORDS:
            shown = value.get("status", "")
            message = (
                f"”{shown}” är ingen närvaro; skriv närvarande, anmält förhinder eller frånvarande"
                if shown
                else "närvaro saknas; skriv närvarande, anmält förhinder eller frånvarande"
            )
            errors.append(RowError(number, HEADINGS["status"], message))
            continue
        records.append(
            AttendanceRecord(
                row=number,
                name=value.get("name", ""),
                employee_number=value.get("employee_number", ""),
                email=value.get("email", ""),
                status=STATUS_WORDS[word],
            )
        )
    if not records and not errors:
        raise ListError("filen har ingen rad efter rubrikraden")
    return records, errors


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = COLUMNS.get(" ".join(heading.lower().split()))
        if key is None:
            continue
        if key in found:
            raise ListError(f"rad 1: kolumnen {HEADINGS[key]} finns två gånger")
        found[key] = index
    if "status" not in found:
        raise ListError(f"rad 1: kolumnen närvaro saknas; rubrikraden ska ha {EXPECTED}")
    if not {"name", "employee_number", "email"} & found.keys():
        raise ListError(f"rad 1: en kolumn som säger vem saknas; rubrikraden ska ha {EXPECTED}")
    return found


def _cell(cells: list[str], index: int) -> str:
    return " ".join(cells[index].split()) if index < len(cells) else ""


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252.
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ListError(f"filen går inte att läsa som CSV ({error})") from None


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ListError(f"filen går inte att läsa som Excel (.xlsx): {error}") from None
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield [_text(value) for value in row]
    finally:
        book.close()


def _text(value) -> str:
    """A cell as text; a whole number typed into Excel (an employee number) without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
