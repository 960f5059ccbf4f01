"""What `find_parties` returns: a party and its kind."""

from __future__ import annotations

from dataclasses import dataclass

RESPONSIBLE = "responsible"
SUPPORTING = "supporting"
DUTY = "support-duty"  # "ansvar att stödja": resolved once the whole paragraph is read


@dataclass(frozen=True)
class Party:
    """A person, a role or a body named as responsible or supporting."""

    name: str | None  # "Elisabeth Carle"; None for a role or body without a person
    role: str | None  # "personaldirektör", "respektive direktör", "Socialnämnden"; None if unknown
    kind: str  # RESPONSIBLE or SUPPORTING
