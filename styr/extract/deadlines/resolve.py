"""Resolution: the date one expression stands for, the LAST day of the period it names.

Every year must lie in 1990..2100; impossible dates (31 februari, vecka 53 2016) are not
dates. Expressions without a year take ``default_year`` and are marked ``yearless``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from .grammar import _CHAIN_PREFIX, _EXPRESSION

PRECISIONS = ("day", "week", "month", "quarter", "tertial", "season", "half_year", "year")
MIN_YEAR = 1990
MAX_YEAR = 2100


@dataclass(frozen=True)
class Deadline:
    """A deadline as written in a plan and as a date (the last day of the period named)."""

    text: str  # the phrase exactly as written, with its preposition: "senast den 31 december 2015"
    date: dt.date  # the last day of the period
    precision: str  # one of PRECISIONS
    note: str = ""  # set when a typo was corrected: "2016-218 tolkat som 2016-2018"


# Lookup tables: matched through the same regex engine so case-folding behaves the same.
_MONTH_LOOKUP = [
    (re.compile(pattern, re.I), number)
    for number, pattern in enumerate(
        (
            r"januari|jan\.?",
            r"februari|feb\.?",
            r"mars|mar\.?",
            r"april|apr\.?",
            r"maj",
            r"juni|jun\.?",
            r"juli|jul\.",
            r"augusti|aug\.?",
            r"september|sept?\.?",
            r"oktober|okt\.?",
            r"november|nov\.?",
            r"december|dec\.?",
        ),
        start=1,
    )
]
_MONTH_FULL = re.compile(
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
    re.I,
)
_ORDINAL_LOOKUP = [
    (re.compile(pattern, re.I), number)
    for number, pattern in enumerate((r"första|1:a", r"andra|2:a", r"tredje|3:e", r"fjärde|4:e"), 1)
]
_LAST = re.compile(r"sista", re.I)
_SEASON_LOOKUP = [
    (re.compile(r"vår(?:en|terminen|termin)?", re.I), "spring"),
    (re.compile(r"sommar(?:en)?", re.I), "summer"),
    (re.compile(r"höst(?:en|terminen|termin)?", re.I), "autumn"),
    (re.compile(r"vintern?", re.I), "winter"),
]
_SEASON_DEFINITE = re.compile(r"(?:vår|höst)(?:en|terminen)|sommaren|vintern", re.I)
_SEASON_END = {"spring": (6, 30), "summer": (8, 31), "autumn": (12, 31)}


def _lookup(table, token: str):
    for pattern, value in table:
        if pattern.fullmatch(token):
            return value
    raise ValueError(token)


def _ordinal(token: str, last: int) -> int:
    if _LAST.fullmatch(token):
        return last
    number: int = _lookup(_ORDINAL_LOOKUP, token)
    if number > last:
        raise ValueError(token)
    return number


def _checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(year)
    return year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _later_short_year(first: int, digits: str) -> int:
    """The first year after `first` that ends in `digits`: '16' after 2015 -> 2016."""
    modulus: int = 10 ** len(digits)  # int ** int reads as Any (a negative power is a float)
    year = first - first % modulus + int(digits)
    if year <= first:
        year += modulus
    return year


def _typo_year(first: int, digits: str) -> int:
    """The one year 1..10 years after `first` that reads `digits` with one digit dropped.

    "2016-218": 2018 without its "0" is "218"; no other year in 2017..2026 gives "218".
    Raises ValueError when no year or several years fit ("2016-201": 2017, 2019, 2021).
    """
    fits = [
        year
        for year in range(first + 1, first + 11)
        if any(str(year)[:i] + str(year)[i + 1 :] == digits for i in range(4))
    ]
    if len(fits) != 1:
        raise ValueError(f"ambiguous or impossible typo {first}-{digits}")
    return fits[0]


class _Resolved(NamedTuple):
    date: dt.date
    precision: str
    note: str = ""
    yearless: bool = False  # the year came from default_year
    needs_preposition: bool = False  # a month name or season without year
    bare_year: bool = False  # a year or a range of years (subject to the year guards)


def _year_or_default(token: str | None, default_year: int | None) -> tuple[int, bool]:
    if token:
        return _checked_year(int(token)), False
    if default_year is None:
        raise ValueError("no year")
    return _checked_year(default_year), True


def _resolve(match: re.Match, default_year: int | None) -> _Resolved | None:
    """The date an expression match stands for, or None when it is not a real date."""
    try:
        resolved: _Resolved | None = _RESOLVERS[match.lastgroup or ""](match.group, default_year)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    return resolved


def _day(year: str, month: str, day: str) -> _Resolved:
    return _Resolved(dt.date(_checked_year(int(year)), int(month), int(day)), "day")


def _r_dm(g, default_year):
    year, yearless = _year_or_default(g("dm_y"), default_year)
    if g("dm_d0") and int(g("dm_d0")) >= int(g("dm_d")):
        raise ValueError("day range")
    day = dt.date(year, _lookup(_MONTH_LOOKUP, g("dm_m")), int(g("dm_d")))
    return _Resolved(day, "day", yearless=yearless)


def _r_week(year: int, week: int, yearless: bool = False) -> _Resolved:
    return _Resolved(dt.date.fromisocalendar(year, week, 7), "week", yearless=yearless)


def _r_wk(g, default_year):
    year, yearless = _year_or_default(g("wk_y"), default_year)
    return _r_week(year, int(g("wk_n")), yearless)


def _r_yp(g, default_year):
    first = _checked_year(int(g("yp_a")))
    if g("yp_b2"):
        last, sep, typo = int(g("yp_b2")), g("yp_s2"), False
    else:
        digits, sep = g("yp_b1"), g("yp_s1")
        typo = len(digits) == 3
        if typo and sep == "/":
            raise ValueError("registration number")
        last = _typo_year(first, digits) if typo else _later_short_year(first, digits)
        if len(digits) == 2 and not 1 <= last - first <= 10:
            if sep == "-" and 1 <= int(digits) <= 12:  # "2016-03": a month
                return _Resolved(_month_end(first, int(digits)), "month")
            raise ValueError("not a range")
    span = last - first
    if sep == "/" and span != 1:
        raise ValueError("slash range must be consecutive years")
    if not 1 <= span <= (10 if typo or not g("yp_b2") else 20):
        raise ValueError("not a range")
    _checked_year(last)
    note = f"{g('yp')} tolkat som {first}-{last}" if typo else ""
    return _Resolved(dt.date(last, 12, 31), "year", note=note, bare_year=True)


def _r_mr(g, default_year):
    year, yearless = _year_or_default(g("mr_y"), default_year)
    first, last = _lookup(_MONTH_LOOKUP, g("mr_m1")), _lookup(_MONTH_LOOKUP, g("mr_m2"))
    if last <= first:
        raise ValueError("month range")
    return _Resolved(_month_end(year, last), "month", yearless=yearless)


def _r_mo(g, default_year):
    year, yearless = _year_or_default(g("mo_y"), default_year)
    if yearless and not _MONTH_FULL.fullmatch(g("mo_m")):
        raise ValueError("abbreviated month without year")
    month = _lookup(_MONTH_LOOKUP, g("mo_m"))
    return _Resolved(
        _month_end(year, month), "month", yearless=yearless, needs_preposition=yearless
    )


def _r_se(g, default_year):
    word = g("se_w")
    season = _lookup(_SEASON_LOOKUP, word)
    year, yearless = _year_or_default(g("se_y"), default_year)
    if yearless and not _SEASON_DEFINITE.fullmatch(word):
        raise ValueError("'vår 2015' needs its year ('vår' is also 'our')")
    second = g("se_y2")
    if season == "winter":
        if second:
            following = _later_short_year(year, second) if len(second) == 2 else int(second)
            if following != year + 1:
                raise ValueError("winter spans consecutive years")
            year = _checked_year(following)
        return _Resolved(
            _month_end(year, 2), "season", yearless=yearless, needs_preposition=yearless
        )
    if second:
        raise ValueError("only winter spans two years")
    month, day = _SEASON_END[season]
    return _Resolved(
        dt.date(year, month, day), "season", yearless=yearless, needs_preposition=yearless
    )


def _r_hs(g, default_year):
    year, yearless = _year_or_default(g("hs_y"), default_year)
    return _Resolved(dt.date(year, 6, 30), "month", yearless=yearless)


def _r_th(g, default_year):
    token = g("th_y")
    year = _checked_year(int(token) if len(token) == 4 else 2000 + int(token))
    return _Resolved(dt.date(year, 6, 30) if g("th_w") == "VT" else dt.date(year, 12, 31), "season")


def _r_as(g, default_year):
    first_token, second_token = g("as_y1"), g("as_y2")
    if first_token is None:
        year, yearless = _year_or_default(None, default_year)
        return _Resolved(dt.date(year, 12, 31), "month", yearless=yearless)
    if len(first_token) == 2:
        if not second_token or len(second_token) != 2:
            raise ValueError("two-digit turn of the year needs both years")
        first = 2000 + int(first_token)
    else:
        first = int(first_token)
    _checked_year(first)
    if second_token:
        second = (
            int(second_token) if len(second_token) == 4 else _later_short_year(first, second_token)
        )
        if second != first + 1:
            raise ValueError("turn of the year spans consecutive years")
    return _Resolved(dt.date(first, 12, 31), "month")


def _r_ls(g, default_year):
    first, token = _checked_year(int(g("ls_y1"))), g("ls_y2")
    second = int(token) if len(token) == 4 else _later_short_year(first, token)
    if second != first + 1:
        raise ValueError("a school year spans consecutive years")
    return _Resolved(dt.date(_checked_year(second), 6, 30), "season")


def _r_ay(g, default_year):
    """ "under året", "i år": the document's own year, so only with a default year."""
    if default_year is None:
        raise ValueError("no year")
    return _Resolved(
        dt.date(_checked_year(default_year), 12, 31), "year", yearless=True, needs_preposition=True
    )


def _period(kind: str, size: int, precision: str):
    """Resolver for the n-th quarter/tertial/half of a year: group '<kind>_n', '<kind>_y'."""
    ordinal = kind in ("qo", "ho", "to")
    count = 12 // size

    def resolve(g, default_year):
        token = g(f"{kind}_n")
        number = _ordinal(token, count) if ordinal else int(token)
        if not 1 <= number <= count:
            raise ValueError(token)
        year, yearless = _year_or_default(g(f"{kind}_y"), default_year)
        return _Resolved(_month_end(year, number * size), precision, yearless=yearless)

    return resolve


_RESOLVERS = {
    "iso": lambda g, _: _day(g("iso_y"), g("iso_m"), g("iso_d")),
    "cmp": lambda g, _: _day(g("cmp_y"), g("cmp_m"), g("cmp_d")),
    "dmy": lambda g, _: _day(g("dmy_y"), g("dmy_m"), g("dmy_d")),
    "iw": lambda g, _: _r_week(_checked_year(int(g("iw_y"))), int(g("iw_w"))),
    "my": lambda g, _: _Resolved(
        _month_end(_checked_year(int(g("my_y"))), int(g("my_m"))), "month"
    ),
    "yp": _r_yp,
    "yr": lambda g, _: _Resolved(
        dt.date(_checked_year(int(g("yr_y"))), 12, 31), "year", bare_year=True
    ),
    "dm": _r_dm,
    "mr": _r_mr,
    "mo": _r_mo,
    "se": _r_se,
    "th": _r_th,
    "hs": lambda g, y: _r_hs(g, y),
    "as": _r_as,
    "ls": _r_ls,
    "qo": _period("qo", 3, "quarter"),
    "qn": _period("qn", 3, "quarter"),
    "qq": _period("qq", 3, "quarter"),
    "ho": _period("ho", 6, "half_year"),
    "hn": _period("hn", 6, "half_year"),
    "hh": _period("hh", 6, "half_year"),
    "to": _period("to", 4, "tertial"),
    "tn": _period("tn", 4, "tertial"),
    "tt": _period("tt", 4, "tertial"),
    "wk": _r_wk,
    "ay": _r_ay,
}


def _valid_default_year(default_year: int | None) -> int | None:
    if not isinstance(default_year, int) or isinstance(default_year, bool):
        return None
    return default_year if MIN_YEAR <= default_year <= MAX_YEAR else None


def parse_expression(phrase: str, *, default_year: int | None = None) -> tuple[dt.date, str] | None:
    """Resolve one bare date expression to (last day of the period, precision), or None.

    Leading deadline prepositions are tolerated ("under våren 2015" reads as "våren 2015");
    start words are not ("från 2015" is None). Yearless expressions need ``default_year``.
    """
    if not isinstance(phrase, str):
        return None
    default_year = _valid_default_year(default_year)
    text = phrase.strip()
    match, position = _EXPRESSION.fullmatch(text), 0
    while match is None:
        prefix = _CHAIN_PREFIX.match(text, position)
        if prefix is None or prefix.end() == position:
            return None
        position = prefix.end()
        match = _EXPRESSION.fullmatch(text, position)
    resolved = _resolve(match, default_year)
    if resolved is None:
        return None
    return resolved.date, resolved.precision
