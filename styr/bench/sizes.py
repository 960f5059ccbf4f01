"""The sizes of a generated municipality: S, M and L (pure Python, no Django).

L is a large Swedish municipality's governance as issue 15 sets it: 300 units, 3,000
managers, 2,000 actions with 25 status updates each, 800 goals, 5,000 indicators and
1,000,000 Kolada values; M is about a tenth of that and S about a hundredth.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Size:
    name: str
    units: int
    managers: int
    plans: int
    actions: int
    updates_per_action: int
    goals: int
    indicators: int
    kolada_values: int

    @property
    def directors(self) -> int:
        """Directors (förvaltningschefer), each leading an office: one per 25 units, 2 to 12."""
        return min(12, max(2, self.units // 25))

    @property
    def status_updates(self) -> int:
        return self.actions * self.updates_per_action

    def describe(self) -> str:
        return (
            f"{self.units:,} units, {self.managers:,} managers, {self.actions:,} actions in "
            f"{self.plans} plans × {self.updates_per_action} updates "
            f"({self.status_updates:,} status updates), {self.goals:,} goals, "
            f"{self.indicators:,} indicators, {self.kolada_values:,} Kolada values"
        )


SIZES = {
    "S": Size("S", 3, 30, 2, 20, 25, 8, 50, 10_000),
    "M": Size("M", 30, 300, 5, 200, 25, 80, 500, 100_000),
    "L": Size("L", 300, 3_000, 20, 2_000, 25, 800, 5_000, 1_000_000),
}


def plan_sizes(size: Size) -> list[int]:
    """How the actions are shared among the plans: the first, the municipality-wide plan, holds
    two fifths of them (as a large kommunövergripande plan does), the others the rest evenly."""
    if size.plans == 1:
        return [size.actions]
    first = size.actions * 2 // 5
    rest, extra = divmod(size.actions - first, size.plans - 1)
    return [first] + [rest + (1 if i < extra else 0) for i in range(size.plans - 1)]


def goal_levels(goals: int) -> list[tuple[str, int]]:
    """How many goals of each level: one vision, up to four overarching goals, a twentieth
    strategic, a quarter nämndmål, the rest enhetsmål (every level at least one)."""
    overarching = min(4, max(1, goals // 8))
    strategic = max(1, goals // 20)
    committee = max(1, goals // 4)
    unit = max(0, goals - 1 - overarching - strategic - committee)
    return [
        ("vision", 1),
        ("overarching", overarching),
        ("strategic", strategic),
        ("committee", committee),
        ("unit", unit),
    ]
