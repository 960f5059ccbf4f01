"""Kolada's municipalities grouped by county (län), for choosing whom to compare with (pure).

A Kolada id is the municipality's code from Statistics Sweden: its first two digits are the
county's code (0180 Stockholm is in 01, Stockholms län). Regions carry the county code
after "00" (0001 Region Stockholm) and 0000 is the whole country (Riket): they are kept
together in a group of their own, first, since they are not municipalities of a county.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# SCB's county codes (länskoder); names as the counties write them.
COUNTIES = {
    "01": "Stockholms län",
    "03": "Uppsala län",
    "04": "Södermanlands län",
    "05": "Östergötlands län",
    "06": "Jönköpings län",
    "07": "Kronobergs län",
    "08": "Kalmar län",
    "09": "Gotlands län",
    "10": "Blekinge län",
    "12": "Skåne län",
    "13": "Hallands län",
    "14": "Västra Götalands län",
    "17": "Värmlands län",
    "18": "Örebro län",
    "19": "Västmanlands län",
    "20": "Dalarnas län",
    "21": "Gävleborgs län",
    "22": "Västernorrlands län",
    "23": "Jämtlands län",
    "24": "Västerbottens län",
    "25": "Norrbottens län",
}


@dataclass(frozen=True)
class Option:
    id: str
    title: str
    chosen: bool


@dataclass(frozen=True)
class County:
    label: str
    options: tuple[Option, ...]

    @property
    def has_chosen(self) -> bool:
        return any(option.chosen for option in self.options)


def by_county(
    municipalities: Iterable[tuple[str, str]], chosen: Iterable[str], *, regions_label: str
) -> list[County]:
    """(id, title) pairs grouped by county, in the counties' code order, each group's
    members in the order given; the country and the regions first under `regions_label`.
    An id whose county is unknown keeps its group, named by its code, after the others."""
    chosen = set(chosen)
    groups: dict[str, list[Option]] = {}
    for id_, title in municipalities:
        code = "00" if id_.startswith("00") else id_[:2]
        groups.setdefault(code, []).append(Option(id_, title, id_ in chosen))
    order = ["00", *COUNTIES, *sorted(set(groups) - set(COUNTIES) - {"00"})]
    return [
        County(
            regions_label if code == "00" else COUNTIES.get(code, code),
            tuple(groups[code]),
        )
        for code in order
        if code in groups
    ]
