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
