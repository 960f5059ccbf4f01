"""Reading the contact centre's case records from a CSV file. Pure Python, no Django.

One line per case, a header row naming the columns (in any order, English or Swedish):

- `received` (`mottaget`): 2015-03-02, 2015-03-02 14:05 or 2015-03-02T14:05:00, local time;
- `channel` (`kanal`): telefon, e-post, besök, …;
- `requester` (`ärendegivare`, `från`): citizen or employee (medborgare, medarbetare);
- `category` (`kategori`): free text;
- `handled_by` (`hanterat_av`, `hanterad_av`): see below;
- `resolved_at_first_contact` (`löst_vid_första_kontakt(en)`): yes/no, ja/nej, true/false, 1/0.

Header names are read case-insensitively, with spaces or hyphens in place of underscores, and a
UTF-8 byte-order mark is dropped. Columns the reader does not know (a case number, say) are
ignored and reported back in `CaseFile.ignored_columns`, so an export with extra columns loads
as it is; a misspelt required column still fails as "missing column".

`handled_by` is "contact centre", "kontaktcenter", "kontaktcenter och serviceenhet" or
"serviceenhet" (and the same words in definite form) when the contact centre or the service
unit handled the case itself; anything else is the name of the unit it was handed to.

The delimiter is `;` or `,`, whichever the header line uses. The file must be UTF-8 (with or
without a byte-order mark): a file in another encoding is refused with the line of the first
byte that is not UTF-8 rather than guessed at, so that a wrong guess never garbles the data.

File-level problems (not UTF-8, empty, no header, missing columns) raise `CaseFileError`;
problems on a line are collected as `RecordError`s beside the good records, so the caller
decides between all-or-nothing and skipping bad lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from styr.lib.periods import FIRST_YEAR, LAST_YEAR

CITIZEN = "citizen"
EMPLOYEE = "employee"

FIELDS = (
    "received",
    "channel",
    "requester",
    "category",
    "handled_by",
    "resolved_at_first_contact",
)

# Accepted header names per field, already normalised by `_normalise_header`.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "received": ("received", "mottaget"),
    "channel": ("channel", "kanal"),
    "requester": ("requester", "ärendegivare", "från"),
    "category": ("category", "kategori"),
    "handled_by": ("handled_by", "hanterat_av", "hanterad_av"),
    "resolved_at_first_contact": (
        "resolved_at_first_contact",
        "löst_vid_första_kontakt",
        "löst_vid_första_kontakten",
    ),
}
_FIELD_OF_HEADER = {name: key for key, names in HEADER_NAMES.items() for name in names}

REQUESTERS = {
    "citizen": CITIZEN,
    "medborgare": CITIZEN,
    "employee": EMPLOYEE,
    "medarbetare": EMPLOYEE,
}
CONTACT_CENTRE_NAMES = frozenset(
    {
        "contact centre",
        "contact center",
        "kontaktcenter",
        "kontaktcentret",
        "kontaktcenter och serviceenhet",
        "kontaktcenter och serviceenheten",
        "kontaktcentret och serviceenheten",
        "serviceenhet",
        "serviceenheten",
    }
)
YES = frozenset({"yes", "ja", "true", "1"})
NO = frozenset({"no", "nej", "false", "0"})

# Longest text each field may hold (the database columns' sizes).
MAX_LENGTH = {"channel": 50, "category": 200, "handled_by": 200}

_RECEIVED = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$",
)


@dataclass(frozen=True)
class ServiceCaseRecord:
    """One case as read from the file; `received` is local time without a zone."""

    line: int
    received: dt.datetime
    channel: str
    requester: str  # CITIZEN or EMPLOYEE
    category: str
    handled_by: str
    handled_by_contact_centre: bool
    resolved_at_first_contact: bool

    @property
    def month(self) -> str:
        """The month's period key, "2015-03"."""
        return f"{self.received.year}-{self.received.month:02d}"


@dataclass(frozen=True)
class RecordError:
    """A problem in a case file; `line` and `field` are None when they do not apply."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f', field "{self.field}"'
        return f"{where}: {self.message}"


class CaseFileError(ValueError):
    """The file cannot be read as case records at all; `errors` says why, one per problem."""

    def __init__(self, errors: list[RecordError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class CaseFile:
    """What a case file holds: the good records and the lines that could not be read."""

    name: str
    records: list[ServiceCaseRecord] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def read_case_file(path: Path | str) -> CaseFile:
    """Read the case records of a CSV file; see the module docstring for the format."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaseFileError(
            [RecordError(path.name, None, None, f"cannot read the file: {error.strerror}")]
        ) from error
    return parse_case_bytes(data, path.name)


def parse_case_bytes(data: bytes, name: str) -> CaseFile:
    """Read case records from the bytes of a CSV file called `name` (used in messages)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CaseFileError(
            [
                RecordError(
                    name,
                    line,
                    None,
                    f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
                    "save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again",
                )
            ]
        ) from None
    return parse_case_text(text, name)


def parse_case_text(text: str, name: str) -> CaseFile:
    """Read case records from CSV text; line numbers count from 1 at the header."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CaseFileError([RecordError(name, None, None, "the file is empty")])
    header_line = next(line for line in text.splitlines() if line.strip())
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = _numbered_rows(reader, name)
    try:
        header_number, header = next(rows)
    except StopIteration:  # pragma: no cover - a non-blank text has a first row
        raise CaseFileError([RecordError(name, None, None, "the file is empty")]) from None
    columns, ignored = _read_header(header, header_number, name)
    result = CaseFile(name=name, ignored_columns=ignored)
    for number, row in rows:
        if len(row) != len(header):
            result.errors.append(
                RecordError(
                    name,
                    number,
                    None,
                    f"{len(row)} fields, expected {len(header)} as in the header "
                    f"(delimiter “{delimiter}”)",
                )
            )
            continue
        values = {key: row[index].strip() for key, index in columns.items()}
        record, problems = _read_record(values, number, name)
        if problems:
            result.errors.extend(problems)
        elif record is not None:
            result.records.append(record)
    if not result.records and not result.errors:
        raise CaseFileError([RecordError(name, None, None, "no cases after the header line")])
    return result


def _numbered_rows(reader, name: str):
    """(line number where the row starts, fields) for every row that is not blank."""
    start = 1
    try:
        for row in reader:
            if any(value.strip() for value in row):
                yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise CaseFileError([RecordError(name, start, None, f"not valid CSV: {error}")]) from None


def _normalise_header(text: str) -> str:
    text = text.removeprefix("\ufeff").strip().lower()
    return re.sub(r"[\s_-]+", "_", text)


def _read_header(header: list[str], line: int, name: str) -> tuple[dict[str, int], list[str]]:
    """Map each field to its column index; raise CaseFileError for missing or doubled columns."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    errors: list[RecordError] = []
    for index, title in enumerate(header):
        key = _FIELD_OF_HEADER.get(_normalise_header(title))
        if key is None:
            ignored.append(title.strip())
        elif key in columns:
            errors.append(
                RecordError(
                    name,
                    line,
                    None,
                    f'column "{key}" appears twice ("{header[columns[key]].strip()}" and '
                    f'"{title.strip()}")',
                )
            )
        else:
            columns[key] = index
    if not columns:
        raise CaseFileError(
            [
                RecordError(
                    name,
                    None,
                    None,
                    "the first line is not a header row: name the columns "
                    + ", ".join(FIELDS)
                    + " (or in Swedish: mottaget, kanal, ärendegivare, kategori, hanterat_av, "
                    "löst_vid_första_kontakt)",
                )
            ]
        )
    for key in FIELDS:
        if key not in columns:
            alternatives = "/".join([*HEADER_NAMES[key][1:], key])
            errors.append(RecordError(name, None, None, f'missing column "{key}" ({alternatives})'))
    if errors:
        raise CaseFileError(errors)
    return columns, [title for title in ignored if title]


def _read_record(
    values: dict[str, str], line: int, name: str
) -> tuple[ServiceCaseRecord | None, list[RecordError]]:
    errors: list[RecordError] = []

    def problem(key: str, message: str) -> None:
        errors.append(RecordError(name, line, key, message))

    for key in FIELDS:
        if not values[key]:
            problem(key, "is empty")
        elif key in MAX_LENGTH and len(values[key]) > MAX_LENGTH[key]:
            problem(key, f"is longer than {MAX_LENGTH[key]} characters")

    received = None
    if values["received"]:
        try:
            received = parse_received(values["received"])
        except ValueError as error:
            problem("received", str(error))
    requester = REQUESTERS.get(values["requester"].lower())
    if values["requester"] and requester is None:
        problem(
            "requester",
            f'"{values["requester"]}" is not a requester '
            "(citizen/medborgare or employee/medarbetare)",
        )
    resolved = None
    answer = values["resolved_at_first_contact"].lower()
    if answer in YES:
        resolved = True
    elif answer in NO:
        resolved = False
    elif answer:
        problem(
            "resolved_at_first_contact",
            f'"{values["resolved_at_first_contact"]}" is not yes or no '
            "(yes/no, ja/nej, true/false, 1/0)",
        )
    if errors or received is None or requester is None or resolved is None:
        return None, errors  # each missing value has its error
    handled_by = " ".join(values["handled_by"].split())
    return (
        ServiceCaseRecord(
            line=line,
            received=received,
            channel=values["channel"],
            requester=requester,
            category=" ".join(values["category"].split()),
            handled_by=handled_by,
            handled_by_contact_centre=is_contact_centre(handled_by),
            resolved_at_first_contact=resolved,
        ),
        [],
    )


def is_contact_centre(handled_by: str) -> bool:
    """Whether the text names the contact centre or the service unit (not another unit)."""
    return " ".join(handled_by.lower().split()) in CONTACT_CENTRE_NAMES


def parse_received(text: str) -> dt.datetime:
    """Read 2015-03-02, 2015-03-02 14:05 or 2015-03-02T14:05:00; ValueError names the text."""
    match = _RECEIVED.match(text.strip())
    not_a_date = f'"{text}" is not a date (write 2015-03-02 or 2015-03-02 14:05)'
    if not match:
        raise ValueError(not_a_date)
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        received = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise ValueError(not_a_date) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f'"{text}": the year must be between {FIRST_YEAR} and {LAST_YEAR}')
    return received
