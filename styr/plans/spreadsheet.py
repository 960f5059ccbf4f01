"""A plan's actions as a spreadsheet: the columns, writing .xlsx and .csv, reading them back.

Pure Python (openpyxl, no Django, no database): `styr.plans.status_import` compares what is
read with the plan, the web pages and `styr status` call both.

The columns are a contract with the people who fill the file in, so their Swedish names and
order are stable: `COLUMNS`. Import reads only `id`, `status`, `kommentar` and `datum`
(`READ_COLUMNS`); the others are there to be read by a person and are ignored, as is any
column added by hand. Header names are matched without regard to case or surrounding space.

CSV is written as Swedish Excel opens it with a double click: UTF-8 with a byte-order mark
(without it Excel reads å, ä, ö as cp1252) and `;` between fields (Excel in a Swedish locale
expects `;`, since `,` is the decimal comma). What Excel writes back is read: UTF-8 with or
without the mark ("CSV UTF-8"), or, when the bytes are not UTF-8, Windows-1252, which Swedish
Excel's plain "CSV (semikolonavgränsad)" writes; a valid UTF-8 text is never read as
cp1252, and cp1252 text with å, ä or ö is practically never valid UTF-8, so the guess is
safe. The delimiter is whichever of `;`, `,` or tab the header row uses.

A text that starts with `=`, `+`, `-` or `@` would be taken for a formula by Excel (and run:
"CSV injection"), so in CSV such a value is written after an apostrophe, Excel's own mark
for "this is text", and one leading apostrophe before such a character is dropped again on
reading. In .xlsx every text cell is stored as a string, never a formula.

Rows are numbered as Excel shows them: the header is row 1, the first action row 2. Wholly
empty rows are skipped. Problems with the file itself (not a spreadsheet, empty, a column
missing) raise `SheetError`, whose message is Swedish and names the row and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

COLUMNS = ("id", "tema", "åtgärd", "ansvariga", "tidplan", "status", "kommentar", "datum")
READ_COLUMNS = ("id", "status", "kommentar", "datum")
SUFFIXES = (".xlsx", ".csv")

# Column widths in .xlsx, in characters: the long texts wide, the codes narrow.
WIDTHS = {
    "id": 8,
    "tema": 30,
    "åtgärd": 60,
    "ansvariga": 28,
    "tidplan": 22,
    "status": 20,
    "kommentar": 60,
    "datum": 12,
}
SHEET_TITLE = "Åtgärder"
# More rows than any plan has, fewer than would exhaust memory: a 20 MB upload may say much.
MAX_ROWS = 20_000
# Columns read per row: ours and a few added by hand (a sheet may claim 16,384 columns).
MAX_COLUMNS = 50
FORMULA_STARTS = ("=", "+", "-", "@")
_DELIMITERS = (";", ",", "\t")


def gettext_noop(message: str) -> str:
    """Marks a message for translation without importing Django (see styr.lib.dates)."""
    return message


NOT_A_SPREADSHEET = gettext_noop(
    "”%(name)s” är inte ett kalkylark som Styr kan läsa. Ladda upp en .xlsx- eller .csv-fil."
)
UNREADABLE = gettext_noop("”%(name)s” kunde inte läsas som %(kind)s: %(reason)s")
EMPTY = gettext_noop(
    "Filen är tom. Den ska ha en rubrikrad med kolumnerna %(columns)s och en rad per åtgärd."
)
NOT_ZIP = gettext_noop("filen är inte en .xlsx-arbetsbok")
TOO_MANY_ROWS = gettext_noop("Filen har fler än %(limit)s rader med åtgärder.")
NO_ROWS = gettext_noop("Filen har en rubrikrad men inga rader med åtgärder.")
MISSING_COLUMN = gettext_noop(
    "Kolumnen ”%(column)s” saknas i rubrikraden. Kolumnerna ska vara %(columns)s."
)


class SheetError(ValueError):
    """The file cannot be read as the status sheet; nothing in it is used.

    `str()` is the Swedish message after where it is ("Rad 1, kolumn status: …");
    `template` and `params` let the Django layer translate the message; `row` and `column`
    name where (None: the whole file)."""

    def __init__(self, template: str, row: int | None = None, column: str | None = None, **params):
        self.template, self.row, self.column = template, row, column
        self.params = {**params, "column": column}
        where = f"Rad {row}, kolumn {column}: " if column else f"Rad {row}: " if row else ""
        super().__init__(where + template % self.params)


@dataclass(frozen=True)
class SheetRow:
    """One row as read: its number as Excel shows it and the text of each column read."""

    number: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


# ---------------------------------------------------------------------------------------
# Writing


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(rows: Iterable[Sequence]) -> bytes:
    """The rows (values in `COLUMNS` order) as CSV for Swedish Excel: BOM, `;`, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_csv_safe(_text(v)) if isinstance(v, str) else _text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(rows: Iterable[Sequence], statuses: Sequence[str] = ()) -> bytes:
    """The rows (values in `COLUMNS` order) as an .xlsx workbook: the header bold and frozen,
    columns wide enough to read, `datum` a date shown as YYYY-MM-DD, and, given `statuses`
    (the Swedish labels), a drop-down list of them in the status column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.append([None if v == "" else v for v in row])
        for cell in sheet[count + 1]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a text is text, even one starting with "="
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
                cell.alignment = Alignment(vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
    if statuses:
        letter = get_column_letter(COLUMNS.index("status") + 1)
        # A list's items are written in the formula, comma-separated, within quotes.
        choices = DataValidation(
            type="list",
            formula1='"' + ",".join(statuses) + '"',
            allow_blank=True,
            showErrorMessage=False,  # Styr says what is wrong, naming the row, on upload
        )
        choices.add(f"{letter}2:{letter}{max(count + 1, 2) + 1000}")
        sheet.add_data_validation(choices)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------
# Reading


def read_sheet(name: str, data: bytes) -> list[SheetRow]:
    """The action rows of an uploaded or given file, by its name's suffix and its bytes.

    Raises SheetError for a file that is not .xlsx or .csv, that cannot be read, that is
    empty, that has no action rows or lacks one of `READ_COLUMNS`.
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == ".xlsx":
        table = _xlsx_table(name, data)
    elif suffix == ".csv":
        table = _csv_table(name, data)
    else:
        raise SheetError(NOT_A_SPREADSHEET, name=name)
    return _rows(table)


def _cell_text(value) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without ".0" (Excel keeps 12 as
    12.0), texts stripped, with Windows line ends made plain."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _xlsx_table(name: str, data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    if not data:
        return []
    if not data.startswith(b"PK"):
        raise SheetError(UNREADABLE, name=name, kind="Excel-fil (.xlsx)", reason=NOT_ZIP)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it drops (extensions, styles): harmless here.
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheet = book.worksheets[0] if book.worksheets else None
            rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True) if sheet else []
            table = []
            for row in rows:
                table.append([_cell_text(v) for v in row])
                if len(table) > MAX_ROWS + 1:
                    raise SheetError(TOO_MANY_ROWS, row=MAX_ROWS + 2, limit=MAX_ROWS)
            book.close()
            return table
    except SheetError:
        raise
    except Exception as error:  # noqa: BLE001 - any fault in an uploaded file is the file's
        raise SheetError(UNREADABLE, name=name, kind="Excel-fil (.xlsx)", reason=error) from None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semikolonavgränsad)": Windows-1252. Every byte but five is
        # defined there; those five are refused rather than guessed at.
        return data.decode("cp1252")


def _csv_table(name: str, data: bytes) -> list[list[str]]:
    try:
        text = _decode(data)
    except UnicodeDecodeError as error:
        raise SheetError(
            UNREADABLE, name=name, kind="CSV", reason=f"tecknet på byte {error.start + 1}"
        ) from None
    if "\x00" in text:
        raise SheetError(UNREADABLE, name=name, kind="CSV", reason="filen innehåller NUL-tecken")
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise SheetError(UNREADABLE, name=name, kind="CSV", reason=error) from None
    if len(rows) > MAX_ROWS + 1:
        raise SheetError(TOO_MANY_ROWS, row=MAX_ROWS + 2, limit=MAX_ROWS)
    return [[_unquote_formula(_cell_text(v)) for v in row[:MAX_COLUMNS]] for row in rows]


def _unquote_formula(text: str) -> str:
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _rows(table: list[list[str]]) -> list[SheetRow]:
    numbered = [(number, cells) for number, cells in enumerate(table, start=1) if any(cells)]
    if not numbered:
        raise SheetError(EMPTY, row=1, columns=", ".join(COLUMNS))
    header_number, header = numbered[0]
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = title.strip().casefold()
        if key in COLUMNS and key not in positions:
            positions[key] = index
    for column in READ_COLUMNS:
        if column not in positions:
            raise SheetError(
                MISSING_COLUMN, row=header_number, column=column, columns=", ".join(COLUMNS)
            )
    rows = [
        SheetRow(
            number,
            {
                column: cells[index] if index < len(cells) else ""
                for column, index in positions.items()
            },
        )
        for number, cells in numbered[1:]
    ]
    if not rows:
        raise SheetError(NO_ROWS, row=2)
    return rows
