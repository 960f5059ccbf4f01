"""HME arithmetic (hållbart medarbetarengagemang, SKR): nine statements, three sub-indices.

Pure functions over plain counts, no Django: the page, the goal pages' series and the tests
share one rule.

Each statement is answered 1-5 (1 = stämmer mycket dåligt, 5 = stämmer mycket bra). A
statement's item index is the mean over respondents of (answer - 1) x 25, so 1 -> 0, 2 -> 25,
3 -> 50, 4 -> 75, 5 -> 100. A sub-index is the mean of its three item indices and the total
(HME-index) the mean of all nine. Results are unrounded floats on 0-100; round only when shown.

Missing answers: an item index is the mean over those who answered that statement. Whether
SKR's own template treats missing answers differently is not confirmed (shared REFERENCE.md).

Small groups are not shown: with fewer than MIN_RESPONDENTS respondents the whole result is
suppressed. Kolada needs at least ten answers before a figure is shown, so a statement that
fewer than ten answered is withheld too, and so are the sub-index and total that include it
(they would otherwise reveal it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MIN_RESPONDENTS = 10
SCALE = range(1, 6)

MOTIVATION = "motivation"
LEADERSHIP = "leadership"
GOVERNANCE = "governance"
TOTAL_KOLADA_ID = "U00200"


@dataclass(frozen=True)
class Statement:
    number: int  # 1-9, the order of the survey; EngagementResponse.q<number>
    text: str  # Swedish, exactly as SKR words it
    subindex: str  # MOTIVATION, LEADERSHIP or GOVERNANCE
    kolada_id: str  # the municipality total in Kolada, U00300-U00308

    @property
    def field(self) -> str:
        return f"q{self.number}"

    @property
    def subindex_name(self) -> str:
        return SUBINDEX_NAMES[self.subindex]


@dataclass(frozen=True)
class SubIndex:
    key: str
    name: str  # Swedish, as shown
    kolada_id: str
    statements: tuple[int, ...]


STATEMENTS: tuple[Statement, ...] = (
    Statement(1, "Mitt arbete känns meningsfullt.", MOTIVATION, "U00300"),
    Statement(2, "Jag lär nytt och utvecklas i mitt dagliga arbete.", MOTIVATION, "U00301"),
    Statement(3, "Jag ser fram emot att gå till arbetet.", MOTIVATION, "U00302"),
    Statement(
        4, "Min närmaste chef visar uppskattning för mina arbetsinsatser.", LEADERSHIP, "U00303"
    ),
    Statement(
        5, "Min närmaste chef visar förtroende för mig som medarbetare.", LEADERSHIP, "U00304"
    ),
    Statement(
        6,
        "Min närmaste chef ger mig förutsättningar att ta ansvar i mitt arbete.",
        LEADERSHIP,
        "U00305",
    ),
    Statement(7, "Jag är insatt i min arbetsplats mål.", GOVERNANCE, "U00306"),
    Statement(
        8, "Min arbetsplats mål följs upp och utvärderas på ett bra sätt.", GOVERNANCE, "U00307"
    ),
    Statement(9, "Jag vet vad som förväntas av mig i mitt arbete.", GOVERNANCE, "U00308"),
)

SUBINDICES: tuple[SubIndex, ...] = (
    SubIndex(MOTIVATION, "Motivation", "U00201", (1, 2, 3)),
    SubIndex(LEADERSHIP, "Ledarskap", "U00202", (4, 5, 6)),
    SubIndex(GOVERNANCE, "Styrning", "U00203", (7, 8, 9)),
)

SUBINDEX_NAMES = {sub.key: sub.name for sub in SUBINDICES}
COUNT = len(STATEMENTS)


@dataclass(frozen=True)
class Aggregate:
    """A group's answers in sums: respondents, and per statement how many answered and the
    sum of their answers (both in statement order). Sums keep the arithmetic exact until the
    last division, and aggregates of several units add up to the aggregate of all of them."""

    respondents: int
    answered: tuple[int, ...]
    sums: tuple[int, ...]

    def __post_init__(self):
        if len(self.answered) != COUNT or len(self.sums) != COUNT:
            raise ValueError(f"an aggregate needs {COUNT} counts and {COUNT} sums")
        for answered, total in zip(self.answered, self.sums, strict=True):
            if not 0 <= answered <= self.respondents or not answered <= total <= 5 * answered:
                raise ValueError(f"impossible aggregate: {self}")

    def __add__(self, other: Aggregate) -> Aggregate:
        return Aggregate(
            self.respondents + other.respondents,
            tuple(a + b for a, b in zip(self.answered, other.answered, strict=True)),
            tuple(a + b for a, b in zip(self.sums, other.sums, strict=True)),
        )


EMPTY = Aggregate(0, (0,) * COUNT, (0,) * COUNT)


@dataclass(frozen=True)
class ItemResult:
    statement: Statement
    answered: int
    index: float | None  # None when suppressed or withheld


@dataclass(frozen=True)
class HmeResult:
    """A group's HME: nine item indices, three sub-indices and the total, 0-100 unrounded.

    `suppressed` means fewer than MIN_RESPONDENTS respondents: then every figure is None and
    nothing but the fact may be shown. A single figure can also be None when a statement it
    rests on was answered by fewer than MIN_RESPONDENTS (or by nobody).
    """

    respondents: int
    suppressed: bool
    items: tuple[ItemResult, ...]
    subindices: Mapping[str, float | None]
    total: float | None

    @property
    def motivation(self) -> float | None:
        return self.subindices[MOTIVATION]

    @property
    def leadership(self) -> float | None:
        return self.subindices[LEADERSHIP]

    @property
    def governance(self) -> float | None:
        return self.subindices[GOVERNANCE]

    def item(self, number: int) -> float | None:
        return self.items[number - 1].index


def item_index(answered: int, total: int) -> float | None:
    """Mean of (answer - 1) x 25 over `answered` answers summing to `total`."""
    if not answered:
        return None
    return (total - answered) * 25 / answered


def _mean(values: Sequence[float | None]) -> float | None:
    if not values or any(value is None for value in values):
        return None
    return sum(values) / len(values)  # type: ignore[arg-type]


def compute(aggregate: Aggregate) -> HmeResult:
    """The HME of one group (a unit, or the whole municipality): see the module docstring."""
    suppressed = aggregate.respondents < MIN_RESPONDENTS
    items = tuple(
        ItemResult(
            statement,
            answered,
            None
            if suppressed or answered < MIN_RESPONDENTS
            else item_index(answered, aggregate.sums[statement.number - 1]),
        )
        for statement, answered in zip(STATEMENTS, aggregate.answered, strict=True)
    )
    subindices = {
        sub.key: _mean([items[number - 1].index for number in sub.statements]) for sub in SUBINDICES
    }
    return HmeResult(
        respondents=aggregate.respondents,
        suppressed=suppressed,
        items=items,
        subindices=subindices,
        total=_mean([item.index for item in items]),
    )


def combine(aggregates: Iterable[Aggregate]) -> Aggregate:
    """All respondents of the groups together."""
    result = EMPTY
    for aggregate in aggregates:
        result = result + aggregate
    return result


def compute_all(aggregates: Iterable[Aggregate]) -> HmeResult:
    """The whole municipality: every respondent together (not a mean of unit indices)."""
    return compute(combine(aggregates))


def aggregate_answers(rows: Iterable[Sequence[int | None]]) -> Aggregate:
    """The aggregate of respondents' answers, one sequence of nine (1-5 or None) each."""
    respondents = 0
    answered = [0] * COUNT
    sums = [0] * COUNT
    for row in rows:
        if len(row) != COUNT:
            raise ValueError(f"a respondent has {COUNT} answers, not {len(row)}")
        respondents += 1
        for position, answer in enumerate(row):
            if answer is None:
                continue
            if answer not in SCALE:
                raise ValueError(f"{answer!r} is not an answer 1-5")
            answered[position] += 1
            sums[position] += answer
    return Aggregate(respondents, tuple(answered), tuple(sums))


def roll_up(
    aggregates: Mapping[int, Aggregate], parent_of: Mapping[int, int | None]
) -> dict[int, Aggregate]:
    """Each unit's aggregate together with all units below it (for a parent unit's HME).

    `parent_of` maps unit id -> parent id (None at the top); units without answers may appear
    in it. The result has an entry for every unit that has answers itself or below it.
    """
    rolled: dict[int, Aggregate] = {}
    for unit_id, aggregate in aggregates.items():
        seen: set[int] = set()
        current: int | None = unit_id
        while current is not None and current not in seen:  # `seen` guards against a cycle
            seen.add(current)
            rolled[current] = rolled.get(current, EMPTY) + aggregate
            current = parent_of.get(current)
    return rolled
