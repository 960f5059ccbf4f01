"""Reading an HR export of managers (CSV or Excel). Pure Python, no Django, no database.

One row per manager, a header row naming the columns in any order (case does not matter):

| column | holds | required |
| --- | --- | --- |
| `namn` | the manager's name | yes |
| `e-post` | their e-mail address | no |
| `anställningsnummer` | their employee number, unique in the file | yes |
| `titel` | enhetschef, rektor, direktör, … | yes |
| `enhet` | the unit they lead: its name or short name (slug) in Styr | yes |
| `chef` | their line manager's employee number (in the file); empty at the top | yes |

English headers are read too (`name`, `email`, `employee_number`, `title`, `unit`,
`line_manager`), and `närmaste chef` for `chef`. What can be checked without the database
is checked here: the columns, empty fields, e-mail addresses, duplicate employee numbers, a
manager who is their own line manager, line managers not in the file and cycles. Every
problem is collected with its row; the caller loads nothing when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from styr.plans.spreadsheet import SheetError, _csv_table, _xlsx_table


def gettext_noop(message: str) -> str:
    return message


COLUMNS = ("namn", "e-post", "anställningsnummer", "titel", "enhet", "chef")
REQUIRED_VALUES = ("namn", "anställningsnummer", "titel", "enhet")
ALIASES = {
    "name": "namn",
    "email": "e-post",
    "epost": "e-post",
    "e-postadress": "e-post",
    "employee_number": "anställningsnummer",
    "anställningsnr": "anställningsnummer",
    "title": "titel",
    "unit": "enhet",
    "line_manager": "chef",
    "närmaste chef": "chef",
    "närmaste_chef": "chef",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ManagerLine:
    """One manager as the file gives them, with the row it is on."""

    row: int
    name: str
    email: str
    employee_number: str
    title: str
    unit: str
    line_manager: str  # an employee number, "" at the top


@dataclass(frozen=True)
class Problem:
    row: int | None
    message: str

    def __str__(self) -> str:
        return f"Rad {self.row}: {self.message}" if self.row else self.message


def read_table(name: str, data: bytes) -> list[list[str]]:
    """The file's cells as text, by its suffix; SheetError for anything else."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "xlsx":
        return _xlsx_table(name, data)
    if suffix == "csv":
        return _csv_table(name, data)
    raise SheetError(gettext_noop("”%(name)s” är varken en .csv- eller en .xlsx-fil."), name=name)


def parse_managers(table: list[list[str]]) -> tuple[list[ManagerLine], list[Problem]]:
    """The managers of the table and every problem found, each with its row."""
    numbered = [
        (n, cells) for n, cells in enumerate(table, start=1) if any(c.strip() for c in cells)
    ]
    if not numbered:
        return [], [Problem(1, f"filen är tom; rubrikraden ska vara {', '.join(COLUMNS)}")]
    header_row, header = numbered[0]
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = title.strip().casefold()
        key = ALIASES.get(key, key)
        if key in COLUMNS and key not in positions:
            positions[key] = index
    missing = [column for column in COLUMNS if column not in positions]
    if missing:
        return [], [
            Problem(
                header_row,
                f"kolumnen {', '.join(missing)} saknas i rubrikraden; "
                f"kolumnerna ska vara {', '.join(COLUMNS)}",
            )
        ]
    lines, problems = [], []
    for row, cells in numbered[1:]:
        value = {c: (cells[i].strip() if i < len(cells) else "") for c, i in positions.items()}
        empty = [column for column in REQUIRED_VALUES if not value[column]]
        if empty:
            problems.append(Problem(row, f"{', '.join(empty)} är tomt"))
            continue
        if value["e-post"] and not EMAIL.match(value["e-post"]):
            problems.append(Problem(row, f"”{value['e-post']}” är ingen e-postadress"))
            continue
        lines.append(
            ManagerLine(
                row=row,
                name=value["namn"],
                email=value["e-post"],
                employee_number=value["anställningsnummer"],
                title=value["titel"],
                unit=value["enhet"],
                line_manager=value["chef"],
            )
        )
    if not lines and not problems:
        problems.append(Problem(header_row, "filen har en rubrikrad men inga chefer"))
    problems += check_lines(lines)
    return lines, sorted(problems, key=lambda p: (p.row or 0, p.message))


def check_lines(lines: list[ManagerLine]) -> list[Problem]:
    """Duplicate employee numbers, own line manager, unknown line managers and cycles."""
    problems = []
    first_row: dict[str, int] = {}
    for line in lines:
        if line.employee_number in first_row:
            problems.append(
                Problem(
                    line.row,
                    f"anställningsnumret {line.employee_number} finns redan på rad "
                    f"{first_row[line.employee_number]}",
                )
            )
        else:
            first_row[line.employee_number] = line.row
    by_number = {line.employee_number: line for line in lines}
    for line in lines:
        if line.line_manager == line.employee_number:
            problems.append(Problem(line.row, f"{line.name} är angiven som sin egen chef"))
        elif line.line_manager and line.line_manager not in by_number:
            problems.append(
                Problem(
                    line.row,
                    f"chefen med anställningsnummer {line.line_manager} finns inte i filen",
                )
            )
    problems += cycles(by_number)
    return problems


def cycles(by_number: dict[str, ManagerLine]) -> list[Problem]:
    """Each cycle of line managers once, named at the row of its first member."""
    problems, done = [], set()
    for start in by_number:
        path, current, looped = [], start, False
        while current in by_number and current not in done:
            if current in path:
                looped = True
                break
            path.append(current)
            above = by_number[current].line_manager
            if not above or above == current:  # the top, or their own (reported apart)
                break
            current = above
        if looped:
            loop = path[path.index(current) :]
            names = " → ".join(by_number[n].name for n in [*loop, loop[0]])
            rows = ", ".join(str(r) for r in sorted(by_number[n].row for n in loop))
            first = min(by_number[n].row for n in loop)
            problems.append(Problem(first, f"chefsleden går i cirkel: {names} (rad {rows})"))
        done.update(path)
    return problems
