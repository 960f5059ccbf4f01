"""Names for generated people, units, plans and goals: plausible Swedish, all distinct."""

from __future__ import annotations

FIRST = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per",
    "Lena", "Mikael", "Emma", "Peter", "Kristina", "Jonas", "Elin", "Fredrik", "Ingrid",
    "Magnus", "Sofia", "Hans", "Linnea", "Niklas", "Maja", "Olof", "Ida", "Stefan", "Helena",
    "Ahmed", "Fatima", "Goran", "Aisha", "Mehmet", "Nadia", "Jukka", "Aino",
]  # fmt: skip
LAST = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Lindberg", "Lindqvist", "Berg", "Holm", "Sandberg", "Ali", "Hassan",
    "Nieminen", "Korhonen", "Lundgren", "Ekström", "Wallin", "Sjöberg", "Forsberg",
]  # fmt: skip
AREAS = [
    "förskola", "grundskola", "gymnasium", "hemtjänst", "särskilt boende", "IFO barn och unga",
    "ekonomiskt bistånd", "bygglov", "miljötillsyn", "park och natur", "gata och väg",
    "bibliotek", "fritidsgård", "kulturskola", "lokalförsörjning", "vatten och avlopp",
    "avfall", "kommunikation", "HR", "ekonomi", "IT", "upphandling", "kontaktcenter",
    "arbetsmarknad", "integration", "LSS", "psykiatri", "måltid", "städ", "säkerhet",
]  # fmt: skip
OFFICES = [
    "Stadsledningskontoret", "Utbildningskontoret", "Socialkontoret", "Äldrekontoret",
    "Stadsbyggnadskontoret", "Kultur- och fritidskontoret", "Tekniska kontoret",
    "Arbetsmarknadskontoret", "Fastighetskontoret", "Serviceskontoret", "Miljökontoret",
    "Digitaliseringskontoret",
]  # fmt: skip
QUARTERS = ["norr", "söder", "öster", "väster", "centrum", "strand", "skog", "dal", "berg"]


def person_name(n: int) -> str:
    """The n:th person's name; a number in it keeps 3,000 names distinct."""
    first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
    round_ = n // (len(FIRST) * len(LAST))
    return f"{first} {last}" if round_ == 0 else f"{first} {last} {round_ + 1}"


def unit_name(n: int, kind: str) -> str:
    if kind == "kontor":
        return OFFICES[n % len(OFFICES)] + ("" if n < len(OFFICES) else f" {n}")
    area = AREAS[n % len(AREAS)].capitalize()
    quarter = QUARTERS[(n // len(AREAS)) % len(QUARTERS)]
    prefix = "Enheten" if kind == "enhet" else "Gruppen"
    return f"{prefix} {area} {quarter} {n}"


def topic(n: int) -> str:
    return AREAS[n % len(AREAS)]
