"""Goal attainment: outcomes against targets, then goals from their indicators.

Pure functions over plain data, so the pages, the reports and the tests share one rule.

- An indicator is *met* when its outcome reaches the target in the preferred direction
  (at or above it when higher is better, at or below it when lower is better), *partly met*
  when it misses by no more than the municipality's tolerance (a share of the target), and
  *not met* otherwise. Without an outcome or a target it is *not assessed*: missing is
  missing, never zero.
- A goal is assessed from its indicators and its sub-goals together: *met* when at least
  `goal_met_percent` of those assessed are met, *partly met* when at least
  `goal_partly_percent` are met or partly met, otherwise *not met*.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from styr.lib.periods import YEAR, Period, parse_period

MET = "met"
PARTLY = "partly"
NOT_MET = "not_met"
NONE = "none"

HIGHER = "higher"
LOWER = "lower"

# Symbols shown beside the words, so that attainment never depends on colour.
SYMBOLS = {MET: "✔", PARTLY: "◐", NOT_MET: "✘", NONE: "–"}


@dataclass(frozen=True)
class Rules:
    tolerance_percent: float = 10.0
    goal_met_percent: float = 100.0
    goal_partly_percent: float = 50.0


def _at_least(value: float, bound: float) -> bool:
    return value > bound or math.isclose(value, bound, rel_tol=1e-9, abs_tol=1e-9)


def assess_indicator(
    outcome: float | None, target: float | None, direction: str, rules: Rules = Rules()
) -> str:
    if outcome is None or target is None:
        return NONE
    # How far the outcome falls short of the target; zero or less means reached.
    shortfall = target - outcome if direction == HIGHER else outcome - target
    if _at_least(0.0, shortfall):
        return MET
    if _at_least(abs(target) * rules.tolerance_percent / 100, shortfall):
        return PARTLY
    return NOT_MET


@dataclass(frozen=True)
class GoalTally:
    """How a goal's assessment came about: the counts a reader needs to check it."""

    level: str
    assessed: int
    met: int
    partly: int
    not_met: int


def assess_goal(levels: Iterable[str], rules: Rules = Rules()) -> GoalTally:
    levels = list(levels)
    met, partly, not_met = levels.count(MET), levels.count(PARTLY), levels.count(NOT_MET)
    assessed = met + partly + not_met
    if not assessed:
        level = NONE
    elif _at_least(100 * met / assessed, rules.goal_met_percent):
        level = MET
    elif _at_least(100 * (met + partly) / assessed, rules.goal_partly_percent):
        level = PARTLY
    else:
        level = NOT_MET
    return GoalTally(level, assessed, met, partly, not_met)


def assess_tree(
    parents: Mapping[int, int | None],
    indicator_levels: Mapping[int, list[str]],
    rules: Rules = Rules(),
) -> dict[int, GoalTally]:
    """Assess every goal of a tree from its own indicators and its sub-goals' assessments.

    `parents` maps each goal id to its parent id (None at the root); a parent outside the
    mapping is treated as a root.
    """
    children: dict[int | None, list[int]] = {}
    for goal, parent in parents.items():
        children.setdefault(parent if parent in parents else None, []).append(goal)
    result: dict[int, GoalTally] = {}

    def visit(goal: int) -> GoalTally:
        levels = list(indicator_levels.get(goal, []))
        levels += [visit(child).level for child in children.get(goal, [])]
        result[goal] = assess_goal(levels, rules)
        return result[goal]

    for root in children.get(None, []):
        visit(root)
    return result


def target_for(period: str, targets: Mapping[str, float]) -> float | None:
    """The target in force for a period: the latest target set for a period of the same kind
    starting no later than it, or for a year starting no later than it. A target holds until
    a later one replaces it; a year's target covers the months of that year."""
    wanted = parse_period(period)
    best: tuple[tuple, float] | None = None
    for key, value in targets.items():
        candidate = parse_period(key)
        if candidate.kind not in (wanted.kind, YEAR) or candidate.start > wanted.start:
            continue
        rank = (candidate.start, candidate.kind == wanted.kind)
        if best is None or rank > best[0]:
            best = (rank, value)
    return None if best is None else best[1]


def outcome_for_year(
    year: int, values: Mapping[str, float | None]
) -> tuple[Period, float] | tuple[None, None]:
    """The outcome that stands for a year: the year's own value if there is one, else the
    latest period within the year that has a value (e.g. the latest month so far)."""
    own = values.get(str(year))
    if own is not None:
        return Period(year), own
    within = [
        (parse_period(key), value)
        for key, value in values.items()
        if value is not None and key.startswith(f"{year}-")
    ]
    if not within:
        return None, None
    return max(within, key=lambda pair: pair[0].start)
