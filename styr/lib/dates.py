"""Swedish dates: the one rule for reading dates and years, and describing imprecise dates.

Pure functions, no Django: used by pages, reports and the command line alike. Every date or
year a user gives (a query parameter such as `as_of`, `since` or `ar`, a form field, a
command-line option) is read by `read_date` or `read_year`: strictly YYYY-MM-DD (or four
digits) and within FIRST_DAY..LAST_DAY, the years a municipality can sensibly govern and
report on. One range everywhere means a page that accepts a day only links to pages that
accept it too, and no day can reach arithmetic that overflows (9999-12-31 plus a day).
A date known only to a period (a season, a quarter, a year) is stored as the period's last
day together with its precision; `describe` turns the pair back into the words a Swedish
reader expects ("våren 2015", "december 2014", "2 september 2015").

Not Django's localisation: its `date_format(day, "j F Y")` gives the same "2 september 2015",
but it needs Django (this module is pure, for reports built without it) and has no words for
imprecise periods ("våren 2015", "tertial 2 2016").
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable

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

# Years a municipality can sensibly govern and report on; anything else is a typo.
FIRST_YEAR = 1950
LAST_YEAR = 2100
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(LAST_YEAR, 12, 31)

# A value quoted back in a message is cut here, so that a page never repeats a megabyte.
_QUOTED_LENGTH = 40

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages finds it) without importing Django; the
    Django layer translates `InvalidDate.template` when it shows the message."""
    return message


NOT_A_DATE = gettext_noop(
    "Ogiltigt datum ”%(value)s” för %(name)s. Ange ett datum som ÅÅÅÅ-MM-DD mellan "
    "%(first)s och %(last)s, t.ex. 2015-09-02."
)
NOT_A_YEAR = gettext_noop(
    "Ogiltigt år ”%(value)s” för %(name)s. Ange året med fyra siffror, mellan %(first)s och "
    "%(last)s, t.ex. 2016."
)


class InvalidDate(ValueError):
    """A date or year that breaks the one rule: malformed, impossible or out of range.

    `str()` is the Swedish message naming the parameter, the value and the allowed range;
    `template` and `params` let the Django layer translate it.
    """

    def __init__(self, value: str, name: str = "datum", template: str = NOT_A_DATE):
        self.value, self.name, self.template = value, name, template
        super().__init__(self.template % self.params)

    @property
    def params(self) -> dict[str, str]:
        quoted = str(self.value)
        if len(quoted) > _QUOTED_LENGTH:
            quoted = quoted[: _QUOTED_LENGTH - 1] + "…"
        if self.template == NOT_A_YEAR:
            first, last = str(FIRST_YEAR), str(LAST_YEAR)
        else:
            first, last = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
        return {"value": quoted, "name": self.name, "first": first, "last": last}


def parse_iso_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly, any year; raise InvalidDate naming the text otherwise.
    For what a user gives, use `read_date`, which also holds the range."""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text) or not text.isascii():
        raise InvalidDate(str(text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidDate(text) from error


def read_date(text: str, name: str = "datum") -> dt.date:
    """A day given by a user: YYYY-MM-DD, a real calendar day, FIRST_DAY..LAST_DAY.

    `name` is how the user gave it (`as_of`, `--since`, a field's label); InvalidDate names
    it, the value and the allowed range, in Swedish.
    """
    try:
        day = parse_iso_date(text.strip() if isinstance(text, str) else text)
    except InvalidDate:
        raise InvalidDate(text, name) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidDate(text, name)
    return day


def read_year(text: str, name: str = "år") -> int:
    """A year given by a user: four digits, FIRST_YEAR..LAST_YEAR; else InvalidDate."""
    text = text.strip() if isinstance(text, str) else str(text)
    if not (_YEAR.fullmatch(text) and text.isascii()) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise InvalidDate(text, name, NOT_A_YEAR)
    return int(text)


def date_option(name: str) -> Callable[[str], dt.date]:
    """argparse's `type=` for a command's date option: `type=date_option("--as-of")`.
    A bad value stops the command with the one rule's message and a non-zero exit."""

    def date(text: str) -> dt.date:
        try:
            return read_date(text, name)
        except InvalidDate as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return date


def year_option(name: str) -> Callable[[str], int]:
    """argparse's `type=` for a command's year option: `type=year_option("--year")`."""

    def year(text: str) -> int:
        try:
            return read_year(text, name)
        except InvalidDate as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return year


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
