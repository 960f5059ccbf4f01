"""The manager meetings of a period, who was expected at each and what was recorded.

One function, `attendance_sheet`, reads it all for the pages and the command, in a fixed
number of queries: whatever the number of managers and attendance rows, about eight plus
`managers_on`'s two per meeting day (a half-year has three to six meetings). The arithmetic
is `styr.meetings.rates`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from styr.contracts.cascade import ManagerRow
from styr.contracts.queries import managers_on
from styr.meetings import rates
from styr.meetings.models import Attendance, Audience, Coordination, Meeting
from styr.org.history import unit_states_on
from styr.org.models import Municipality, Person, Unit, UnitChange


@dataclass
class Sheet:
    """A period's meetings and, for each, the managers it expected with their status."""

    meetings: list[Meeting]
    facts: list[rates.MeetingFacts]
    entries: list[rates.Expected]
    # Every manager expected in the period: their row of the last meeting day they were
    # expected (name, title, line) and their person's slug (for links).
    managers: dict[int, ManagerRow] = field(default_factory=dict)
    slugs: dict[int, str] = field(default_factory=dict)
    directors: dict[int | None, str] = field(default_factory=dict)
    rows_of_day: dict[dt.date, list[ManagerRow]] = field(default_factory=dict)

    @property
    def counted(self) -> list[rates.Expected]:
        """The entries the rates count: the mandatory meetings'."""
        return rates.counting(self.facts, self.entries)

    def visible_to(self, viewer_id: int) -> list[rates.Expected]:
        """The entries a manager may read: their own, and those of the people under them
        in the line on each meeting's day."""
        days = {meeting.id: meeting.date for meeting in self.meetings}
        under: dict[dt.date, set[int]] = {}
        for day, rows in self.rows_of_day.items():
            under[day] = rates.below(rows, viewer_id) | {viewer_id}
        return [e for e in self.entries if e.person_id in under[days[e.meeting_id]]]

    def status_of(self, meeting_id: int, person_id: int) -> str | None | bool:
        """A manager's status at a meeting; False when they were not expected there."""
        return self._index().get((meeting_id, person_id), False)

    def _index(self) -> dict[tuple[int, int], str | None]:
        if not hasattr(self, "_by_pair"):
            self._by_pair = {(e.meeting_id, e.person_id): e.status for e in self.entries}
        return self._by_pair


def town_hall_roots(municipality: Municipality) -> set[int]:
    """The units named as the town hall's (their sub-units are found per day)."""
    coordination = Coordination.objects.filter(municipality=municipality).first()
    if coordination is None:
        return set()
    return set(coordination.town_hall_units.values_list("id", flat=True))


def attendance_sheet(municipality: Municipality, start: dt.date, end: dt.date) -> Sheet:
    """The meetings from `start` to `end` (both included), by date, and who each expected."""
    meetings = list(
        Meeting.objects.filter(municipality=municipality, date__gte=start, date__lte=end)
        .prefetch_related("awards__person")
        .order_by("date", "id")
    )
    ids = [meeting.id for meeting in meetings]
    recorded: dict[int, dict[int, str]] = {meeting_id: {} for meeting_id in ids}
    for meeting_id, person_id, status in Attendance.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "person_id", "status"
    ):
        recorded[meeting_id][person_id] = status
    roots: set[int] = set()
    units: list[Unit] = []
    changes: list[UnitChange] = []
    if any(meeting.audience == Audience.TOWN_HALL for meeting in meetings):
        roots = town_hall_roots(municipality)
        units = list(Unit.objects.filter(municipality=municipality))
        changes = list(UnitChange.objects.filter(unit__municipality=municipality))

    rows_of_day: dict[dt.date, list[ManagerRow]] = {}
    facts, entries = [], []
    managers: dict[int, ManagerRow] = {}
    directors: dict[int | None, str] = {}
    for meeting in meetings:
        if meeting.date not in rows_of_day:
            rows_of_day[meeting.date] = managers_on(municipality, meeting.date)
        rows = rows_of_day[meeting.date]
        town_hall: set[int] = set()
        if meeting.audience == Audience.TOWN_HALL:
            states = unit_states_on(units, changes, meeting.date)
            parents = {unit_id: state.parent_id for unit_id, state in states.items()}
            town_hall = rates.under(roots, parents)
        fact = rates.MeetingFacts(
            meeting.id, meeting.audience, meeting.mandatory, bool(recorded[meeting.id])
        )
        facts.append(fact)
        expected = rates.expected_at(fact, rows, town_hall, recorded[meeting.id])
        entries.extend(expected)
        by_person = {row.person_id: row for row in rows}
        for entry in expected:
            managers[entry.person_id] = by_person[entry.person_id]
            director = by_person.get(entry.director_id) if entry.director_id else None
            directors[entry.director_id] = director.name if director else ""
        meeting.expected_count = len(expected)
        meeting.recorded = fact.recorded
    slugs = dict(Person.objects.filter(id__in=list(managers)).values_list("id", "slug"))
    return Sheet(meetings, facts, entries, managers, slugs, directors, rows_of_day)
