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

from styr.goals.chart.axes import nice_ticks, value_ticks
from styr.goals.chart.describe import describe
from styr.goals.chart.layout import (
    EMPHASIS_COLOUR,
    PALETTE,
    TARGET_COLOUR,
    Chart,
    ChartSeries,
)
from styr.goals.chart.svg import render_chart
from styr.lib.numbers import format_number

# The parts live by concept: layout (data, units, text), axes, marks (telling series apart),
# describe (the <desc>) and svg (drawing). The colours are exported for the contrast tests.
__all__ = [
    "EMPHASIS_COLOUR",
    "PALETTE",
    "TARGET_COLOUR",
    "Chart",
    "ChartSeries",
    "describe",
    "format_number",
    "nice_ticks",
    "render_chart",
    "value_ticks",
]
