"""The grammar of one date expression in Swedish plan text, and of the prepositions before it.

Grammar (case-insensitive; months may be written in full or as jan, feb, mar, apr, maj, jun,
jul., aug, sep, sept, okt, nov, dec, with or without a period; "jul" needs the period because
"jul" is also Christmas). Every year must lie in 1990..2100.

day        2015-12-31, 20151231, 31/12 2015, 31/12/2015, 31/12-2015, 31.12.2015,
           31 december 2015, den 1:a jan. 2016, 1-15 mars 2016 (the last day of a range)
week       vecka 12 2016, v. 12 2016, v12, 2016-W12: the Sunday of that ISO week
           (vecka 53 only in years that have one)
month      december 2014, 2016-03 (not 2015-16, a range), 12/2016: the last day of the month;
           november-december 2014, nov–dec 2014: the last day of the last month;
           årsskiftet 2015/2016, årsskiftet 2015/16, årsskiftet 15/16, årsskiftet 2015:
           31 December of the first year; halvårsskiftet 2016: 30 June
school yr  läsåret 2024/2025, läsår 2024/25: 30 June of the second year
quarter    första kvartalet 2015, 1:a kvartalet, sista kvartalet, kvartal 3 2015,
           kv. 3 2015, Q3 2015, Q3/2016: the last day of the quarter
tertial    tertial 2 2016, T2 2016, andra tertialet 2016: 30 April, 31 August, 31 December
season     våren, vårterminen, VT 2015: 30 June; sommaren 2015: 31 August; hösten,
           höstterminen, HT 2015, HT16: 31 December; vintern 2016: the last day of
           February 2016 (the winter that ends in that year); vintern 2015/2016 and
           vintern 2015/16: the last day of February 2016
half_year  första/andra/sista halvåret 2016, halvår 1 2016, H1 2016: 30 June / 31 December
this year  under året, före årets slut, under innevarande år, i år: 31 December of the
           default year (the year the document states), never without one
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


``Deadline.text`` is the expression with the prepositions right in front of it, exactly as
written: senast, fram till, till och med, t.o.m., före, innan, till, per, under, inom, vid,
i, den, år, året, utgången av, slutet av — chained ("senast den", "fram till", "vid
utgången av") and optionally followed by ":" ("senast: 2016-06-30") — or one of klar,
klart, färdig, färdigt directly before the expression ("klart 2016-12-31"). "klar till
årsskiftet 2014/2015" gives "till årsskiftet 2014/2015": "klar(t)" is only kept when it is
the word right before the expression.
"""

from __future__ import annotations

import re

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
    # month/year as tables write it: "12/2024", "06/2025"
    "my": rf"{_NUM_L}(?P<my_m>0?[1-9]|1[0-2])/(?P<my_y>[0-9]{{4}}){_NUM_R}",
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
    # a school year: "läsåret 2024/2025", "läsår 2024/25" ends at midsummer
    "ls": rf"{_WORD_L}läsår(?:et)?{_SP}(?P<ls_y1>[0-9]{{4}}){_OSP}[/\-–]{_OSP}"
    rf"(?P<ls_y2>[0-9]{{4}}|[0-9]{{2}}){_NUM_R}",
    # numbered quarters, half years, tertials, weeks
    "qn": rf"{_WORD_L}(?:kvartal|kv\.?){_OSP}(?P<qn_n>[1-4])(?!\w)" + _year_tail("qn_y"),
    "qq": rf"{_WORD_L}Q(?P<qq_n>[1-4])(?!\w)" + _year_tail("qq_y"),
    "hn": rf"{_WORD_L}halvår{_OSP}(?P<hn_n>[12])(?!\w)" + _year_tail("hn_y"),
    "hh": rf"{_WORD_L}H(?P<hh_n>[12])(?:[-/]|{_OSP})(?P<hh_y>[0-9]{{4}}){_NUM_R}",
    "tn": rf"{_WORD_L}tertial{_OSP}(?P<tn_n>[1-3])(?!\w)" + _year_tail("tn_y"),
    "tt": rf"{_WORD_L}T(?P<tt_n>[1-3])(?:[-/]|{_OSP})(?P<tt_y>[0-9]{{4}}){_NUM_R}",
    "wk": rf"{_WORD_L}(?:vecka|v\.?){_OSP}(?P<wk_n>[0-9]{{1,2}})(?!\w)" + _year_tail("wk_y"),
    # the year of the document: "under året", "före årets slut", "i år" (default year only)
    "ay": rf"(?:{_WORD_L}(?:årets{_SP}slut|innevarande{_SP}år(?:et)?|året)|(?<=(?<![\w])i\s)år)"
    rf"(?!\w)(?!{_OSP}[0-9])(?!{_SP}(?:som|runt|om|efter|innan|före)(?!\w))",
}

_EXPRESSION = re.compile("|".join(f"(?P<{name}>{form})" for name, form in _FORMS.items()), re.I)
# Every expression starts at a word start with one of these: scanning for them first and trying
# _EXPRESSION only there is several times faster than letting _EXPRESSION scan the text.
# A single letter triggers only before what can follow it in an expression (a lookahead, so it
# consumes no more than before): "vår", "vinter", "vecka", "v. 12", "VT"; "höst", "halvår",
# "H1", "HT"; "Q1"; "tertial", "tredje", "T2". Every other word starting with v, h, q or t
# matches no expression, and is no longer tried.
_TRIGGER_WORD = (
    r"(?:[0-9]|v(?=år|inter|ecka|t|[.\s0-9])|h(?=öst|alvår|t|[12])|q(?=[1-4])"
    r"|t(?=ertial|redje|[1-3])|sommar|sista|sep|jan|feb|mar|apr|maj|jun|jul|aug|okt|nov|dec|kv"
    r"|årsskift|år(?:ets?)?\b|innevarande|läsår|första|andra|tredje|fjärde)"
)
_TRIGGER = re.compile(rf"\b{_TRIGGER_WORD}", re.I)


# The first letters each form can start with (lower case; digits as "0"). At a trigger only the
# forms that can start with its letter are tried, in _EXPRESSION's order and with its groups, so
# the match is the one _EXPRESSION gives: one alternation of 26 forms and 130 groups tried at
# every trigger costs more than the few that can match there. A letter outside the table (the
# rare ones re.IGNORECASE also equates with a letter here, such as "ſ" or "İ") takes all forms.
_STARTS = {
    "iso": "0", "cmp": "0", "iw": "0", "yp": "0", "yr": "0", "dmy": "0", "my": "0", "dm": "0",
    "qo": "0fats", "ho": "0fas", "to": "0fats", "mr": "jfmasond", "mo": "jfmasond",
    "se": "vhs", "th": "vh", "hs": "h", "as": "å", "ls": "l", "qn": "k", "qq": "q", "hn": "h",
    "hh": "h", "tn": "t", "tt": "t", "wk": "v", "ay": "åi",
}  # fmt: skip
_BY_START = {
    letter: re.compile(
        "|".join(f"(?P<{name}>{form})" for name, form in _FORMS.items() if letter in _STARTS[name]),
        re.I,
    )
    for letter in set("".join(_STARTS.values()))
}
_BY_START.update(dict.fromkeys("123456789", _BY_START["0"]))


# Where _TRIGGER can match: a word start at a digit or at a letter a trigger starts with, or
# one re.IGNORECASE takes for such a letter (İ and ı for i, ſ for s, the Kelvin sign for k, the
# Ångström sign for å). A trigger spans only word characters, so none starts inside another.
_TRIGGER_START = re.compile("[0-9ADFHIJKLMNOQSTVadfhijklmnoqstvÅå\u0130\u0131\u017f\u212a\u212b]")
# A trigger after the character before it: a pattern that opens with a character set is
# searched in C, so only the non-word characters of a text are stopped at (a letter-by-letter
# scan stopped at most letters), each tried with one character test and then _TRIGGER's words;
# a Python loop then sees only the places where an expression can start.
_TRIGGER_AFTER = re.compile(rf"\W(?={_TRIGGER_START.pattern})(?={_TRIGGER_WORD})", re.I)


def _expressions(text: str):
    """Like _EXPRESSION.finditer(text), faster."""
    end = 0
    if _TRIGGER.match(text) is not None:  # at the text's start nothing comes before it
        match = _BY_START.get(text[0].lower(), _EXPRESSION).match(text)
        if match:
            end = match.end()
            yield match
    for place in _TRIGGER_AFTER.finditer(text):
        start = place.end()
        if start < end:
            continue
        match = _BY_START.get(text[start].lower(), _EXPRESSION).match(text, start)
        if match:
            end = match.end()
            yield match


# Prepositions kept in Deadline.text, and the markers around an expression.
_PREP = (
    r"(?:(?:senast|fram\s+till|till\s+och\s+med|före|innan|inför|till|per|under|inom|vid|i|den|år"
    r"|året|utgången\s+av|slutet\s+av)(?!\w)|t\.\s?o\.\s?m\.?(?!\w))"
)
_COLON = r"\s{0,5}(?::\s{0,5})?"
_CHAIN = re.compile(
    rf"(?<![\w.])(?:{_PREP}{_COLON})+$|(?<![\w.])(?:klart?|färdigt?)(?!\w){_COLON}$", re.I
)
# Where a chain can start: a letter a preposition, "klar" or "färdig" starts with (or one
# re.IGNORECASE takes for it: ſ, the Kelvin sign, İ, ı, the Ångström sign), not after a word
# character or a full stop.
_CHAIN_START = re.compile("[SFTIPUVDÅKsftipuvdåk\u0130\u0131\u017f\u212a\u212b]")
# A chain after the character before it, one search in C: _CHAIN is then matched only there.
_CHAIN_AFTER = re.compile(
    rf"[^\w.](?={_CHAIN_START.pattern})"
    rf"(?=(?:{_PREP}{_COLON})+$|(?:klart?|färdigt?)(?!\w){_COLON}$)",
    re.I,
)


def chain_before(text: str, low: int, start: int) -> re.Match[str] | None:
    """What `_CHAIN.search(text, low, start)` finds, faster."""
    if low == 0:  # at the text's start nothing comes before the chain
        found = _CHAIN.match(text, 0, start)
        if found is not None:
            return found
    place = _CHAIN_AFTER.search(text, max(0, low - 1), start)
    return None if place is None else _CHAIN.match(text, place.end(), start)


# One preposition of a chain at a time: "under året" is "under" + "året", not a chain of two.
_CHAIN_PREFIX = re.compile(rf"{_PREP}{_COLON}|(?:klart?|färdigt?)(?!\w){_COLON}", re.I)
