"""What the goal tree and a goal page show of a tree of goals, however many there are.

A tree of a memo's size (up to `ONE_PAGE` goals) is shown whole, on the tree page and under
each goal, as it always was. A larger one is shown by its top levels: as many whole levels
as fit in `SHOWN` goals (at least the roots), each goal with its assessment as text, how it
came about and how many sub-goals and indicators lie under it, linking down to its own
page, which shows its sub-goals the same way. The page's size and render cost stay those of
`SHOWN` goals; the assessments still roll up from the whole tree.
"""

from __future__ import annotations

from dataclasses import dataclass

# The demo's tree (about 30 goals) stays one page; a municipality's whole tree of hundreds
# is shown a few levels at a time: a screenful, quick to render and to read.
ONE_PAGE = 100
SHOWN = 50


@dataclass(frozen=True)
class Summary:
    """A goal shown in a large tree: its assessed node, its depth among those shown, and
    what lies under it (sub-goals at every depth, indicators of the goal and below)."""

    node: object  # outcomes.GoalYear
    depth: int
    goals_below: int
    indicators_below: int

    @property
    def dashes(self) -> str:
        return "– " * self.depth


def is_large(goal_count: int) -> bool:
    return goal_count > ONE_PAGE


def top_levels(roots: list, limit: int | None = None) -> list[Summary]:
    """The goals of the first whole levels under `roots` that fit in `limit` (SHOWN by
    default; the roots always), in tree order, each with the counts of what lies under it."""
    limit = SHOWN if limit is None else limit
    below: dict = {}
    for root in roots:
        _count(root, below)
    depth, level, shown = 0, list(roots), 0
    while level:
        shown += len(level)
        following = [child for node in level for child in node.children]
        if not following or shown + len(following) > limit:
            break
        depth, level = depth + 1, following
    result: list[Summary] = []

    def visit(node, at: int) -> None:
        result.append(Summary(node, at, *below[node.goal.id]))
        if at < depth:
            for child in node.children:
                visit(child, at + 1)

    for root in roots:
        visit(root, 0)
    return result


def _count(node, below: dict) -> tuple[int, int]:
    goals, indicators = 0, len(node.indicators)
    for child in node.children:
        child_goals, child_indicators = _count(child, below)
        goals += 1 + child_goals
        indicators += child_indicators
    below[node.goal.id] = (goals, indicators)
    return goals, indicators
