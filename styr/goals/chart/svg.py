"""Drawing the chart as an inline SVG string. Pure Python."""

from __future__ import annotations

import math

from styr.goals.chart.axes import _labelled_periods, _tick_decimals, value_ticks
from styr.goals.chart.describe import describe
from styr.goals.chart.layout import (
    AXIS_COLOUR,
    CHAR_WIDTH,
    FONT_FAMILY,
    FONT_SIZE,
    GRID_COLOUR,
    LABEL_GAP,
    LEGEND_ROW,
    LEGEND_SAMPLE,
    PLOT_HEIGHT,
    RIGHT,
    TARGET_COLOUR,
    TARGET_DASH,
    TARGET_LABEL,
    TEXT_COLOUR,
    TOP,
    WIDTH,
    Chart,
    _c,
    _clean,
    _esc,
    _text_width,
)
from styr.goals.chart.marks import _line_attrs, _markers, _Style, _styles
from styr.lib.numbers import format_number, format_unit


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
    for name, entry_style in entries:
        name_lines = _wrap(name, max_chars)
        width = text_offset + max(_text_width(line) for line in name_lines)
        if x > legend_left and (x + width > WIDTH - 8 or len(name_lines) > 1):
            x, row_top, row_lines = legend_left, row_top + row_lines * LEGEND_ROW, 1
        sample_y = row_top + LEGEND_ROW / 2
        sample = f"M{_c(x)} {_c(sample_y)}h{LEGEND_SAMPLE}"
        if entry_style is None:
            legend.append(
                f'<path d="{sample}" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2" '
                f'stroke-dasharray="{TARGET_DASH}"/>'
            )
        else:
            legend.append(f'<path d="{sample}" fill="none" {_line_attrs(entry_style)}/>')
            legend.append(_markers(entry_style, [(x + LEGEND_SAMPLE / 2, sample_y)]))
        text_x = _c(x + text_offset)
        spans = "".join(
            f'<tspan x="{text_x}" dy="{0 if k == 0 else LEGEND_ROW}">{_esc(line)}</tspan>'
            for k, line in enumerate(name_lines)
        )
        legend.append(f'<text y="{_c(sample_y + 4.5)}">{spans}</text>')
        row_lines = max(row_lines, len(name_lines))
        x += width + 18
        if len(name_lines) > 1:
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
