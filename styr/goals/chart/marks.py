"""How series are told apart: colour, marker shape and dash pattern. Pure Python."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from styr.goals.chart.layout import (
    _STROKED_MARKERS,
    DASHES,
    EMPHASIS_COLOUR,
    MARKERS,
    PALETTE,
    ChartSeries,
    _c,
)


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
