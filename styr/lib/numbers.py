"""Numbers as a Swedish reader writes them: decimal comma, grouped thousands, a real minus.

Pure functions, no Django: pages, charts and reports share them. Not Django's localisation,
which is not byte-identical: `number_format(-3.2, 1)` in Swedish gives "-3,2" with a hyphen,
not "−3,2", 2.25 gives "2,2" (not "2,3" as written), and -0.04 gives "-0,0".
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

THOUSANDS = "\u00a0"  # no-break space between groups of thousands
MINUS = "\u2212"


def format_number(value: float, decimals: int) -> str:
    """A number as Swedish text: "1 234,5", "−3,2" (U+2212), "12" with no decimals.

    Rounds half away from zero on the number as written ("2,25" → "2,3"); thousands are
    grouped with a no-break space; a value that rounds to zero has no minus sign.
    """
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"cannot format {value!r} as a number")
    decimals = max(0, int(decimals))
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = THOUSANDS.join(groups) + ("," + fraction if fraction else "")
    return (MINUS + result) if rounded < 0 else result


def format_percent(value: float | None, decimals: int = 1, missing: str = "–") -> str:
    """91.25 -> "91,3 %" with a no-break space before the sign; None -> `missing`."""
    if value is None:
        return missing
    return f"{format_number(value, decimals)}\u00a0%"


# Kolada writes a scale into some units ("1000 kr/invånare"); after a number that reads as
# "524 1000 kr/invånare", so the scale becomes the word a Swedish reader uses for it.
_SCALED_UNITS = (
    ("1 000 000 kr", "mnkr"),
    ("1000000 kr", "mnkr"),
    ("miljoner kr", "mnkr"),
    ("1 000 kr", "tkr"),
    ("1000 kr", "tkr"),
    ("tusen kr", "tkr"),
)


def format_unit(unit: str) -> str:
    """A unit as written after a number: "1000 kr/invånare" -> "tkr/invånare", "%" kept."""
    text = " ".join((unit or "").replace("\u00a0", " ").split())
    for scaled, word in _SCALED_UNITS:
        if text.casefold().startswith(scaled):
            return word + text[len(scaled) :]
    return text


def format_measure(value: float | None, decimals: int, unit: str, missing: str = "–") -> str:
    """A value with its unit: "524 tkr/invånare", "91,3 %", "1 417 antal"; None -> `missing`.

    The one place a value meets its unit, for pages, charts' text alternatives and tables.
    """
    if value is None:
        return missing
    number = format_number(value, decimals)
    shown = format_unit(unit)
    return f"{number}\u00a0{shown}" if shown else number
