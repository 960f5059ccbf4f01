"""Deadlines in Swedish plan text: "senast den 31 december 2015", "under våren 2015", ...

Pure Python (standard library only, no Django): finds the date by which an action must be
done, keeps the phrase exactly as written, and resolves it to the LAST day of the period it
names, together with a precision (see ``PRECISIONS``).

Two entry points:

- ``parse_expression(phrase)`` reads one bare expression ("våren 2015", "31/12 2015",
  "vecka 12 2016", "tertial 2" with a default year, ...) and returns ``(date, precision)``.
- ``find_deadline(paragraph)`` finds every date expression in a paragraph, drops the ones that
  are not deadlines and returns the deadline as a ``Deadline``, or ``None``.

Grammar (case-insensitive; months may be written in full or as jan, feb, mar, apr, maj, jun,
jul., aug, sep, sept, okt, nov, dec, with or without a period; "jul" needs the period because
"jul" is also Christmas). Every year must lie in 1990..2100.

day        2015-12-31, 20151231, 31/12 2015, 31/12/2015, 31/12-2015, 31.12.2015,
           31 december 2015, den 1:a jan. 2016, 1-15 mars 2016 (the last day of a range)
week       vecka 12 2016, v. 12 2016, v12, 2016-W12: the Sunday of that ISO week
           (vecka 53 only in years that have one)
month      december 2014, 2016-03 (not 2015-16, a range): the last day of the month;
           november-december 2014, nov–dec 2014: the last day of the last month;
           årsskiftet 2015/2016, årsskiftet 2015/16, årsskiftet 15/16, årsskiftet 2015:
           31 December of the first year; halvårsskiftet 2016: 30 June
quarter    första kvartalet 2015, 1:a kvartalet, sista kvartalet, kvartal 3 2015,
           kv. 3 2015, Q3 2015, Q3/2016: the last day of the quarter
tertial    tertial 2 2016, T2 2016, andra tertialet 2016: 30 April, 31 August, 31 December
season     våren, vårterminen, VT 2015: 30 June; sommaren 2015: 31 August; hösten,
           höstterminen, HT 2015, HT16: 31 December; vintern 2016: the last day of
           February 2016 (the winter that ends in that year); vintern 2015/2016 and
           vintern 2015/16: the last day of February 2016
half_year  första/andra/sista halvåret 2016, halvår 1 2016, H1 2016: 30 June / 31 December
year       2016, år 2016: 31 December; 2015-2016, 2015 – 2016, 2015-16, 2015/2016 (slash:
           consecutive years only): 31 December of the last year; the typo 2016-218 reads
           as 2016-2018 when exactly one year 1..10 years after the first gives those three
           digits with one digit dropped, with the note "2016-218 tolkat som 2016-2018"

Expressions without a year ("våren", "i december", "tertial 2", "v12", "den 1 januari",
"vid årsskiftet", "Q3") need ``default_year``; without it they are ignored. In a paragraph,
a month name or a season without a year also needs a preposition in front of it ("i mars",
"under hösten"), so "För våren planeras ..." is not read as a deadline.

Not dates: impossible dates (31 februari, 2015-13-45, vecka 53 2016), numbers glued to other
numbers ("KFKS 2012/577-001", "2015:123", "2015,5", personal numbers), "2010-talet", years
followed by "års" or a unit ("2015 års budget", "2000 kr", "2016 personer"), years after
"ca", "drygt", ..., years after "dnr", and "NNNN/NN" right after an upper-case registry
prefix ("KS 2015/16"). A year range with "-" may span 1..20 years (two- or three-digit second
part: 1..10 years); with "/" the years must be consecutive.

Choosing the deadline in a paragraph (``find_deadline``):

1. Start dates are dropped: an expression right after "från och med", "fr.o.m.", "fr o m",
   "fom", "från", "sedan", "med start", "start", "startar", "startade", "efter", "påbörjas",
   "påbörjades", "inleds", "börjar" (optionally followed by "den", "i", "under", "vid").
   A later yearless expression naming the same period is dropped as well: in "Från och med
   hösten 2015 utvecklas ... Under hösten prövas ..." (default year 2015) "Under hösten" is
   the autumn the work starts, not a deadline.
2. Past tense is dropped. The paragraph is split into sentences (at . ! ? ; : followed by a
   capital letter, at line breaks and at "*"), sentences into clauses (at commas and at
   "och", "samt", "men", "medan", "eller"; not the "och" of "till och med"/"från och med").
   A clause is past when it has a past-tense verb and no present/future marker; a clause
   with no verb of its own at all ("Kommunstyrelsen noterade ... inriktning och plan för
   ledning ... i december 2014": the part after "och") takes the tense of the clause before
   it in the same sentence. Past verbs: var (not "var och en", "var tredje", ...), blev,
   gjorde(s), hade, kunde, skulle, ville, borde, fanns, gick, tog(s), fick, kom, gav(s),
   låg, satt, såg(s), sade, beslöt(s), skedde, pågick, genomgick, lades, antog(s),
   beskrev(s), skrev(s), drog(s), höll(s), ingick(s); "har"/"hade" followed by a supine
   (-at, -it, -ats, -its, -ts, gjort, skett, gått, fått, varit, haft, blivit); and words of
   five letters or more ending in -ade(s), -des, -tes, -rde, -dde, -gde, -vde, -lde, -mde,
   -kte, -pte, -tte, -xte — unless the word opens the sentence (a Swedish main clause never
   starts with its finite verb) or follows a determiner or a preposition ("den samlade",
   "av tidigare planerade"), which makes it an adjective. Present/future markers: ska, skall,
   kommer att, planeras, planerar, beräknas, avses, avser, bör, behöver, måste, förväntas,
   väntas, genomförs, pågår. "Has a verb of its own" is generous: any word ending in -r or
   -s except a few prepositions and month names, or är, kan, vill.
3. A bare year or year range (no preposition) followed by ":" is a label ("Budget 2016: 3
   mnkr", "prop. 2015/16:KU20") and is dropped. One right after a plan word ("mål och budget
   2016-2018", "perioden 2015-2017", "handlingsplanen 2016", ...) or after a capitalised word
   ("Agenda 2030", "Vision 2030", "Nacka 2030") names a document or a programme: it is used
   only when nothing else is left.
4. Among the rest, an expression introduced by a deadline marker wins: "senast" (also
   "klart senast", "ska vara klar senast", up to 30 characters before the date, no digits
   in between), "deadline", "slutdatum", "färdig(t) till", "klar(t/a) till", or "klar(t)",
   "färdig(t)" right before the date ("klart 2016-12-31", "Klart: tertial 2 2017").
   Otherwise the LATEST date wins: the action is done when its last part is done. Ties go
   to the earlier phrase.

The paragraph should be the action without its status note: the memo's notes ("*Arbetet
pågår, beräknas vara klart årsskiftet 2015/2016.*") carry revised dates, and "klart" makes
them win. Split the note off first (see ``styr.extract.status``) and read it separately.

``Deadline.text`` is the expression with the prepositions right in front of it, exactly as
written: senast, fram till, till och med, t.o.m., före, innan, till, per, under, inom, vid,
i, den, år, året, utgången av, slutet av — chained ("senast den", "fram till", "vid
utgången av") and optionally followed by ":" ("senast: 2016-06-30") — or one of klar,
klart, färdig, färdigt directly before the expression ("klart 2016-12-31"). "klar till
årsskiftet 2014/2015" gives "till årsskiftet 2014/2015": "klar(t)" is only kept when it is
the word right before the expression.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["PRECISIONS", "Deadline", "find_deadline", "parse_expression"]

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


# --------------------------------------------------------------------------------------------
# The expression grammar: one regex with one named group per form, compiled once.

_SP = r"\s{1,5}"  # between words; a line break counts (PDF text breaks lines anywhere)
_OSP = r"\s{0,5}"
_DASH = r"[-–—]"
_NUM_L = r"(?<![\w])(?<![0-9][.,/:\-–—])"  # not glued to a word or to a number before
_NUM_R = r"(?![\w])(?![.,/:\-–—][0-9])(?!-tal)"  # nor after; "2010-talet" is a decade
_WORD_L = r"(?<![\w])"

_MONTH = (
    r"(?:(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
    r"|december)(?!\w)|(?:jan|feb|mar|apr|jun|aug|sept|sep|okt|nov|dec)(?!\w)\.?|jul\.)"
)


def _year_tail(name: str, *, separators: bool = True) -> str:
    """An optional year after an expression, never followed by another number."""
    sep = rf"(?:{_SP}|{_OSP}[/\-–]{_OSP})" if separators else _SP
    return rf"(?:{sep}(?P<{name}>[0-9]{{4}}){_NUM_R})?(?!{_OSP}[0-9])"


_ORD4 = r"(?:första|andra|tredje|fjärde|sista|1:a|2:a|3:e|4:e)"
_ORD3 = r"(?:första|andra|tredje|sista|1:a|2:a|3:e)"
_ORD2 = r"(?:första|andra|sista|1:a|2:a)"

_FORMS = {
    # numeric dates
    "iso": rf"{_NUM_L}(?P<iso_y>[0-9]{{4}})-(?P<iso_m>[0-9]{{2}})-(?P<iso_d>[0-9]{{2}}){_NUM_R}",
    "cmp": rf"{_NUM_L}(?P<cmp_y>(?:19|20|21)[0-9]{{2}})(?P<cmp_m>[01][0-9])(?P<cmp_d>[0-3][0-9])"
    rf"{_NUM_R}",
    "iw": rf"{_NUM_L}(?P<iw_y>[0-9]{{4}})-?W(?P<iw_w>[0-9]{{2}}){_NUM_R}",
    "yp": rf"{_NUM_L}(?P<yp_a>[0-9]{{4}})(?:(?P<yp_s1>[-–—/])(?P<yp_b1>[0-9]{{2,3}})"
    rf"|{_OSP}(?P<yp_s2>[-–—/]){_OSP}(?P<yp_b2>[0-9]{{4}})){_NUM_R}",
    "yr": rf"{_NUM_L}(?P<yr_y>[0-9]{{4}}){_NUM_R}",
    "dmy": rf"{_NUM_L}(?P<dmy_d>[0-9]{{1,2}})[/.](?P<dmy_m>[0-9]{{1,2}})(?:[/.\-]|{_SP})"
    rf"(?P<dmy_y>[0-9]{{4}}){_NUM_R}",
    # day and month name: "31 december 2015", "1:a jan. 2016", "1-15 mars 2016"
    "dm": rf"{_NUM_L}(?:(?P<dm_d0>[0-9]{{1,2}})(?::[ae])?{_OSP}{_DASH}{_OSP})?"
    rf"(?P<dm_d>[0-9]{{1,2}})(?::[ae])?{_SP}(?P<dm_m>{_MONTH})"
    + _year_tail("dm_y", separators=False),
    # quarters, half years, tertials with a leading ordinal ("1:a kvartalet" starts with a digit)
    "qo": rf"{_WORD_L}(?P<qo_n>{_ORD4}){_SP}kvartalet(?!\w)" + _year_tail("qo_y", separators=False),
    "ho": rf"{_WORD_L}(?P<ho_n>{_ORD2}){_SP}halvåret(?!\w)" + _year_tail("ho_y", separators=False),
    "to": rf"{_WORD_L}(?P<to_n>{_ORD3}){_SP}tertialet(?!\w)" + _year_tail("to_y", separators=False),
    # months
    "mr": rf"{_WORD_L}(?P<mr_m1>{_MONTH}){_OSP}[-–—/]{_OSP}(?P<mr_m2>{_MONTH})"
    + _year_tail("mr_y", separators=False),
    "mo": rf"{_WORD_L}(?P<mo_m>{_MONTH})" + _year_tail("mo_y", separators=False),
    # seasons
    "se": rf"{_WORD_L}(?P<se_w>vår(?:en|terminen|termin)?|höst(?:en|terminen|termin)?"
    rf"|sommar(?:en)?|vintern?)(?!\w)(?:{_SP}(?P<se_y>[0-9]{{4}})"
    rf"(?:{_OSP}[/\-–]{_OSP}(?P<se_y2>[0-9]{{4}}|[0-9]{{2}}))?{_NUM_R})?(?!{_OSP}[0-9])",
    "th": rf"{_WORD_L}(?-i:(?P<th_w>VT|HT))(?:-|{_OSP})(?P<th_y>[0-9]{{4}}|[0-9]{{2}}){_NUM_R}",
    # turn of the (half) year
    "hs": rf"{_WORD_L}halvårsskiftet?(?!\w)" + _year_tail("hs_y", separators=False),
    "as": rf"{_WORD_L}årsskiftet?(?!\w)(?:{_SP}(?P<as_y1>[0-9]{{4}}|[0-9]{{2}})"
    rf"(?:{_OSP}[/\-–]{_OSP}(?P<as_y2>[0-9]{{4}}|[0-9]{{2}}))?{_NUM_R})?(?!{_OSP}[0-9])",
    # numbered quarters, half years, tertials, weeks
    "qn": rf"{_WORD_L}(?:kvartal|kv\.?){_OSP}(?P<qn_n>[1-4])(?!\w)" + _year_tail("qn_y"),
    "qq": rf"{_WORD_L}Q(?P<qq_n>[1-4])(?!\w)" + _year_tail("qq_y"),
    "hn": rf"{_WORD_L}halvår{_OSP}(?P<hn_n>[12])(?!\w)" + _year_tail("hn_y"),
    "hh": rf"{_WORD_L}H(?P<hh_n>[12])(?:[-/]|{_OSP})(?P<hh_y>[0-9]{{4}}){_NUM_R}",
    "tn": rf"{_WORD_L}tertial{_OSP}(?P<tn_n>[1-3])(?!\w)" + _year_tail("tn_y"),
    "tt": rf"{_WORD_L}T(?P<tt_n>[1-3])(?:[-/]|{_OSP})(?P<tt_y>[0-9]{{4}}){_NUM_R}",
    "wk": rf"{_WORD_L}(?:vecka|v\.?){_OSP}(?P<wk_n>[0-9]{{1,2}})(?!\w)" + _year_tail("wk_y"),
}

_EXPRESSION = re.compile("|".join(f"(?P<{name}>{form})" for name, form in _FORMS.items()), re.I)
# Every expression starts at a word start with one of these: scanning for them first and trying
# _EXPRESSION only there is several times faster than letting _EXPRESSION scan the text.
_TRIGGER = re.compile(
    r"\b(?:[0-9]|[vhqt]|sommar|sista|sep|jan|feb|mar|apr|maj|jun|jul|aug|okt|nov|dec|kv"
    r"|årsskift|första|andra|tredje|fjärde)",
    re.I,
)


def _expressions(text: str):
    """Like _EXPRESSION.finditer(text), faster."""
    end = 0
    for trigger in _TRIGGER.finditer(text):
        start = trigger.start()
        if start < end:
            continue
        match = _EXPRESSION.match(text, start)
        if match:
            end = match.end()
            yield match


# Prepositions kept in Deadline.text, and the markers around an expression.
_PREP = (
    r"(?:(?:senast|fram\s+till|till\s+och\s+med|före|innan|till|per|under|inom|vid|i|den|år"
    r"|året|utgången\s+av|slutet\s+av)(?!\w)|t\.\s?o\.\s?m\.?(?!\w))"
)
_COLON = r"\s{0,5}(?::\s{0,5})?"
_CHAIN = re.compile(
    rf"(?<![\w.])(?:{_PREP}{_COLON})+$|(?<![\w.])(?:klart?|färdigt?)(?!\w){_COLON}$", re.I
)
_CHAIN_PREFIX = re.compile(rf"(?:{_PREP}{_COLON})+|(?:klart?|färdigt?)(?!\w){_COLON}", re.I)
_START = re.compile(
    r"(?<![\w.])(?:från\s+och\s+med|fr\.\s?o\.\s?m\.?|fr\s+o\s+m|fom|från|sedan|med\s+start"
    r"|start|startar|startade|efter|påbörjas|påbörjades|inleds|börjar)(?!\w)"
    rf"{_COLON}(?:(?:den|i|under|vid|år|året)(?!\w)\s{{0,5}})?$",
    re.I,
)
_MARKER = re.compile(
    r"(?:\b(?:senast|deadline|slutdatum|färdig[at]?\s+till|klar[at]?\s+till)(?!\w)"
    rf"[^0-9;.!?\n]{{0,30}}|(?<![\w.])(?:klart?|färdigt?)(?!\w){_COLON})$",
    re.I,
)
_DNR = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr|beteckning)\.?:?\s{0,5}"
    r"(?:[A-ZÅÄÖ]{2,}\s{0,5})?$",
    re.I,
)
_CAPS_BEFORE = re.compile(r"(?<![\w])[A-ZÅÄÖ]{2,}\s{0,5}$")  # "KS 2015/16" is a registry number
_QUANTITY_BEFORE = re.compile(
    r"(?<![\w])(?:ca|cirka|c:a|drygt|knappt|nästan|omkring|totalt|minst|högst|maximalt"
    r"|uppemot)\s{1,5}$",
    re.I,
)
_AFTER_YEAR = re.compile(
    r"\s{0,5}(?:års|kr|kronor|tkr|mkr|mnkr|msek|sek|%|procent|st|stycken|personer|invånare"
    r"|kvm|m2|meter|timmar|ärenden|platser|lägenheter|bostäder|elever|barn|medarbetare"
    r"|anställda)(?!\w)",
    re.I,
)
_LABEL_AFTER = re.compile(r"\s{0,5}:(?![0-9])")
_PREV_WORD = re.compile(r"(?<![\w])([^\W\d_]+)[\s:]{1,5}$")
_REFERENCE_WORDS = (  # "mål och budget 2016-2018", "perioden 2015-2017": a document, not a deadline
    "budget",
    "budgeten",
    "plan",
    "planen",
    "period",
    "perioden",
    "program",
    "programmet",
    "inriktning",
    "inriktningen",
    "strategi",
    "strategin",
    "vision",
    "visionen",
    "agenda",
)

_WINDOW = 60  # characters looked at before an expression

# Sentence and clause boundaries (case-sensitive: a sentence starts with a capital letter).
_BOUNDARY = re.compile(
    r"(?P<sent>[.!?;:](?=\s+[\"'*(\[]*[A-ZÅÄÖÉ])|\n|\*)|(?P<clause>,|\s(?:och|samt|men|medan"
    r"|eller)\s(?!med\b))"
)
_WORD = re.compile(r"[^\W_]+")  # words and numbers

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
    number = _lookup(_ORDINAL_LOOKUP, token)
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
    modulus = 10 ** len(digits)
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
        return _RESOLVERS[match.lastgroup](match.group, default_year)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None


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
}


def _valid_default_year(default_year: int | None) -> int | None:
    usable = isinstance(default_year, int) and not isinstance(default_year, bool)
    return default_year if usable and MIN_YEAR <= default_year <= MAX_YEAR else None


# --------------------------------------------------------------------------------------------
# Public API


def parse_expression(phrase: str, *, default_year: int | None = None) -> tuple[dt.date, str] | None:
    """Resolve one bare date expression to (last day of the period, precision), or None.

    Leading deadline prepositions are tolerated ("under våren 2015" reads as "våren 2015");
    start words are not ("från 2015" is None). Yearless expressions need ``default_year``.
    """
    if not isinstance(phrase, str):
        return None
    default_year = _valid_default_year(default_year)
    text = phrase.strip()
    match = _EXPRESSION.fullmatch(text)
    if match is None:
        prefix = _CHAIN_PREFIX.match(text)
        if prefix is None or prefix.end() == 0:
            return None
        match = _EXPRESSION.fullmatch(text, prefix.end())
        if match is None:
            return None
    resolved = _resolve(match, default_year)
    if resolved is None:
        return None
    return resolved.date, resolved.precision


_START_TIER = -1


class _Candidate(NamedTuple):
    tier: int  # 0: marked ("senast" & co), 1: ordinary, 2: plan/budget reference, -1: a start
    start: int  # start of Deadline.text (the preposition, if any)
    end: int
    resolved: _Resolved


def find_deadline(text: str, *, default_year: int | None = None) -> Deadline | None:
    """The deadline of a paragraph of a plan, or None (see the module docstring for the rules)."""
    if not isinstance(text, str) or not text:
        return None
    default_year = _valid_default_year(default_year)
    clauses = _Clauses(text)
    best: _Candidate | None = None
    starts: set[tuple[dt.date, str]] = set()
    for match in _expressions(text):
        candidate = _candidate(text, match, default_year, clauses)
        if candidate is None:
            continue
        period = (candidate.resolved.date, candidate.resolved.precision)
        if candidate.tier == _START_TIER:
            starts.add(period)
            continue
        if candidate.resolved.yearless and period in starts:
            continue  # "Från och med hösten 2015 ... Under hösten prövas ...": the same start
        if best is None or (candidate.tier, -candidate.resolved.date.toordinal()) < (
            best.tier,
            -best.resolved.date.toordinal(),
        ):
            best = candidate
    if best is None:
        return None
    resolved = best.resolved
    return Deadline(text[best.start : best.end], resolved.date, resolved.precision, resolved.note)


def _candidate(
    text: str, match: re.Match, default_year: int | None, clauses: _Clauses
) -> _Candidate | None:
    resolved = _resolve(match, default_year)
    if resolved is None:
        return None
    start, end = match.span()
    low = max(0, start - _WINDOW)
    if _DNR.search(text, low, start):
        return None
    chain = _CHAIN.search(text, low, start)
    text_start = chain.start() if chain else start
    if _START.search(text, low, start):
        return _Candidate(_START_TIER, text_start, end, resolved)
    if resolved.needs_preposition and chain is None:
        return None
    tier = 1
    if resolved.bare_year:
        if _AFTER_YEAR.match(text, end) or _QUANTITY_BEFORE.search(text, low, start):
            return None
        if (
            match.lastgroup == "yp"
            and "/" in match.group()
            and _CAPS_BEFORE.search(text, low, start)
        ):
            return None
        if chain is None:
            if _LABEL_AFTER.match(text, end):
                return None
            previous = _PREV_WORD.search(text, low, start)
            if previous and _is_reference_word(previous.group(1)):
                tier = 2
    if clauses.is_past(start, end):
        return None
    if _MARKER.search(text, low, start):
        tier = 0
    return _Candidate(tier, text_start, end, resolved)


def _is_reference_word(word: str) -> bool:
    """'budget 2016', 'perioden 2015-2017', 'Agenda 2030', 'Nacka 2030': names, not deadlines."""
    if word[0].isupper():
        return True
    word = word.lower()
    return word in ("mål", "målen") or word.endswith(_REFERENCE_WORDS)


# --------------------------------------------------------------------------------------------
# Past tense, per clause


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PAST_WORDS = _words(
    "var blev gjorde gjordes hade kunde skulle ville borde fanns gick tog togs fick kom "
    "gav gavs låg satt såg sade beslöt beslöts skedde pågick genomgick lades antog antogs "
    "beskrev beskrevs skrev skrevs drog drogs höll hölls ingick ingicks sågs"
)
_NOT_PAST = _words("således likaledes måste")
_VAR_NOT_PAST_BEFORE = _words(
    "och för annan tredje fjärde femte sjätte sjunde åttonde nionde tionde"
)
_SUPINE = _words("gjort skett gått fått varit haft blivit")
_PERFECT_AUX = frozenset(("har", "hade"))
_PERFECT_SKIP = _words("inte nu redan också även tidigare just")
_PRESENT_MARKERS = _words(
    "ska skall planeras planerar beräknas avses avser bör behöver måste förväntas väntas "
    "genomförs pågår"
)
# After these words an -ade/-de/-te word is an adjective or participle, not a finite verb.
_NOT_VERB_AFTER = _words(
    "den det de dessa denna detta tidigare redan vår vårt våra sin sitt sina deras dess "
    "hans hennes alla samtliga en ett är blir bli vara varit av för med i på till om "
    "enligt inom mot från vid genom efter utan mellan hos över under kring"
)
_PAST_SUFFIXES = ("rde", "dde", "gde", "vde", "lde", "mde", "kte", "pte", "tte", "xte")
# Words ending in -r or -s that are not verbs (for "does this clause have a verb of its own?").
_NOT_VERB_RS = _words(
    "för under efter över inför mer eller när där här hur per vår er ur dess hans vars "
    "deras också alls ens annars mars september oktober november december kvartal tertial"
)
_VERBS_OTHER = _words("är kan vill ska skall")


def _is_past_word(word: str, previous: str | None, following: str | None) -> bool:
    if word in _NOT_PAST:
        return False
    if word in _PAST_WORDS:
        return not (word == "var" and following in _VAR_NOT_PAST_BEFORE)
    if word in _PERFECT_AUX:
        return _is_supine(following)
    if len(word) < 5 or previous is None or previous in _NOT_VERB_AFTER:
        return False
    if word.endswith(("ade", "ades", "des", "tes")):
        return True
    return word.endswith(_PAST_SUFFIXES) and not word.endswith("värde")


def _is_supine(word: str | None) -> bool:
    if word is None:
        return False
    return word in _SUPINE or (len(word) >= 5 and word.endswith(("ats", "its", "at", "it", "ts")))


def _may_be_verb(word: str) -> bool:
    """Generous: any word that could be a finite verb (present tense ends in -r or -s)."""
    if word.isdigit():
        return False
    return word in _VERBS_OTHER or (word.endswith(("r", "s")) and word not in _NOT_VERB_RS)


class _Clauses:
    """The clauses of a text, split once and lazily, each marked past tense or not.

    A clause is past when it has a past-tense verb and no present/future marker. A clause
    without a verb of its own ("... och plan för ledning ... i december 2014") takes the
    tense of the clause before it in the same sentence.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] | None = None  # boundary starts
        self.ends: list[int] = []  # boundary ends
        self.past: list[bool] = []  # one per clause: clause i lies between boundary i-1 and i

    def _split(self) -> None:
        self.starts = []
        opens = [True]
        for boundary in _BOUNDARY.finditer(self.text):
            self.starts.append(boundary.start())
            self.ends.append(boundary.end())
            opens.append(boundary.lastgroup == "sent")
        previous_past = False
        clause_starts = [0, *self.ends]
        clause_ends = [*self.starts, len(self.text)]
        for start, end, opens_sentence in zip(clause_starts, clause_ends, opens, strict=True):
            if opens_sentence:
                previous_past = False
            past = self._analyse(start, end, opens_sentence)
            if past is None:
                past = previous_past
            self.past.append(past)
            previous_past = past

    def is_past(self, start: int, end: int) -> bool:
        if self.starts is None:
            self._split()
        first = bisect.bisect_right(self.ends, start)  # the clause holding `start`
        last = bisect.bisect_left(self.starts, end)  # the clause holding `end`
        return any(self.past[first : last + 1])

    def _analyse(self, start: int, end: int, opens_sentence: bool) -> bool | None:
        """True: past, False: present/future, None: no verb of its own."""
        words = [word.group().lower() for word in _WORD.finditer(self.text, start, end)]
        past = has_verb = False
        for index, word in enumerate(words):
            following = words[index + 1] if index + 1 < len(words) else None
            if word in _PRESENT_MARKERS or (word == "kommer" and following == "att"):
                return False
            if past:
                continue
            previous = words[index - 1] if index else None
            if previous is None and not opens_sentence:
                previous = ""  # a clause after "och" or a comma may start with its verb
            if word in _PERFECT_AUX:
                following = next(
                    (w for w in words[index + 1 : index + 4] if w not in _PERFECT_SKIP), None
                )
            past = _is_past_word(word, previous, following)
            has_verb = has_verb or past or _may_be_verb(word)
        if past:
            return True
        return False if has_verb else None
