"""Reading HME answers from a CSV file: one row per respondent. Pure, no Django.

Columns (in any order, header names case-insensitive):
- the unit: `enhet` or `unit`;
- the nine statements, each by `q1`…`q9`, `p1`…`p9`, `påstående 1`…`påstående 9`, the Kolada
  id (`U00300`…`U00308`) or the statement's text itself (trailing period optional);
- optionally a respondent id (`id`, `respondent`), which is ignored.
Other columns (a survey tool's time stamps, say) are ignored and reported.

The delimiter is `;` or `,`, whichever the header uses; the text is UTF-8 with or without a
byte-order mark. An answer is 1-5; empty is unanswered. Every problem is named with the
file, the line and the column as written in the header.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from styr.engagement.hme import COUNT, STATEMENTS

UNIT_NAMES = ("enhet", "unit")
RESPONDENT_NAMES = ("id", "respondent")
_NUMBERED = re.compile(r"^(?:q|p|påstående)\s*([1-9])$")
_ANSWER = re.compile(r"^[1-5]$")


class RecordError(Exception):
    """A problem in the file, located by line (1 = the header) and column where known."""

    def __init__(self, file: str, line: int | None, field: str | None, message: str):
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f', field "{self.field}"'
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ResponseRecord:
    """One respondent: the unit's name as written and nine answers (1-5, None unanswered)."""

    line: int
    unit: str
    answers: tuple[int | None, ...]


@dataclass
class Columns:
    """Where each thing stands in a row, and the header as written (for messages)."""

    unit: int
    statements: tuple[int, ...]  # column position of statement 1..9
    names: list[str]
    ignored: list[str] = field(default_factory=list)


@dataclass
class ReadResult:
    records: list[ResponseRecord]
    errors: list[RecordError]
    ignored_columns: list[str]
    unit_field: str  # the unit column's header as written, for messages about units


def normalise(header: str) -> str:
    """Header text compared case-insensitively, spaces collapsed, a trailing period dropped."""
    text = " ".join(header.replace("\ufeff", "").split()).casefold()
    return text[:-1].rstrip() if text.endswith(".") else text


def statement_number(header: str) -> int | None:
    """Which statement (1-9) a header names, or None."""
    text = normalise(header)
    match = _NUMBERED.match(text)
    if match:
        return int(match.group(1))
    for statement in STATEMENTS:
        if text in (statement.kolada_id.casefold(), normalise(statement.text)):
            return statement.number
    return None


def _expected() -> str:
    return (
        "expected a unit column (enhet or unit) and the nine statements, each as q1…q9, "
        "p1…p9, påstående 1…9, the Kolada id U00300…U00308 or the statement's text"
    )


def read_header(names: list[str], file: str) -> Columns:
    """Find the columns; raise RecordError (line 1) naming what is missing or doubled."""
    unit: int | None = None
    positions: dict[int, int] = {}
    ignored = []
    for position, name in enumerate(names):
        text = normalise(name)
        number = statement_number(name)
        if text in UNIT_NAMES:
            if unit is not None:
                raise RecordError(file, 1, name.strip(), "a second unit column")
            unit = position
        elif number is not None:
            if number in positions:
                first = names[positions[number]].strip()
                raise RecordError(
                    file, 1, name.strip(), f'statement {number} again (already in "{first}")'
                )
            positions[number] = position
        elif text not in RESPONDENT_NAMES:
            ignored.append(name.strip())
    missing = []
    if unit is None:
        missing.append("the unit (enhet)")
    missing += [f"statement {n}" for n in range(1, COUNT + 1) if n not in positions]
    if missing:
        raise RecordError(file, 1, None, f"no column for {', '.join(missing)}; {_expected()}")
    assert unit is not None
    return Columns(unit, tuple(positions[n] for n in range(1, COUNT + 1)), names, ignored)


def decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RecordError(
            file, line, None, "not UTF-8 text; save the file as UTF-8 (CSV UTF-8) and try again"
        ) from None


def read_text(text: str, file: str) -> ReadResult:
    """Read every row; header problems raise RecordError, row problems are collected."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise RecordError(file, 1, None, f"the file is empty or has no header; {_expected()}")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = read_header(next(reader), file)
        records: list[ResponseRecord] = []
        errors: list[RecordError] = []
        line = reader.line_num
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(value.strip() for value in row):
                continue  # a blank line
            try:
                records.append(read_row(row, start, columns, file))
            except RecordError as error:
                errors.append(error)
    except csv.Error as error:
        raise RecordError(file, reader.line_num, None, f"not readable as CSV ({error})") from None
    return ReadResult(records, errors, columns.ignored, columns.names[columns.unit].strip())


def read_row(row: list[str], line: int, columns: Columns, file: str) -> ResponseRecord:
    if len(row) != len(columns.names):
        raise RecordError(
            file,
            line,
            None,
            f"{len(row)} fields, but the header has {len(columns.names)}",
        )
    unit_field = columns.names[columns.unit].strip()
    unit = " ".join(row[columns.unit].split())
    if not unit:
        raise RecordError(file, line, unit_field, "no unit given")
    answers: list[int | None] = []
    for position in columns.statements:
        value = row[position].strip()
        if not value:
            answers.append(None)
        elif _ANSWER.match(value):
            answers.append(int(value))
        else:
            raise RecordError(
                file, line, columns.names[position].strip(), f'"{value}" is not an answer 1–5'
            )
    if all(answer is None for answer in answers):
        raise RecordError(file, line, None, "no answers: all nine statements are empty")
    return ResponseRecord(line, unit, tuple(answers))


def read_file(path: Path) -> ReadResult:
    """Read a CSV file of answers; RecordError if it cannot be read at all."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file ({error.strerror})"
        raise RecordError(path.name, None, None, message) from None
    return read_text(decode(data, path.name), path.name)
