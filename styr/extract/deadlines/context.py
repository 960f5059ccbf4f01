"""The words around a date expression: what makes it a start, a label, a reference, ...

Each pattern is searched in a window of ``_WINDOW`` characters before the expression (``$``
anchors at the expression) or matched right after it.
"""

from __future__ import annotations

import re

from .grammar import _COLON

_START = re.compile(
    r"(?<![\w.])(?:från\s+och\s+med|fr\.\s?o\.\s?m\.?|fr\s+o\s+m|fom|från|sedan|med\s+start"
    r"|start|startar|startade|efter|påbörjas|påbörjades|inleds|börjar)(?!\w)"
    rf"{_COLON}(?:(?:den|i|under|vid|år|året)(?!\w)\s{{0,5}})?$",
    re.I,
)
_MARKER = re.compile(
    r"(?:\b(?:senast|senaste\s+datum|sista\s+datum|sista\s+dag(?:en)?|deadline|slutdatum"
    r"|färdig[at]?\s+till|klar[at]?\s+till)(?!\w)"
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
# "Budget 2016: 3 mnkr" is a label; a lead-in that ends in a colon ("… under 2024–2026:") is not.
_LABEL_AFTER = re.compile(r"[^\S\n]{0,5}:(?![0-9])(?![^\S\n]*(?:\n|$))")
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

# Dates that are never deadlines, whatever their tense (see ``choice`` for how they are used).

# The date a body decided, adopted, published or meets: "Antagen av kommunstyrelsen 19
# februari 2025", "Beslut vid regeringssammanträde den 8 februari 2024", "Beslut kommer att
# fattas den 11 juni", "fastställd av regionstyrelsen den 9 december 2020".
_DECISION = re.compile(
    r"(?<![\w])(?:beslut(?:et|ade|ades|as|ar|sdatum)?|antagen|antaget|antagna|antogs|antas"
    r"|fastställ(?:d|da|t|des|s|er)|publicerad|publicerat|publicerades|uppdaterad|uppdaterat"
    r"|daterad|daterat|justerad|justerat|justeringsdatum|[^\W\d_]*sammanträde(?:t|s|sdatum)?)"
    r"(?!\w)\s{0,5}:?\s{0,5}(?:[^\W_]+-?[\s,]{1,5}){0,8}$",
    re.I,
)
# ... unless the text before it in the sentence says the date is when work is due:
# "ska redovisas vid kommunstyrelsens sammanträde i juni 2016".
_DUE = re.compile(
    r"(?<![\w])(?:senast|ska|skall|klar[at]?|färdig[at]?|deadline|före|innan|inom|t\.o\.m"
    r"|redovis\w*|rapporter\w*|återrapport\w*|lämna\w*|presenter\w*|lever\w*|överlämn\w*)(?!\w)",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"[.!?;\n](?=\s)")
# A validity period: "giltig under perioden 2025–2026", "Avtalet gäller till 2018".
_VALIDITY = re.compile(
    r"(?<![\w])(?:giltig[at]?|gäller|gällande|giltighetstid(?:en)?)"
    r"(?:\s{1,5}(?:under|för|till|mellan|perioden|period|åren|år|fram\s+till|t\.o\.m\.))*"
    r"\s{0,5}:?\s{0,5}$",
    re.I,
)
# Plan, budget and target years: "plan för åren 2021–2022", "budget för år 2020",
# "Regionstyrelsens plan 2021-2023", "förslag till budget 2020", "överskott 2019",
# "ramen år 2020", "jämfört med 2019".
_PLAN_NOUN = (
    r"(?:[^\W\d_]*plan(?:en|er|erna)?|[^\W\d_]*budget(?:en|ar|arna)?|budgetår(?:et)?"
    r"|verksamhetsår(?:et)?|räkenskapsår(?:et)?|[^\W\d_]*direktiv(?:et|en)?|strategi(?:n)?"
    r"|program(?:met)?|vision(?:en)?)"
)
_PLAN_YEAR = re.compile(
    rf"(?<![\w])(?:{_PLAN_NOUN}\s{{1,5}}(?:för|inför|avseende)"
    r"(?:\s{1,5}(?:år|åren|perioden|verksamhetsåret))?"
    rf"|[^\W\d_]{{2,}}s\s{{1,5}}{_PLAN_NOUN}"
    rf"|(?:för|om|inför|till)\s{{1,5}}[^\W\d_]*budget(?:en)?"
    r"|(?:överskott|underskott|resultat|utfall|prognos)(?:et|en)?"
    r"(?:\s{1,5}(?:för|på|inför|avseende|år))*"
    r"|(?:budget)?ram(?:en|ar|arna|arnas)?(?:\s{1,5}(?:för|inför|avseende|år|åren))*"
    r"|jämfört\s{1,5}(?:med|mot)|jfr\.?|jmf\.?(?:\s{1,5}med)?)"
    r"\s{0,5}$",
    re.I,
)
# An earlier deadline that a later one replaces: "det ursprungliga slutdatumet 2016-03-31",
# "i stället för den 15 januari".
_SUPERSEDED = re.compile(
    r"(?<![\w])(?:(?:tidigare|ursprunglig\w*|förra|gamla)\s{1,5}(?:[^\W\d_]+\s{1,5}){0,2}?"
    r"(?:datum\w*|slutdatum\w*|deadline|tidpunkt\w*|tidplan\w*|planerad|planerat|beräknad"
    r"|beräknat|angiven|angivet|satt)|i\s+stället\s+för|istället\s+för|\(\s*tidigare)"
    r"(?:\s{1,5}(?:till|för|den|var|är|att))*\s{0,5}:?\s{0,5}$",
    re.I,
)
# "senast samma dag": the day named before it.
_SAME_DAY = re.compile(
    r"(?<![\w])(?:(?:senast|till|före|innan|per)\s{1,5})?samma\s{1,5}(?:dag|datum)(?!\w)", re.I
)
# A frequency: "årligen i december", "varje år i mars", "i december varje år", "löpande
# under 2025" — a recurring time, not the day something is done by.
_FREQUENCY_BEFORE = re.compile(
    r"(?<![\w])(?:årligen|årlig[at]?|löpande|kvartalsvis|månadsvis|halvårsvis|terminsvis"
    r"|återkommande|regelbundet|varje|varannan|varannat|var\s+(?:annan|tredje|fjärde)"
    r"|en\s+gång\s+(?:per|om|i))(?:\s{1,5}(?:[^\W\d_]+))?\s{1,5}(?:(?:i|under|per|vid)\s{1,5})?$",
    re.I,
)
_FREQUENCY_AFTER = re.compile(
    r"\s{1,5}(?:varje|varannan|varannat|var\s+(?:annan|tredje))\s{1,5}(?:år|månad|kvartal"
    r"|vecka|termin|tertial|halvår)|\s{1,5}årligen",
    re.I,
)
# A deadline moved to a new date, told in the perfect: "Slutdatum har flyttats till
# 2025-03-31". The new date is the deadline, however the sentence is tensed.
_MOVED = re.compile(
    r"(?<![\w])(?:flytta[ds]?|flyttats|förläng(?:s|ts|d|t)|senarelag(?:ts|d|t)|senareläggs"
    r"|skjut(?:s|its))(?:\s{1,5}fram)?\s{1,5}till\s{1,5}(?:den\s{1,5})?$",
    re.I,
)

# --- keyword prefilters ------------------------------------------------------------------------
# Each pattern above is tried at every position of its window, for every date expression. A
# match consumes one of the pattern's words inside the window, so a window without any of them
# need not be searched. The words are tested in the window lowercased as re.IGNORECASE compares
# letters ("İ" and "ı" match "i", "ſ" matches "s": mapped first; see styr.extract.folding, which
# this package may not import).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str, low: int, start: int) -> str:
    """The window text[low:start] lowercased as re.IGNORECASE compares letters."""
    window = text[low:start]
    if not window.isascii() and ("İ" in window or "ı" in window or "ſ" in window):
        window = window.translate(_FOLD)  # a mapping per character: slow, so only when needed
    return window.lower()


def may_match(window: str, words: tuple[str, ...]) -> bool:
    return any(map(window.__contains__, words))  # map: no generator frame per word


_START_WORDS = ("från", "fr", "fom", "sedan", "start", "efter", "påbörja", "inleds", "börjar")
_MARKER_WORDS = ("senast", "sista", "deadline", "slutdatum", "färdig", "klar")
_DNR_WORDS = ("dnr", "diarienummer", "diarienr", "ärendenummer", "ärendenr", "beteckning")
_MOVED_WORDS = ("flytta", "förläng", "senarelag", "senareläggs", "skjut")
_DECISION_WORDS = ("beslut", "antag", "antogs", "antas", "fastställ", "publicera", "uppdatera",
                   "datera", "juster", "sammanträde")  # fmt: skip
# What a match of _PLAN_YEAR can end with before its closing white space (each alternative's
# last word, as a suffix): "en plan för område 12 under" holds "plan" but ends in none of them,
# so the search, which would try every position of the window, is spared.
PLAN_YEAR_ENDS = (
    "för", "avseende", "år", "åren", "året", "perioden", "plan", "planen", "planer", "planerna",
    "budget", "budgeten", "budgetar", "budgetarna", "direktiv", "direktivet", "direktiven",
    "strategi", "strategin", "program", "programmet", "vision", "visionen", "skott", "skottet",
    "skotten", "resultat", "resultatet", "resultaten", "utfall", "utfallet", "utfallen",
    "prognos", "prognoset", "prognosen", "på", "ram", "ramen", "ramar", "ramarna", "ramarnas",
    "med", "mot", "jfr", "jfr.", "jmf", "jmf.",
)  # fmt: skip
# The dates that are never deadlines, each pattern with the words it needs and, if known, the
# endings its match has (tested on the folded window without its trailing white space).
NEVER_CUES = (
    (_FREQUENCY_BEFORE, ("årlig", "löpande", "kvartalsvis", "månadsvis", "halvårsvis",
                         "terminsvis", "återkommande", "regelbundet", "varje", "varann",
                         "annan", "tredje", "fjärde", "gång"), None),
    (_VALIDITY, ("giltig", "gäller", "gällande"), None),
    (_PLAN_YEAR, ("plan", "budget", "verksamhetsår", "räkenskapsår", "direktiv", "strategi",
                  "program", "vision", "överskott", "underskott", "resultat", "utfall",
                  "prognos", "ram", "jämfört", "jfr", "jmf"), PLAN_YEAR_ENDS),
    (_SUPERSEDED, ("tidigare", "ursprunglig", "förra", "gamla", "stället"), None),
)  # fmt: skip
