"""The chart's data (`Chart`, `ChartSeries`), its drawing units and the SVG text helpers.

Pure Python, no Django; see `styr.goals.chart` for what the chart guarantees.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

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
