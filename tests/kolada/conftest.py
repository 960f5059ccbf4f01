"""Kolada test files: tiny envelopes written to tmp_path, and a small loaded catalogue."""

import json
from pathlib import Path

import pytest

from styr.kolada.load import load_files

DATA = Path(__file__).resolve().parents[2] / "styr" / "kolada" / "data"

MUNICIPALITIES = [
    {"id": "0000", "title": "Riket", "type": "L"},
    {"id": "0180", "title": "Stockholm", "type": "K"},
    {"id": "0182", "title": "Nacka", "type": "K"},
    {"id": "1280", "title": "Malmö", "type": "K"},
    {"id": "1480", "title": "Göteborg", "type": "K"},
]


def kpi(id_: str, title: str, **fields) -> dict:
    return {
        "id": id_,
        "title": title,
        "description": f"Beskrivning av {title}.",
        "is_divided_by_gender": False,
        "municipality_type": "K",
        "auspice": None,
        "operating_area": "Kommunen, övergripande",
        "perspective": "Resurser",
        "prel_publication_date": None,
        "publication_date": "2026-04-15",
        "publ_period": "2025",
        "has_ou_data": False,
        **fields,
    }


KPIS = [
    kpi("N00945", "Invånare med eftergymnasial utbildning, andel (%)"),
    kpi("N03702", "Bruttoregionprodukt, kr/inv", operating_area="Näringsliv"),
    kpi("U00200", "Medarbetarengagemang (HME) totalt, index", is_divided_by_gender=True),
]


def value(gender="T", number=31.5, status="", count=1, **extra) -> dict:
    return {
        "gender": gender,
        "count": count,
        "status": status,
        "value": number,
        "isdeleted": False,
        **extra,
    }


def row(kpi_id="N00945", municipality="0180", period=2020, values=None) -> dict:
    return {
        "kpi": kpi_id,
        "municipality": municipality,
        "period": period,
        "values": [value()] if values is None else values,
    }


@pytest.fixture
def write(tmp_path):
    """write("name.json", records) -> the path of a Kolada envelope holding them."""

    def write(name: str, records, **extra) -> Path:
        path = tmp_path / name
        path.write_text(
            json.dumps({"count": len(records), "values": records, **extra}, ensure_ascii=False),
            encoding="utf-8",
        )
        return path

    return write


@pytest.fixture
def catalogue(db, write):
    """Five municipalities and three KPIs, loaded through the loader."""
    load_files([write("municipality.json", MUNICIPALITIES), write("kpi.json", KPIS)])
