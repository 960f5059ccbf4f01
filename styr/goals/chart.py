"""An accessible line chart for indicator pages, rendered as an inline SVG string.

Pure Python, no Django: the view builds a `Chart` from plain values and inserts the result of
`render_chart` with `mark_safe`, so every text that goes into the SVG is escaped here.

What it guarantees:
- `<svg role="img">` labelled by its own `<title>` and `<desc>` (ids derived from `chart_id`);
  the desc summarises in Swedish (period span, latest value of the emphasised series, the
  comparisons by name, the target) and leaves the full numbers to the table beside it.
- Series are told apart by marker shape and dash pattern as well as by colour; every line
  colour has at least 3:1 contrast against white (WCAG 1.4.11). The municipality itself
  (`emphasis=True`) is dark blue, thicker and drawn last. The legend sits below the plot,
  so it never covers a line.
- A missing value (None, NaN) breaks the line; a lone value between gaps is still a marker.
- The y axis has "nice" ticks (1, 2, 2.5 or 5 × 10^n apart) covering data and targets. It
  starts at zero when that still leaves the data at least half the axis height (the smallest
  value is at most half the largest; mirrored for all-negative data, and always when all
  values are equal); otherwise it starts just below the data, so 250-430 kr is not squashed
  into the top of a 0-500 axis while 40-95 % is drawn from 0.
- Period labels are thinned when they would overlap: every 2nd/5th/10th year, every 3rd
  month or January only, quarter 1 or tertial 1 only; never two labels closer than their width.
- Deterministic output (same input, same bytes), coordinates rounded to one decimal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from styr.lib.numbers import format_measure, format_number, format_unit

__all__ = [
    "Chart",
    "ChartSeries",
    "describe",
    "format_number",
    "nice_ticks",
    "render_chart",
    "value_ticks",
]

# Layout, in viewBox units (the SVG scales to its container's width).
WIDTH = 640
TOP = 30  # room for the unit label above the top tick
PLOT_HEIGHT = 210
RIGHT = 14
FONT_SIZE = 13
CHAR_WIDTH = 7.6  # a generous average advance for a 13px system sans; overlaps are worse than gaps
LABEL_GAP = 12
LEGEND_ROW = 20
LEGEND_SAMPLE = 28
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#d9d9d9"
AXIS_COLOUR = "#595959"
TARGET_COLOUR = "#3b3b3b"
TARGET_DASH = "12 5"
TARGET_LABEL = "Målvärde"

# The emphasised series: dark blue, filled circles, solid and thicker.
EMPHASIS_COLOUR = "#1f4e79"
# The others: Okabe-Ito hues, darkened where needed for >= 3:1 against white. The lengths
# 6, 7 and 5 are coprime, so no two of the first 210 series share colour, marker and dash.
PALETTE = ("#d55e00", "#009e73", "#a8427f", "#8a6500", "#2a7fb8", "#6b4c9a")
MARKERS = ("square", "triangle", "diamond", "cross", "triangle-down", "plus", "ring")
DASHES = ("6 3", "2 2.5", "9 3 2 3", "4 2 1 2", "1.5 3")
_STROKED_MARKERS = {"cross", "plus", "ring"}


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float | None, ...]  # one per period; None is a gap, never 0
    emphasis: bool = False  # the municipality itself: thicker, dark blue, drawn last


@dataclass(frozen=True)
class Chart:
    title: str
    periods: tuple[str, ...]  # axis labels in time order
    series: tuple[ChartSeries, ...]
    unit: str = ""
    targets: tuple[float | None, ...] = ()  # one per period, or empty
    decimals: int = 1
    description: str = ""

    def __post_init__(self):
        n = len(self.periods)
        for series in self.series:
            if len(series.values) != n:
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values for {n} periods"
                )
        if self.targets and len(self.targets) != n:
            raise ValueError(f"{len(self.targets)} targets for {n} periods")


# --- numbers: styr.lib.numbers.format_number, imported above ---------------------------


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
    candidates = []
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


# --- SVG helpers -----------------------------------------------------------------------


def _c(x: float) -> str:
    """A coordinate rounded to one decimal, without a trailing ".0" or a "-0"."""
    r = round(x, 1) + 0.0
    text = f"{r:.1f}"
    return text[:-2] if text.endswith(".0") else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _esc(text: str) -> str:
    """Text for the SVG: characters XML cannot hold dropped, markup characters escaped."""
    return escape(_NOT_XML.sub("", str(text)))


def _text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _clean(value: float | None) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _marker_path(shape: str, x: float, y: float, r: float) -> str:
    if shape in ("circle", "ring"):
        return (
            f"M{_c(x - r)} {_c(y)}a{_c(r)} {_c(r)} 0 1 0 {_c(2 * r)} 0"
            f"a{_c(r)} {_c(r)} 0 1 0 {_c(-2 * r)} 0Z"
        )
    if shape == "square":
        s = r * 0.9
        return f"M{_c(x - s)} {_c(y - s)}h{_c(2 * s)}v{_c(2 * s)}h{_c(-2 * s)}Z"
    if shape == "triangle":
        return f"M{_c(x)} {_c(y - 1.2 * r)}l{_c(1.1 * r)} {_c(2 * r)}h{_c(-2.2 * r)}Z"
    if shape == "triangle-down":
        return f"M{_c(x)} {_c(y + 1.2 * r)}l{_c(1.1 * r)} {_c(-2 * r)}h{_c(-2.2 * r)}Z"
    if shape == "diamond":
        d = 1.3 * r
        return f"M{_c(x)} {_c(y - d)}l{_c(d)} {_c(d)}l{_c(-d)} {_c(d)}l{_c(-d)} {_c(-d)}Z"
    if shape == "cross":
        step = f"{_c(2 * r)}"
        return f"M{_c(x - r)} {_c(y - r)}l{step} {step}M{_c(x - r)} {_c(y + r)}l{step} {_c(-2 * r)}"
    # plus
    d = 1.2 * r
    return f"M{_c(x - d)} {_c(y)}h{_c(2 * d)}M{_c(x)} {_c(y - d)}v{_c(2 * d)}"


@dataclass(frozen=True)
class _Style:
    colour: str
    marker: str
    dash: str
    width: float
    radius: float


def _styles(series: Sequence[ChartSeries]) -> list[_Style]:
    """The emphasised series share one style; the others take the next style in turn."""
    styles = []
    rank = 0
    for item in series:
        if item.emphasis:
            styles.append(_Style(EMPHASIS_COLOUR, "circle", "", 3, 4.5))
            continue
        styles.append(
            _Style(
                colour=PALETTE[rank % len(PALETTE)],
                marker=MARKERS[rank % len(MARKERS)],
                dash=DASHES[rank % len(DASHES)],
                width=2,
                radius=4,
            )
        )
        rank += 1
    return styles


def _line_attrs(style: _Style) -> str:
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    return f'stroke="{style.colour}" stroke-width="{style.width}"{dash}'


def _markers(style: _Style, points: Iterable[tuple[float, float]]) -> str:
    d = "".join(_marker_path(style.marker, x, y, style.radius) for x, y in points)
    if not d:
        return ""
    if style.marker in _STROKED_MARKERS:
        fill = "#fff" if style.marker == "ring" else "none"
        return f'<path d="{d}" fill="{fill}" stroke="{style.colour}" stroke-width="2"/>'
    return f'<path d="{d}" fill="{style.colour}" stroke="#fff" stroke-width="1"/>'


# --- period labels ---------------------------------------------------------------------

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


# --- rendering -------------------------------------------------------------------------


def _wrap(text: str, max_chars: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > max_chars:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:max_chars])
            word = word[max_chars:]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= max_chars:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _with_unit(value: float, chart: Chart) -> str:
    return format_measure(value, chart.decimals, chart.unit)


def _latest(values: Sequence[float | None], periods: Sequence[str]):
    for value, period in zip(reversed(values), reversed(periods), strict=True):
        if value is not None:
            return value, period
    return None


def describe(chart: Chart) -> str:
    """The Swedish summary for <desc>: span, latest values of the emphasised series, the
    comparisons by name and the target; the table beside the chart holds every number."""
    periods = chart.periods
    if not periods:
        sentences = ["Diagram utan perioder."]
    elif len(periods) == 1:
        sentences = [f"Diagram över {periods[0]}."]
    else:
        sentences = [f"Linjediagram över {periods[0]}–{periods[-1]}."]
    values = [tuple(_clean(v) for v in s.values) for s in chart.series]
    main = [i for i, s in enumerate(chart.series) if s.emphasis] or list(
        range(min(1, len(chart.series)))
    )
    others = [s.name for i, s in enumerate(chart.series) if i not in main]
    if not any(v is not None for vs in values for v in vs):
        sentences.append("Inga värden.")
        main = []
    for i in main:
        latest = _latest(values[i], periods)
        name = chart.series[i].name
        if latest:
            value, period = latest
            sentences.append(f"{name}: senaste värde {_with_unit(value, chart)} ({period}).")
        else:
            sentences.append(f"{name}: inga värden.")
    if len(others) == 1:
        sentences.append(f"Jämförs med {others[0]}.")
    elif 1 < len(others) <= 5:
        sentences.append(f"Jämförs med {', '.join(others[:-1])} och {others[-1]}.")
    elif others:
        sentences.append(f"Jämförs med {len(others)} andra serier.")
    targets = [_clean(t) for t in chart.targets]
    known = {t for t in targets if t is not None}
    if len(known) == 1:
        sentences.append(f"{TARGET_LABEL} {_with_unit(known.pop(), chart)}.")
    elif known:
        value, period = _latest(targets, periods)
        sentences.append(f"{TARGET_LABEL} {_with_unit(value, chart)} ({period}).")
    if chart.description:
        sentences.append(chart.description.strip())
    return " ".join(sentences)


def render_chart(chart: Chart, chart_id: str = "chart") -> str:
    """The chart as an inline, self-labelled `<svg>` string; see the module docstring."""
    n = len(chart.periods)
    series_values = [tuple(_clean(v) for v in s.values) for s in chart.series]
    targets = tuple(_clean(t) for t in chart.targets) if chart.targets else ()
    data = [v for vs in series_values for v in vs if v is not None]
    known_targets = [t for t in targets if t is not None]
    has_values = bool(data)
    ticks = value_ticks(data + known_targets)
    tick_digits = _tick_decimals(ticks)
    tick_labels = [format_number(t, tick_digits) for t in ticks]

    left = max(40.0, max(_text_width(t) for t in tick_labels) + 14)
    plot_width = WIDTH - left - RIGHT
    bottom = TOP + PLOT_HEIGHT
    slot = plot_width / max(1, n)
    low, high = ticks[0], ticks[-1]

    def x_of(i: int) -> float:
        return left + (i + 0.5) * slot

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * PLOT_HEIGHT

    out: list[str] = []
    ids = _esc(f"{chart_id}-title"), _esc(f"{chart_id}-desc")

    # Grid and y axis.
    grid = []
    labels = []
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = _c(y_of(tick))
        colour = AXIS_COLOUR if tick == 0 and low < 0 else GRID_COLOUR
        grid.append(f'<path d="M{_c(left)} {y}H{_c(WIDTH - RIGHT)}" stroke="{colour}"/>')
        if has_values or known_targets:
            labels.append(f'<text x="{_c(left - 8)}" y="{_c(y_of(tick) + 4.5)}">{label}</text>')
    out.append('<g class="grid" fill="none" stroke-width="1">' + "".join(grid) + "</g>")
    axis = f"M{_c(left)} {_c(bottom)}H{_c(WIDTH - RIGHT)}"
    out.append(f'<path d="{axis}" fill="none" stroke="{AXIS_COLOUR}"/>')
    if labels:
        out.append('<g class="y-axis" text-anchor="end">' + "".join(labels) + "</g>")
    if chart.unit:
        unit = _esc(format_unit(chart.unit))
        out.append(f'<text class="unit" x="4" y="{_c(TOP - 14)}">{unit}</text>')

    # X axis: a tick for every period, labels where they fit.
    if n:
        marks = "".join(f"M{_c(x_of(i))} {_c(bottom)}v5" for i in range(n))
        out.append(f'<path d="{marks}" fill="none" stroke="{AXIS_COLOUR}"/>')
        x_labels = []
        previous_right = -math.inf
        for i in _labelled_periods(chart.periods, slot):
            label = chart.periods[i]
            half = _text_width(label) / 2
            x = min(max(x_of(i), half + 2), WIDTH - 2 - half)
            if x - half < previous_right + LABEL_GAP / 2:
                continue
            previous_right = x + half
            x_labels.append(f'<text x="{_c(x)}" y="{_c(bottom + 20)}">{_esc(label)}</text>')
        out.append('<g class="x-axis" text-anchor="middle">' + "".join(x_labels) + "</g>")

    # Target: a dashed step line, one level per period.
    if known_targets:
        d = []
        previous = None
        for i, target in enumerate(targets):
            if target is None:
                previous = None
                continue
            y = _c(y_of(target))
            x0, x1 = _c(x_of(i) - slot / 2), _c(x_of(i) + slot / 2)
            d.append(f"V{y}H{x1}" if previous is not None else f"M{x0} {y}H{x1}")
            previous = target
        out.append(
            f'<path class="target" d="{"".join(d)}" fill="none" stroke="{TARGET_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="{TARGET_DASH}"/>'
        )

    # Series: the emphasised ones last, on top.
    styles = _styles(chart.series)
    order = [i for i, s in enumerate(chart.series) if not s.emphasis]
    order += [i for i, s in enumerate(chart.series) if s.emphasis]
    for index in order:
        style = styles[index]
        points = [
            (x_of(i), y_of(v)) if v is not None else None
            for i, v in enumerate(series_values[index])
        ]
        segments: list[list[tuple[float, float]]] = [[]]
        for point in points:
            if point is None:
                if segments[-1]:
                    segments.append([])
            else:
                segments[-1].append(point)
        lines = "".join(
            '<polyline points="' + " ".join(f"{_c(x)},{_c(y)}" for x, y in seg) + '"/>'
            for seg in segments
            if len(seg) > 1
        )
        group = f'<g class="series" fill="none" {_line_attrs(style)}>{lines}</g>' if lines else ""
        out.append(group + _markers(style, (p for p in points if p is not None)))

    if not has_values:
        out.append(
            f'<text x="{_c(left + plot_width / 2)}" y="{_c(TOP + PLOT_HEIGHT / 2)}" '
            f'text-anchor="middle" font-size="15">Inga värden</text>'
        )

    # Legend below the plot, flowing in rows; long names wrap.
    legend_order = [i for i, s in enumerate(chart.series) if s.emphasis]
    legend_order += [i for i, s in enumerate(chart.series) if not s.emphasis]
    entries: list[tuple[str, _Style | None]] = [
        (chart.series[i].name, styles[i]) for i in legend_order
    ]
    if known_targets:
        entries.append((TARGET_LABEL, None))
    legend_left = 8.0
    available = WIDTH - legend_left - 8
    text_offset = LEGEND_SAMPLE + 6
    max_chars = max(8, int((available - text_offset) / CHAR_WIDTH))
    x, row_top, row_lines = legend_left, bottom + 34, 1
    legend = []
    for name, style in entries:
        lines = _wrap(name, max_chars)
        width = text_offset + max(_text_width(line) for line in lines)
        if x > legend_left and (x + width > WIDTH - 8 or len(lines) > 1):
            x, row_top, row_lines = legend_left, row_top + row_lines * LEGEND_ROW, 1
        y = row_top + LEGEND_ROW / 2
        sample = f"M{_c(x)} {_c(y)}h{LEGEND_SAMPLE}"
        if style is None:
            legend.append(
                f'<path d="{sample}" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2" '
                f'stroke-dasharray="{TARGET_DASH}"/>'
            )
        else:
            legend.append(f'<path d="{sample}" fill="none" {_line_attrs(style)}/>')
            legend.append(_markers(style, [(x + LEGEND_SAMPLE / 2, y)]))
        text_x = _c(x + text_offset)
        spans = "".join(
            f'<tspan x="{text_x}" dy="{0 if k == 0 else LEGEND_ROW}">{_esc(line)}</tspan>'
            for k, line in enumerate(lines)
        )
        legend.append(f'<text y="{_c(y + 4.5)}">{spans}</text>')
        row_lines = max(row_lines, len(lines))
        x += width + 18
        if len(lines) > 1:
            x = WIDTH  # a wrapped entry has its row to itself
    height = (row_top + row_lines * LEGEND_ROW + 6) if entries else bottom + 30
    if legend:
        out.append('<g class="legend">' + "".join(legend) + "</g>")

    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ids[0]} {ids[1]}" '
        f'viewBox="0 0 {WIDTH} {_c(height)}" width="100%" font-family="{FONT_FAMILY}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f'<title id="{ids[0]}">{_esc(chart.title)}</title>'
        f'<desc id="{ids[1]}">{_esc(describe(chart))}</desc>'
    )
    return head + "".join(out) + "</svg>"
