"""The manager meetings section of a demo file (`manager_meetings`): who coordinates, the
town hall's units, the meeting plan, example attendance and chefspriser.

Read by `styr.demo.loader` after the organisation and the managers, in the same
transaction, with the same line-aware messages. The memo gives the plan's shape, not its
days: every date, every attendance and every prize here is an invented example, and the
meetings are marked so (`is_example`).

Example attendance (`attendance: example`) is made by a fixed rule, not at random, so
every load gives the same figures: each manager the meeting expects (by the same rules as
the pages) is närvarande, except about one in six who has anmält förhinder and one in
twelve who is frånvarande, chosen by a checksum of their key and the day.
"""

from __future__ import annotations

import zlib

from styr.demo.reader import Reader
from styr.meetings.domain import award_prize, record_attendance
from styr.meetings.models import Audience, Coordination, Meeting, MeetingKind
from styr.meetings.queries import attendance_sheet
from styr.org.models import Person

SECTIONS = {"manager_meetings"}


def example_status(slug: str, day) -> str:
    """The invented attendance of one manager at one meeting (see the module's docstring)."""
    roll = zlib.crc32(f"{slug}:{day.isoformat()}".encode()) % 12
    return "franvarande" if roll == 0 else "forhinder" if roll in (1, 2) else "narvarande"


class MeetingSections:
    def __init__(self, reader: Reader, municipality, units):
        self.r = reader
        self.municipality = municipality
        self.units = units

    def load(self, data) -> None:
        node = data.get("manager_meetings")
        if node is None:
            return
        r = self.r
        r.mapping(node, "manager_meetings", {"coordinating_unit", "meetings"}, {"town_hall_units"})
        coordination = r.save(
            node,
            Coordination(
                municipality=self.municipality,
                unit=r.ref(node, "coordinating_unit", self.units, "unit"),
            ),
        )
        for key in r.items(node, "town_hall_units", "manager_meetings"):
            if key not in self.units:
                r.fail(node, f"town_hall_units: unknown unit {key!r}", "town_hall_units")
            coordination.town_hall_units.add(self.units[key])
        for item in r.items(node, "meetings", "manager_meetings"):
            self.meeting(item)

    def person(self, node, key: str) -> Person:
        slug = self.r.text(node, key)
        found = Person.objects.filter(municipality=self.municipality, slug=slug).first()
        if found is None:
            self.r.fail(node, f"{key}: unknown person {slug!r}", key)
        return found

    def meeting(self, node) -> None:
        r = self.r
        r.mapping(
            node,
            "a meeting",
            {"date", "kind", "audience"},
            {"mandatory", "title", "place", "note", "example", "attendance", "awards"},
        )
        meeting = r.save(
            node,
            Meeting(
                municipality=self.municipality,
                date=r.date(node, "date", required=True),
                kind=r.choice(node, "kind", MeetingKind),
                audience=r.choice(node, "audience", Audience),
                mandatory=node.get("mandatory", True) is True,
                title=r.text(node, "title", required=False),
                place=r.text(node, "place", required=False),
                note=r.text(node, "note", required=False),
                is_example=r.flag(node, "example"),
            ),
        )
        attendance = node.get("attendance")
        if attendance not in (None, "example"):
            r.fail(node, "attendance: the only value is 'example'", "attendance")
        if attendance == "example":
            sheet = attendance_sheet(self.municipality, meeting.date, meeting.date)
            statuses = {
                entry.person_id: example_status(sheet.slugs[entry.person_id], meeting.date)
                for entry in sheet.entries
            }
            record_attendance(meeting, statuses, source="exempel (demo)")
        for award in r.items(node, "awards", "a meeting"):
            r.mapping(award, "an award", {"person", "prize", "citation"})
            award_prize(
                meeting,
                self.person(award, "person"),
                prize=r.text(award, "prize"),
                citation=r.text(award, "citation"),
                is_example=True,
            )
