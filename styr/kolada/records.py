"""Kolada records, checked: the pure half of loading Kolada files (no Django, no database).

Each function takes one decoded JSON record and returns the row to store, or raises
`BadRecord` naming the field and the problem (`field "values[0].value": "abc" is not a
number`). The data-record check has a fast path for the million-value case and a slow
path, run only on a bad record, that finds the first bad field for the message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from math import isfinite
from typing import Any

from styr.lib.periods import FIRST_YEAR, LAST_YEAR

MUNICIPALITIES, KPIS, GROUPS, DATA = "municipalities", "kpis", "groups", "data"

KPI_ID = re.compile(r"[A-Z][0-9]{5}")
MUNICIPALITY_ID = re.compile(r"[0-9]{4}")
GROUP_ID = re.compile(r"G[0-9]{1,19}")
GENDERS = ("T", "K", "M")
MUNICIPALITY_TYPES = ("K", "L")
KPI_MUNICIPALITY_TYPES = ("K", "L", "A")
MAX_COUNT = 2_147_483_647  # PositiveIntegerField on PostgreSQL


class BadRecord(ValueError):
    """One record that fails validation; says which field and why."""

    def __init__(self, field_name: str | None, problem: str):
        self.field, self.problem = field_name, problem
        super().__init__(f'field "{field_name}": {problem}' if field_name else problem)


def show(value) -> str:
    """A value as it was written in the file, shortened for a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def detect_kind(record) -> str | None:
    """Which kind of Kolada file a record comes from, or None if it is none of them."""
    if not isinstance(record, dict):
        return None
    keys = record.keys()
    if {"kpi", "municipality", "period"} <= keys:
        return DATA
    if {"id", "members"} <= keys:
        return GROUPS
    if {"id", "municipality_type"} <= keys:
        return KPIS
    if {"id", "title", "type"} <= keys:
        return MUNICIPALITIES
    return None


def _get(record: dict, name: str, *, required: bool = True):
    if name not in record:
        if required:
            raise BadRecord(name, "missing")
        return None
    return record[name]


def _text(record, name, max_length, *, required=True, blank=True, path=None) -> str:
    value = _get(record, name, required=required)
    label = path or name
    if value is None:
        if required:
            raise BadRecord(label, "missing (null)")
        return ""
    if not isinstance(value, str):
        raise BadRecord(label, f"{show(value)} is not text")
    if not blank and not value.strip():
        raise BadRecord(label, "is empty")
    if len(value) > max_length:
        raise BadRecord(label, f"is longer than {max_length} characters")
    return value


def _choice(record, name, choices) -> str:
    value = _get(record, name)
    if value not in choices or not isinstance(value, str):
        raise BadRecord(name, f"{show(value)} is not one of {', '.join(choices)}")
    return value


def _flag(record, name) -> bool:
    value = _get(record, name, required=False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise BadRecord(name, f"{show(value)} is not true or false")
    return value


def _date(record, name) -> dt.date | None:
    value = _get(record, name, required=False)
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRecord(name, f"{show(value)} is not a date (YYYY-MM-DD)") from None


def _municipality_id(value, label: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadRecord(label, f"{show(value)} is not a municipality id")
    if not isinstance(value, str):
        raise BadRecord(
            label,
            f"{show(value)} is a number; a municipality id is four digits in quotes, "
            'e.g. "0180" (leading zeros matter)',
        )
    if not MUNICIPALITY_ID.fullmatch(value):
        if value.startswith("G"):
            raise BadRecord(
                label,
                f"{show(value)} is a municipality group; values are loaded per municipality "
                "and a group's value is computed from its members",
            )
        raise BadRecord(label, f'{show(value)} is not a municipality id (four digits, e.g. "0180")')
    return value


def _known_municipality(value, label: str, known) -> str:
    value = _municipality_id(value, label)
    if value not in known:
        raise BadRecord(label, f"unknown municipality {show(value)}; load municipality.json first")
    return str(value)


def _kpi_id(value, label: str) -> str:
    if not isinstance(value, str):
        raise BadRecord(label, f"{show(value)} is not a KPI id")
    if not KPI_ID.fullmatch(value):
        raise BadRecord(
            label, f'{show(value)} is not a KPI id (a letter and five digits, e.g. "N00945")'
        )
    return value


def municipality_row(record) -> tuple:
    """(id, title, type) of a municipality record."""
    if not isinstance(record, dict):
        raise BadRecord(None, f"{show(record)} is not a municipality record")
    return (
        _municipality_id(_get(record, "id"), "id"),
        _text(record, "title", 200, blank=False),
        _choice(record, "type", MUNICIPALITY_TYPES),
    )


KPI_FIELDS = (
    "id",
    "title",
    "description",
    "is_divided_by_gender",
    "municipality_type",
    "auspice",
    "operating_area",
    "perspective",
    "prel_publication_date",
    "publication_date",
    "publ_period",
    "has_ou_data",
)


def kpi_row(record) -> tuple:
    """The KPI_FIELDS of a catalogue record, in order; text fields that are null become ""."""
    if not isinstance(record, dict):
        raise BadRecord(None, f"{show(record)} is not a KPI record")
    publ_period = _get(record, "publ_period", required=False)
    if isinstance(publ_period, int) and not isinstance(publ_period, bool):
        publ_period = str(publ_period)
        record = {**record, "publ_period": publ_period}
    return (
        _kpi_id(_get(record, "id"), "id"),
        _text(record, "title", 500, blank=False),
        _text(record, "description", 100_000, required=False),
        _flag(record, "is_divided_by_gender"),
        _choice(record, "municipality_type", KPI_MUNICIPALITY_TYPES),
        _text(record, "auspice", 10, required=False),
        _text(record, "operating_area", 500, required=False),
        _text(record, "perspective", 200, required=False),
        _date(record, "prel_publication_date"),
        _date(record, "publication_date"),
        _text(record, "publ_period", 20, required=False),
        _flag(record, "has_ou_data"),
    )


def group_row(record, municipalities) -> tuple[str, str, list[str]]:
    """(id, title, member ids) of a group record; every member must be a known municipality."""
    if not isinstance(record, dict):
        raise BadRecord(None, f"{show(record)} is not a group record")
    group_id = _get(record, "id")
    if not isinstance(group_id, str) or not GROUP_ID.fullmatch(group_id):
        raise BadRecord("id", f'{show(group_id)} is not a group id ("G" and digits)')
    title = _text(record, "title", 300, blank=False)
    members = _get(record, "members")
    if not isinstance(members, list):
        raise BadRecord("members", f"{show(members)} is not a list")
    ids: dict[str, None] = {}
    for index, member in enumerate(members):
        label = f"members[{index}]"
        if not isinstance(member, dict):
            raise BadRecord(label, f"{show(member)} is not a member record")
        if "member_id" not in member:
            raise BadRecord(f"{label}.member_id", "missing")
        ids[_known_municipality(member["member_id"], f"{label}.member_id", municipalities)] = None
    return group_id, title, list(ids)


_NO_DELETIONS: tuple[()] = ()


def value_rows(record, kpis, municipalities) -> tuple[list[tuple], list[tuple] | tuple]:
    """The values of one data record as rows (kpi, municipality, period, gender, value,
    status, count), and the keys (kpi, municipality, period, gender) it marks deleted.

    The fast path checks everything in one expression; only a bad record goes through
    `_explain_data`, which finds the first bad field for the message.
    """
    try:
        kpi = record["kpi"]
        municipality = record["municipality"]
        period = record["period"]
        values = record["values"]
    except (KeyError, TypeError):
        raise _explain_data(record, kpis, municipalities) from None
    if not (
        kpi.__class__ is str
        and kpi in kpis
        and municipality.__class__ is str
        and municipality in municipalities
        and period.__class__ is int
        and FIRST_YEAR <= period <= LAST_YEAR
        and values.__class__ is list
    ):
        raise _explain_data(record, kpis, municipalities)
    rows = []
    deletions: list[tuple[Any, ...]] | tuple[()] = _NO_DELETIONS
    for entry in values:
        if entry.__class__ is not dict:
            raise _explain_data(record, kpis, municipalities)
        gender = entry.get("gender")
        number = entry.get("value")
        status = entry.get("status")
        count = entry.get("count")
        if status is None:
            status = ""
        if number.__class__ is int:
            try:
                number = float(number)
            except OverflowError:
                raise _explain_data(record, kpis, municipalities) from None
        if not (
            gender in GENDERS
            and (number is None or (number.__class__ is float and isfinite(number)))
            and status.__class__ is str
            and len(status) <= 30
            and (count is None or (count.__class__ is int and 0 <= count <= MAX_COUNT))
        ):
            raise _explain_data(record, kpis, municipalities)
        deleted = entry.get("isdeleted")
        if deleted:
            if deleted is not True:
                raise _explain_data(record, kpis, municipalities)
            if not isinstance(deletions, list):  # still _NO_DELETIONS
                deletions = []
            deletions.append((kpi, municipality, period, gender))
        else:
            rows.append((kpi, municipality, period, gender, number, status, count))
    return rows, deletions


def _explain_data(record, kpis, municipalities) -> BadRecord:
    """The first problem of a data record that the fast path rejected."""
    try:
        _check_data(record, kpis, municipalities)
    except BadRecord as bad:
        return bad
    return BadRecord(None, "is not a valid data record")  # pragma: no cover - a safety net


def _check_data(record, kpis, municipalities) -> None:
    if not isinstance(record, dict):
        raise BadRecord(None, f"{show(record)} is not a data record")
    kpi = _kpi_id(_get(record, "kpi"), "kpi")
    if kpi not in kpis:
        raise BadRecord("kpi", f"unknown KPI {show(kpi)}; load the KPI catalogue first")
    _known_municipality(_get(record, "municipality"), "municipality", municipalities)
    period = _get(record, "period")
    if isinstance(period, bool) or not isinstance(period, int):
        raise BadRecord("period", f"{show(period)} is not a year (a whole number, e.g. 2020)")
    if not FIRST_YEAR <= period <= LAST_YEAR:
        raise BadRecord("period", f"{period} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    values = _get(record, "values")
    if not isinstance(values, list):
        raise BadRecord("values", f"{show(values)} is not a list")
    for index, entry in enumerate(values):
        label = f"values[{index}]"
        if not isinstance(entry, dict):
            raise BadRecord(label, f"{show(entry)} is not a value record")
        gender = entry.get("gender")
        if "gender" not in entry:
            raise BadRecord(f"{label}.gender", "missing")
        if gender not in GENDERS or not isinstance(gender, str):
            raise BadRecord(f"{label}.gender", f"{show(gender)} is not T, K or M")
        number = entry.get("value")
        if number is not None:
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise BadRecord(f"{label}.value", f"{show(number)} is not a number")
            try:
                if not isfinite(float(number)):
                    raise OverflowError
            except OverflowError:
                raise BadRecord(f"{label}.value", f"{show(number)} is too large") from None
        status = entry.get("status")
        if status is not None and not isinstance(status, str):
            raise BadRecord(f"{label}.status", f"{show(status)} is not text")
        if status is not None and len(status) > 30:
            raise BadRecord(f"{label}.status", "is longer than 30 characters")
        count = entry.get("count")
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_COUNT
        ):
            raise BadRecord(f"{label}.count", f"{show(count)} is not a count (a whole number ≥ 0)")
        deleted = entry.get("isdeleted")
        if deleted is not None and not isinstance(deleted, bool):
            raise BadRecord(f"{label}.isdeleted", f"{show(deleted)} is not true or false")
