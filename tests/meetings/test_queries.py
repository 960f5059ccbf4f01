"""Who a period's meetings expected, read from the database in a fixed number of queries."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.contracts.models import ManagerAssignment
from styr.meetings import rates
from styr.meetings.domain import record_attendance
from styr.meetings.queries import attendance_sheet
from tests.meetings.factory import small_org

AUTUMN = (dt.date(2015, 7, 1), dt.date(2015, 12, 31))


def test_a_town_hall_meeting_expects_the_town_halls_managers_and_those_under_its_units(db):
    org = small_org(managers=2)
    org.meeting(dt.date(2015, 10, 1), audience="stadshuset")
    sheet = attendance_sheet(org.municipality, *AUTUMN)
    expected = {sheet.managers[e.person_id].name for e in sheet.entries}
    # Skolan is not the town hall's: Bo and his managers are not expected.
    assert expected == {
        "Sara Stadsdirektör",
        "Anna Direktör",
        "Kim Samordnare",
        "Chef A001",
        "Chef A002",
    }


def test_a_manager_who_changes_line_mid_period_counts_under_each_days_director(db):
    org = small_org(managers=2)
    first = org.meeting(dt.date(2015, 9, 1))
    second = org.meeting(dt.date(2015, 11, 1))
    moved = org.person("a1")
    assignment = ManagerAssignment.objects.get(person=moved)
    assignment.end = dt.date(2015, 9, 30)
    assignment.save()
    ManagerAssignment.objects.create(
        municipality=org.municipality,
        person=moved,
        title="rektor",
        unit=org.units["skolan"],
        line_manager=org.person("bo"),
        start=dt.date(2015, 10, 1),
    )
    record_attendance(first, {moved.id: "narvarande"})
    record_attendance(second, {moved.id: "franvarande"})
    sheet = attendance_sheet(org.municipality, *AUTUMN)
    lines = rates.per_line(e for e in sheet.counted if e.person_id == moved.id)
    anna, bo = org.person("anna").id, org.person("bo").id
    assert (lines[anna].present, lines[anna].absent) == (1, 0)
    assert (lines[bo].present, lines[bo].absent) == (0, 1)
    assert rates.per_manager(sheet.counted)[moved.id].counted == 2


def test_reading_a_period_takes_the_same_queries_for_few_and_many_managers(db):
    def queries(managers: int, slug: str) -> int:
        org = small_org(managers=managers, slug=slug)
        for day in (dt.date(2015, 9, 1), dt.date(2015, 10, 1)):
            meeting = org.meeting(day, audience="stadshuset" if day.month == 10 else "alla")
            record_attendance(meeting, {p.id: "narvarande" for p in org.people.values()})
        with CaptureQueriesContext(connection) as captured:
            attendance_sheet(org.municipality, *AUTUMN)
        return len(captured)

    few, many = queries(3, "liten"), queries(60, "stor")
    assert few == many, (
        f"{few} queries for 3 managers but {many} for 60: a query runs per manager or "
        "per attendance row in styr.meetings.queries.attendance_sheet; read them in bulk"
    )
