"""Spreadsheets (.xlsx): each sheet's rows as table rows, one action per row.

A row of several cells becomes "| a | b | c |" with its empty cells kept, so that the
segmenter's header row (Åtgärd, Ansvarig, Klart, Status …) names the same columns in every
row below it; a row of a single cell (a title, a group's name) becomes a paragraph of its
own, and an empty row ends a table. Dates are written as ISO dates. Hidden sheets are not
read; with several sheets each starts with its name as a heading.
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
    table: list[str] = []
    for number, row in enumerate(sheet.iter_rows(values_only=True)):
        if number % 100 == 0:
            budget.tick()
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        filled = [cell for cell in cells if cell]
        if len(filled) >= 2:
            table.append(budget.add_text("| " + " | ".join(cells) + " |"))
            continue
        if table:
            blocks.append("\n".join(table))
            table = []
        if filled:
            blocks.append(budget.add_text(filled[0]))
    if table:
        blocks.append("\n".join(table))
    return blocks


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
