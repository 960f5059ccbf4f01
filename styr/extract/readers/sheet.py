"""Spreadsheets (.xlsx): each sheet's rows as table rows, one action per row.

A row of several cells becomes "| a | b | c |" with its empty cells kept, so that the
segmenter's header row (Åtgärd, Ansvarig, Klart, Status …) names the same columns in every
row below it, and so does a row in a table with only its action filled in; a single cell
before a table (a title) is a paragraph, a short one in the first column inside a table is
a group's name (a heading, the header repeated after it); an empty row ends a table.
Dates are written as ISO dates. Hidden sheets are not read; with several sheets each
starts with its name as a heading.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings

from styr.extract.readers.limits import Budget, UnreadableDocument
from styr.extract.readers.zips import check_zip


def read_xlsx(data: bytes, budget: Budget) -> str:
    import openpyxl

    check_zip(data, budget, "spreadsheet")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; none hold text.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheets = [s for s in workbook.worksheets if s.sheet_state == "visible"]
            blocks: list[str] = []
            for sheet in sheets:
                rows = _sheet_blocks(sheet, budget)
                if rows and len(sheets) > 1:
                    blocks.append(f"# {sheet.title}")
                blocks += rows
            workbook.close()
    except UnreadableDocument:
        raise
    except Exception as error:  # openpyxl raises many kinds on a broken workbook
        raise UnreadableDocument(f"not a valid spreadsheet ({type(error).__name__})") from error
    return "\n\n".join(blocks)


def _sheet_blocks(sheet, budget: Budget) -> list[str]:
    blocks: list[str] = []
    table: list[str] = []  # the current table's rows, its header first
    for number, row in enumerate(sheet.iter_rows(values_only=True)):
        if number % 100 == 0:
            budget.tick()
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        filled = [index for index, cell in enumerate(cells) if cell]
        if not filled:
            if table:
                blocks.append("\n".join(table))
                table = []
            continue
        if table and len(filled) == 1 and _is_group(cells, filled[0]):
            # A group's name (a committee, a goal) over the rows below it: a heading, and
            # the header again, so that the rows after it are read by the same columns.
            blocks += ["\n".join(table), budget.add_text(f"# {cells[filled[0]]}")]
            table = [table[0]]
            continue
        if len(filled) >= 2 or table:
            table.append(budget.add_text("| " + " | ".join(cells) + " |"))
        else:
            blocks.append(budget.add_text(cells[filled[0]]))
    if table:
        blocks.append("\n".join(table))
    return blocks


def _is_group(cells: list[str], index: int) -> bool:
    """A lone short cell in the first column, not a sentence: a group's name, not an
    action whose other columns are empty."""
    text = cells[index]
    return index == 0 and len(text) <= 80 and not text.endswith((".", "!", "?"))


def cell_text(value) -> str:
    """A cell as a person reads it: dates as ISO dates, 3.0 as 3, one line, no "|"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value.replace(microsecond=0)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()).replace("|", "/")
