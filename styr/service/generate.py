"""A made-up but plausible year of contact-centre cases, for the demo and for trying the import.

`generate_year_csv` writes CSV text in the import format (Swedish headers, `;`), so the demo
goes through the same reading and checks as a real file. The same year and seed give the
same text, byte for byte. About 1,700–2,300 cases a month (fewer in July and December), 80 %
from citizens; each month's two shares are drawn between about 86.5 % and 93.5 %, so some
months meet the 90 % targets and some miss them, and the share resolved at first contact
differs by category (building permits are harder than parking). From September 2015 the
contact centre also takes the questions on ekonomiskt bistånd, as the memo says, and handles
more of them. Nothing here is real statistics; `load_demo_year` marks the import as generated.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import random
from dataclasses import dataclass

DEFAULT_SEED = 182  # Nacka's municipality code

HEADER = (
    "mottaget",
    "kanal",
    "ärendegivare",
    "kategori",
    "hanterat_av",
    "löst_vid_första_kontakt",
)

CHANNELS = ("telefon", "e-post", "webb", "besök", "chatt")
CHANNEL_WEIGHTS = (50, 20, 15, 8, 7)
# Channels that are open on weekdays in office hours only; the others arrive at any time.
OFFICE_HOURS_CHANNELS = {"telefon": (8, 17), "besök": (9, 16), "chatt": (8, 16)}

# Relative volume per month, January to December.
SEASON = (1.05, 1.0, 1.05, 1.0, 1.0, 0.9, 0.6, 0.95, 1.1, 1.05, 1.0, 0.8)

CITIZEN_SHARE = 0.8


@dataclass(frozen=True)
class Category:
    name: str
    weight: int
    unit: str  # who gets the case when the contact centre does not handle it
    handled_offset: float  # percentage points against the month's level
    first_contact_offset: float


CITIZEN_CATEGORIES = (
    Category("Bygglov", 14, "Bygglovenheten", -4, -5),
    Category("Förskola och skola", 18, "Välfärd skola", 2, 2),
    Category("Äldreomsorg", 12, "Äldreenheten", 0, -2),
    Category("Avfall, vatten och avlopp", 16, "VA- och avfallsenheten", 2, 3),
    Category("Parkering och gator", 14, "Trafikenheten", 3, 3),
    Category("Ekonomiskt bistånd", 10, "Arbets- och företagsenheten", -6, -6),
    Category("Miljö och hälsoskydd", 6, "Miljöenheten", -1, 0),
)
EMPLOYEE_CATEGORIES = (
    Category("Lön och anställning", 45, "Personalenheten", 3, 2),
    Category("IT och telefoni", 35, "IT-enheten", 0, -2),
    Category("Lokaler", 20, "Lokalenheten", -3, -2),
)
# From 1 September 2015 the contact centre takes the reception of ekonomiskt bistånd.
BISTAND_TAKEOVER = dt.date(2015, 9, 1)
BISTAND_AFTER = Category("Ekonomiskt bistånd", 10, "Arbets- och företagsenheten", 2, 0)

# How often a case handed on to another unit is still resolved at the first contact.
HANDED_ON_FIRST_CONTACT = 0.5


def generate_year_csv(year: int, seed: int = DEFAULT_SEED) -> str:
    """A year of cases as CSV text in the import format; deterministic for (year, seed)."""
    rng = random.Random(f"styr-service-{year}-{seed}")
    rows = []
    for month in range(1, 13):
        rows.extend(_month_rows(rng, year, month))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(row for _received, row in sorted(rows, key=lambda pair: pair[0]))
    return out.getvalue()


def _month_rows(rng: random.Random, year: int, month: int) -> list[tuple[dt.datetime, list]]:
    count = round(rng.randint(1700, 2300) * SEASON[month - 1])
    handled_level = rng.uniform(86.5, 93.5) / 100
    first_contact_level = rng.uniform(86.5, 93.5) / 100
    # Share of handled cases resolved at once, so that over all cases the month lands near
    # its level: level = handled × q + (1 − handled) × HANDED_ON_FIRST_CONTACT.
    handled_first = (
        first_contact_level - (1 - handled_level) * HANDED_ON_FIRST_CONTACT
    ) / handled_level
    days = calendar.monthrange(year, month)[1]
    all_days = list(range(1, days + 1))
    weekdays = [d for d in all_days if dt.date(year, month, d).weekday() < 5]
    takeover = dt.date(year, month, 1) >= BISTAND_TAKEOVER
    citizen_categories = tuple(
        BISTAND_AFTER if takeover and c.name == BISTAND_AFTER.name else c
        for c in CITIZEN_CATEGORIES
    )
    rows = []
    for _ in range(count):
        citizen = rng.random() < CITIZEN_SHARE
        categories = citizen_categories if citizen else EMPLOYEE_CATEGORIES
        category = rng.choices(categories, weights=[c.weight for c in categories])[0]
        channel = rng.choices(CHANNELS, weights=CHANNEL_WEIGHTS)[0]
        if channel in OFFICE_HOURS_CHANNELS:
            opens, closes = OFFICE_HOURS_CHANNELS[channel]
            day = rng.choice(weekdays)
            hour = rng.randint(opens, closes - 1)
        else:
            day = rng.choice(all_days)
            hour = rng.choices(range(24), weights=[1] * 7 + [6] * 10 + [3] * 5 + [1] * 2)[0]
        received = dt.datetime(year, month, day, hour, rng.randint(0, 59))
        handled = rng.random() < _clamp(handled_level + category.handled_offset / 100)
        if handled:
            resolved = rng.random() < _clamp(handled_first + category.first_contact_offset / 100)
        else:
            resolved = rng.random() < HANDED_ON_FIRST_CONTACT
        rows.append(
            (
                received,
                [
                    f"{received:%Y-%m-%d %H:%M}",
                    channel,
                    "medborgare" if citizen else "medarbetare",
                    category.name,
                    ("Kontaktcenter" if citizen else "Serviceenheten")
                    if handled
                    else category.unit,
                    "ja" if resolved else "nej",
                ],
            )
        )
    return rows


def _clamp(probability: float) -> float:
    return min(max(probability, 0.0), 0.999)


def load_demo_year(municipality, year: int = 2015, seed: int = DEFAULT_SEED):
    """Generate a year of cases and import it, marked as generated; returns the ImportResult.

    Raises `styr.service.domain.CaseImportError` if the same year and seed were already
    loaded for the municipality.
    """
    # Imported here so that generate_year_csv stays pure Python, usable without Django.
    from styr.service.domain import import_case_data

    text = generate_year_csv(year, seed=seed)
    return import_case_data(
        municipality,
        text.encode("utf-8"),
        f"exempelarenden-{year}.csv",
        generated=True,
    )
