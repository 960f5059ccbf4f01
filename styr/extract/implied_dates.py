"""Deadlines whose date a sentence leaves to its surroundings.

- A time counted from the decision ("rapportera till fullmäktige inom sex månader", "inom
  två veckor"): from the document's own date (a minutes' or a summary's date near its top,
  "Protokoll 2025-03-11", "Beslut i korthet – kommunfullmäktige 26 november 2024"); none
  when the document states no date.
- A period without a year ("arbetet ska vara klart under hösten", "under första halvåret")
  in a document that states no date of its own: the one year its paragraph's line states
  ("Under 2025 kommer förvaltningen att …; arbetet ska vara klart under hösten"), else the
  year its section heading ends with ("Planerade insatser 2025"). Only the line: a report's
  activities one per line each state their own years. A day without a year ("den 26
  april") is left without one: a budget text is written the year before its year.
"""

from __future__ import annotations

import datetime as dt
import re

from styr.extract.deadlines import Deadline, find_deadline

_NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "arton": 18,
}  # fmt: skip
_WITHIN = re.compile(
    r"\binom\s+(?P<n>\d{1,2}|" + "|".join(_NUMBERS) + r")\s+"
    r"(?P<unit>dagar|veckor|månader|månad|år)(?!\w)",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_FULL_DATE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
_YEAR = re.compile(r"(?<![\d/–-])\b(?:19|20)\d\d\b(?![/–-]\d)")
_HEADING_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*$")


def implied_deadline(
    plain: str, text: str, span: tuple[int, int] | None, heading: str | None, year: int | None
) -> Deadline | None:
    """The deadline of an action's text `plain` that its surroundings date, or None.

    `text` is the document, `span` where the action was read, `heading` its section's
    heading and `year` the year the document states (None if it states none).
    """
    if "inom" in plain:
        within = _WITHIN.search(plain)
        if within is not None:
            return _counted(within, text)
    if year is not None or span is None:
        return None
    paragraph_year = _line_year(text, span)
    if paragraph_year is None and heading:
        heading_year = _HEADING_YEAR.search(heading)
        paragraph_year = int(heading_year.group(1)) if heading_year else None
    if paragraph_year is None:
        return None
    found = find_deadline(plain, default_year=paragraph_year)
    return found if found is not None and found.precision != "day" else None


def _counted(within: re.Match, text: str) -> Deadline | None:
    start = _own_date(text)
    if start is None:
        return None
    number = within.group("n").lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    unit = within.group("unit").lower()
    if unit == "dagar":
        end = start + dt.timedelta(days=count)
    elif unit == "veckor":
        end = start + dt.timedelta(weeks=count)
    else:
        months = count * 12 if unit == "år" else count
        year, month = divmod(start.month - 1 + months, 12)
        end = _clamped(start.year + year, month + 1, start.day)
    return Deadline(within.group(0), end, "day")


def _clamped(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1  # "31 januari" plus a month: the last day of February


def _own_date(text: str) -> dt.date | None:
    """The document's date: its first ISO or full date near the top."""
    top = text[:2000]
    found = [m for m in (_ISO_DATE.search(top), _FULL_DATE.search(top)) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    try:
        if first.re is _ISO_DATE:
            return dt.date(int(first.group(1)), int(first.group(2)), int(first.group(3)))
        month = _MONTHS.index(first.group(2).lower()) + 1
        return dt.date(int(first.group(3)), month, int(first.group(1)))
    except ValueError:
        return None


def _line_year(text: str, span: tuple[int, int]) -> int | None:
    """The one year the line(s) of `span` state, or None (none or several)."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    years = set(_YEAR.findall(text[start : end if end >= 0 else len(text)]))
    return int(years.pop()) if len(years) == 1 else None
