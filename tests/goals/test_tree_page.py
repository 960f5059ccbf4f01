"""Which goals of a large tree its page shows, and what it counts under each: plain
function over plain nodes, no database."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from styr.goals.tree_page import top_levels


@dataclass
class Node:
    """A goal as the roll-up hands it to the page: its id, own indicators and sub-goals."""

    id: int
    indicators: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def goal(self):
        return SimpleNamespace(id=self.id)


def tree() -> list[Node]:
    """1 (two indicators) over 2 (one) and 3; 2 over 4 (three) and 5; 3 over 6."""
    four, five, six = Node(4, [1, 2, 3]), Node(5), Node(6)
    two, three = Node(2, [1], [four, five]), Node(3, [], [six])
    return [Node(1, [1, 2], [two, three])]


def shown(rows) -> list[tuple[int, int, int, int]]:
    return [(row.node.id, row.depth, row.goals_below, row.indicators_below) for row in rows]


def test_the_whole_levels_that_fit_are_shown_in_tree_order_with_what_lies_under_each():
    assert shown(top_levels(tree(), limit=3)) == [(1, 0, 5, 6), (2, 1, 2, 4), (3, 1, 1, 0)]


def test_a_level_that_would_not_fit_whole_is_left_out():
    # The third level (4, 5, 6) would make six goals: only the first two levels are shown.
    assert [row.node.id for row in top_levels(tree(), limit=5)] == [1, 2, 3]
    assert [row.node.id for row in top_levels(tree(), limit=6)] == [1, 2, 4, 5, 3, 6]


def test_the_roots_are_shown_even_when_they_alone_exceed_the_limit():
    assert shown(top_levels(tree(), limit=0)) == [(1, 0, 5, 6)]
    assert [row.dashes for row in top_levels(tree(), limit=3)] == ["", "– ", "– "]
