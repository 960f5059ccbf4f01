"""The chart's Swedish summary for its <desc>. Pure Python."""

from __future__ import annotations

from collections.abc import Sequence

from styr.goals.chart.layout import TARGET_LABEL, Chart, _clean
from styr.lib.numbers import format_measure


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
