"""Helpers for the contact-centre tests: a municipality and case files written on the fly."""

import pytest

from styr.org.models import Municipality

HEADER = "received;channel;requester;category;handled_by;resolved_at_first_contact"


def case_line(
    received="2015-03-02 14:05",
    channel="telefon",
    requester="citizen",
    category="Bygglov",
    handled_by="Kontaktcenter",
    resolved="yes",
    delimiter=";",
) -> str:
    return delimiter.join([received, channel, requester, category, handled_by, resolved])


def case_csv(*lines: str, header: str = HEADER) -> str:
    return "\n".join([header, *lines]) + "\n"


@pytest.fixture
def nacka(db) -> Municipality:
    return Municipality.objects.create(name="Nacka kommun", slug="nacka", kolada_id="0182")


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(text, name="cases.csv", encoding="utf-8") -> the file's path."""

    def write(text: str, name: str = "cases.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
