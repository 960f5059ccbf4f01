"""How a reporting round stands: per responsible person, what they have reported in it.

Pure: `styr.rounds.queries` reads the plan's actions as they stand (`ActionRow`s, whose
`.responsible` names people as of the day) and, per action, the newest status update
recorded in the round; `build_progress` groups, counts and marks who is late. Only the
*ansvariga* are asked for their status: supporting people are not listed. An action whose
responsibility names nobody (a role without a name, a vacant post) has no one to ask and is
listed in a group of its own, so the strategy office sees it still needs an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RoundReport:
    """The newest status update on an action recorded while the round was open.

    `waiting`: it waits for the strateg's approval (the person did their part: it counts as
    reported); `returned`: the strateg sent it back, so the person has to report again.
    """

    update: Any
    waiting: bool = False
    returned: bool = False

    @property
    def date(self):
        return self.update.date

    @property
    def status(self) -> str:
        return self.update.status


@dataclass
class ActionProgress:
    """One action in the round: the row as it stands, and what was reported in the round."""

    row: Any  # styr.plans.snapshot.ActionRow
    report: RoundReport | None = None

    @property
    def action(self):
        return self.row.action

    @property
    def reported(self) -> bool:
        return self.report is not None and not self.report.returned

    @property
    def waiting(self) -> bool:
        return self.report is not None and not self.report.returned and self.report.waiting

    @property
    def returned(self) -> bool:
        return self.report is not None and self.report.returned


def share_of(part: int, whole: int) -> float:
    """The share reported, 0.0–1.0; nothing to report counts as nothing reported yet."""
    return part / whole if whole else 0.0


@dataclass
class PersonProgress:
    """A responsible person's actions in the round (person None: no one is named)."""

    person: Any | None
    actions: list[ActionProgress] = field(default_factory=list)
    late: bool = False

    @property
    def reported(self) -> list[ActionProgress]:
        return [a for a in self.actions if a.reported]

    @property
    def unreported(self) -> list[ActionProgress]:
        return [a for a in self.actions if not a.reported]

    @property
    def share(self) -> float:
        return share_of(len(self.reported), len(self.actions))

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass
class RoundProgress:
    """The round's state: `people` in name order, `unnamed` the actions no one is named
    for, and the share of the plan's actions reported in all (each action counted once,
    however many people answer for it)."""

    round: Any
    today: Any
    closed: bool
    people: list[PersonProgress]
    unnamed: PersonProgress
    actions: list[ActionProgress]

    @property
    def total(self) -> int:
        return len(self.actions)

    @property
    def reported_count(self) -> int:
        return sum(a.reported for a in self.actions)

    @property
    def share(self) -> float:
        return share_of(self.reported_count, self.total)

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def late(self) -> list[PersonProgress]:
        return [p for p in self.people if p.late]

    @property
    def groups(self) -> list[PersonProgress]:
        """The people, then the group of actions without a named person if it has any."""
        return self.people + ([self.unnamed] if self.unnamed.actions else [])


def build_progress(round, rows, reports: dict[int, RoundReport], today) -> RoundProgress:
    """Group the plan's action rows by responsible person and mark who is late.

    `reports` maps action id -> what was reported on it in the round. A person is late when
    the round has closed (its due date passed, or the strateg closed it) and something of
    theirs is still unreported. An action with two responsible people is listed under both.
    """
    closed = not round.is_open(today)
    actions = [ActionProgress(row, reports.get(row.action.id)) for row in rows]
    people: dict[int, PersonProgress] = {}
    unnamed = PersonProgress(None)
    for progress in actions:
        named = [who.person for who in progress.row.responsible if who.person is not None]
        if not named:
            unnamed.actions.append(progress)
        seen: set[int] = set()
        for person in named:
            if person.id in seen:  # named twice (as a person and through a post)
                continue
            seen.add(person.id)
            people.setdefault(person.id, PersonProgress(person)).actions.append(progress)
    for group in [*people.values(), unnamed]:
        group.late = closed and bool(group.unreported)
    # Every group in `people` has its person; only `unnamed` has none.
    ordered = sorted(people.values(), key=lambda p: (p.person.name, p.person.id))  # type: ignore[union-attr]
    return RoundProgress(round, today, closed, ordered, unnamed, actions)
