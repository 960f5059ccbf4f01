"""The chart's axes: "nice" value ticks and the thinning of period labels. Pure Python."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from styr.goals.chart.layout import LABEL_GAP, _text_width


def _step_decimals(mantissa: float, exponent: int) -> int:
    """Decimals needed to write multiples of mantissa × 10^exponent exactly."""
    if mantissa == 10:
        mantissa, exponent = 1, exponent + 1
    extra = 1 if mantissa == 2.5 else 0
    return max(0, extra - exponent)


def _ticks_with_step(low: float, high: float, mantissa: float, exponent: int) -> list[float]:
    step = mantissa * 10.0**exponent
    digits = _step_decimals(mantissa, exponent)

    def tick(i: int) -> float:
        return round(i * step, digits) + 0.0  # + 0.0 turns -0.0 into 0.0

    first = math.floor(low / step)
    while tick(first) > low:
        first -= 1
    while tick(first + 1) <= low:
        first += 1
    last = math.ceil(high / step)
    while tick(last) < high:
        last += 1
    while tick(last - 1) >= high:
        last -= 1
    return [tick(i) for i in range(first, last + 1)]


def nice_ticks(low: float, high: float, *, count: int = 5) -> tuple[float, ...]:
    """Evenly spaced ticks, 1, 2, 2.5 or 5 × 10^n apart, the first at or below `low` and the
    last at or above `high`. Of the steps giving 3 to count + 2 ticks, the one that wastes the
    least axis height wins (2.5 only when clearly tighter), then the one nearest `count` ticks.
    Equal bounds are widened around the value."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("tick bounds must be finite")
    low, high = min(low, high), max(low, high)
    if high - low <= 1e-9 * max(abs(low), abs(high)):
        pad = abs(low) * 0.1 if low else 1.0
        low, high = low - pad, high + pad
    span = high - low
    exponent = math.floor(math.log10(span / max(1, count - 1)))
    candidates: list[tuple[tuple[float, int], list[float]]] = []
    for power in (exponent - 1, exponent, exponent + 1, exponent + 2):
        for mantissa in (1, 2, 2.5, 5):
            ticks = _ticks_with_step(low, high, mantissa, power)
            if 3 <= len(ticks) <= count + 2 or (len(ticks) == 2 and not candidates):
                # 2.5 steps give labels one decimal longer: take them only when clearly tighter.
                waste = round((ticks[-1] - ticks[0]) / span + (0.08 if mantissa == 2.5 else 0), 6)
                candidates.append(((waste, abs(len(ticks) - count)), ticks))
    return tuple(min(candidates, key=lambda candidate: candidate[0])[1])


def value_ticks(values: Iterable[float]) -> tuple[float, ...]:
    """Y-axis ticks for these values, with the zero-baseline rule of the module docstring."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return nice_ticks(0, 1)
    low, high = min(finite), max(finite)
    if low == high == 0:
        return nice_ticks(0, 1)
    # Off zero, leave a little room so that no marker sits on the axis line.
    margin = (high - low) * 0.04
    if low >= 0 and (low <= high / 2 or low == high):
        low = 0.0
    elif low > 0:
        low -= margin
    if high <= 0 and (high >= low / 2 or low == high):
        high = 0.0
    elif high < 0:
        high += margin
    return nice_ticks(low, high)


def _tick_decimals(ticks: Sequence[float]) -> int:
    if len(ticks) < 2:
        return 0
    step = ticks[1] - ticks[0]
    for digits in range(0, 12):
        if all(abs(t - round(t, digits)) < step * 1e-6 for t in ticks):
            return digits
    return 12


_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_LABEL_FORMS = (
    (re.compile(r"^(\d{4})$"), 1),
    (re.compile(r"^T([1-3]) (\d{4})$"), 3),
    (re.compile(r"^K([1-4]) (\d{4})$"), 4),
    (re.compile(r"^(" + "|".join(_MONTHS) + r")[a-z]* (\d{4})$", re.IGNORECASE), 12),
)
_STRIDES = {
    1: (1, 2, 5, 10, 20, 50, 100),
    3: (1, 3, 6, 15, 30),
    4: (1, 2, 4, 8, 20, 40),
    12: (1, 3, 6, 12, 24, 60, 120),
}


def _ordinals(labels: Sequence[str]) -> tuple[int, list[int]] | None:
    """(periods per year, a running number per label) when all labels are of one known form."""
    for pattern, cycle in _LABEL_FORMS:
        numbers = []
        for label in labels:
            match = pattern.match(label.strip())
            if not match:
                break
            if cycle == 1:
                numbers.append(int(match.group(1)))
            else:
                part = match.group(1).lower()
                number = _MONTHS.index(part[:3]) if cycle == 12 else int(part) - 1
                numbers.append(int(match.group(2)) * cycle + number)
        else:
            return cycle, numbers
    return None


def _labelled_periods(labels: Sequence[str], slot: float) -> list[int]:
    """Indices of the periods that get a label: all if they fit, else a regular subset."""
    n = len(labels)
    widest = max(_text_width(label) for label in labels) + LABEL_GAP
    needed = max(1, math.ceil(widest / slot))
    if needed == 1:
        return list(range(n))
    known = _ordinals(labels)
    chosen: list[int] = []
    if known:
        cycle, numbers = known
        stride = next((s for s in _STRIDES[cycle] if s >= needed), None)
        if stride:
            chosen = [i for i, number in enumerate(numbers) if number % stride == 0]
    return chosen or list(range(0, n, needed))
