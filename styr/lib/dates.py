"""Swedish dates: parsing the as-of parameter and describing imprecise dates.

Pure functions, no Django: used by pages, reports and the command line alike.
A date known only to a period (a season, a quarter, a year) is stored as the period's last
day together with its precision; `describe` turns the pair back into the words a Swedish
reader expects ("våren 2015", "december 2014", "2 september 2015").
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = [
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
ORDINALS = ["första", "andra", "tredje", "fjärde"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InvalidDate(ValueError):
    """A date string that is not a real calendar date in the form YYYY-MM-DD."""


def parse_iso_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly; raise InvalidDate naming the text otherwise."""
    if not _ISO_DATE.match(text or ""):
        raise InvalidDate(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidDate(text) from error


def swedish_day(day: dt.date) -> str:
    """'2 september 2015'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def describe(day: dt.date, precision: str) -> str:
    """Describe a date stored as the last day of a period of the given precision."""
    if precision == "year":
        return str(day.year)
    if precision == "half_year":
        return f"{ORDINALS[(day.month - 1) // 6]} halvåret {day.year}"
    if precision == "season":
        # A season ends: winter in February, spring in June, summer in August, autumn in December.
        season = "vintern" if day.month <= 2 else "våren" if day.month <= 6 else "sommaren"
        return f"{season if day.month <= 8 else 'hösten'} {day.year}"
    if precision == "tertial":
        return f"tertial {(day.month - 1) // 4 + 1} {day.year}"
    if precision == "quarter":
        return f"{ORDINALS[(day.month - 1) // 3]} kvartalet {day.year}"
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"vecka {week} {year}"
    return swedish_day(day)
