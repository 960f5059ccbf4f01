"""Recording attendance, importing a meeting's list (all or nothing) and chefspriser."""

import datetime as dt
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from styr.meetings.domain import (
    AttendanceListError,
    award_prize,
    import_attendance,
    record_attendance,
)
from styr.meetings.models import Attendance, Award
from tests.meetings.factory import small_org

DAY = dt.date(2015, 10, 1)


def statuses(meeting) -> dict[str, str]:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person__slug", "status"))


@pytest.fixture
def org(db):
    return small_org(managers=3)


def test_recording_attendance_stores_it_once_and_audits_it_as_the_event(org):
    meeting = org.meeting(DAY)
    a1, a2 = org.person("a1"), org.person("a2")
    assert record_attendance(meeting, {a1.id: "narvarande", a2.id: "forhinder"}) == 2
    # The same again writes nothing; a change replaces the status, the log keeps both.
    assert record_attendance(meeting, {a1.id: "narvarande", a2.id: "franvarande"}) == 1
    assert statuses(meeting) == {"a1": "narvarande", "a2": "franvarande"}
    entries = LogEntry.objects.filter(content_type__model="attendance")
    assert entries.count() == 3
    assert {e.additional_data["event"] for e in entries} == {"meeting_attendance"}


def test_an_unknown_status_or_another_municipalitys_person_is_refused(org):
    meeting = org.meeting(DAY)
    other = small_org(managers=1, slug="annan")
    with pytest.raises(ValidationError):
        record_attendance(meeting, {org.person("a1").id: "kanske"})
    with pytest.raises(ValidationError):
        record_attendance(meeting, {other.person("a1").id: "narvarande"})
    assert statuses(meeting) == {}


def test_a_csv_list_is_imported_by_name_number_or_email_in_any_case(org):
    meeting = org.meeting(DAY)
    a2, a3 = org.person("a2"), org.person("a3")
    a2.employee_number, a3.email = "1002", "a3@example.org"
    a2.save(), a3.save()
    data = (
        "Namn;Anställningsnummer;E-post;Närvaro\n"
        "chef a001;;;Närvarande\n"
        ";1002;;ANMÄLT FÖRHINDER\n"
        ";;A3@example.org;frånvarande\n"
    ).encode()
    done = import_attendance(meeting, data, "lista.csv")
    assert done.recorded == 3
    assert statuses(meeting) == {"a1": "narvarande", "a2": "forhinder", "a3": "franvarande"}
    assert set(Attendance.objects.values_list("source", flat=True)) == {"lista.csv"}


def test_an_excel_list_is_imported(org):
    meeting = org.meeting(DAY)
    book = Workbook()
    sheet = book.active
    sheet.append(["namn", "närvaro"])
    sheet.append(["Chef A001", "närvarande"])
    sheet.append(["Chef A002", "förhinder"])
    buffer = io.BytesIO()
    book.save(buffer)
    import_attendance(meeting, buffer.getvalue(), "lista.xlsx")
    assert statuses(meeting) == {"a1": "narvarande", "a2": "forhinder"}


def test_a_list_with_errors_saves_nothing_and_names_every_problem_by_row(org):
    meeting = org.meeting(DAY)
    data = (
        "namn,närvaro\n"
        "Chef A001,närvarande\n"
        "Okänd Person,närvarande\n"
        "Chef A002,kanske\n"
        "chef a001,frånvarande\n"
        ",närvarande\n"
    ).encode()
    with pytest.raises(AttendanceListError) as raised:
        import_attendance(meeting, data, "lista.csv")
    assert raised.value.errors == [
        "rad 3, kolumn namn: okänd person: Okänd Person",
        "rad 4, kolumn närvaro: ”kanske” är ingen närvaro; skriv närvarande, anmält förhinder "
        "eller frånvarande",
        "rad 5: chef a001 står redan på rad 2",
        "rad 6: raden säger inte vem (namn saknas)",
    ]
    assert statuses(meeting) == {}


@pytest.mark.parametrize(
    "data, message",
    [
        (b"namn\nChef A001\n", "rad 1: kolumnen närvaro saknas"),
        (b"titel;narvaro\nchef;narvarande\n", "rad 1: en kolumn som säger vem saknas"),
        (b"", "filen är tom"),
        (b"namn;narvaro\n", "filen har ingen rad efter rubrikraden"),
    ],
)
def test_a_file_that_is_no_list_is_refused_with_the_reason(org, data, message):
    meeting = org.meeting(DAY)
    with pytest.raises(AttendanceListError) as raised:
        import_attendance(meeting, data, "lista.csv")
    assert raised.value.errors[0].startswith(message)


def test_a_name_two_people_share_asks_for_the_employee_number(org):
    meeting = org.meeting(DAY)
    twin = org.person("a2")
    twin.name = "Chef A001"
    twin.save()
    with pytest.raises(AttendanceListError) as raised:
        import_attendance(meeting, "namn;närvaro\nChef A001;närvarande\n".encode(), "l.csv")
    assert raised.value.errors == [
        "rad 2, kolumn namn: 2 personer heter Chef A001; ange anställningsnummer"
    ]


def test_a_chefspris_is_awarded_with_its_citation(org):
    meeting = org.meeting(DAY)
    award = award_prize(
        meeting, org.person("a1"), prize="Årets chef", citation="För ett modigt ledarskap."
    )
    award.refresh_from_db()
    assert (award.prize, award.person.slug, award.citation) == (
        "Årets chef",
        "a1",
        "För ett modigt ledarskap.",
    )
    with pytest.raises(ValidationError) as raised:
        award_prize(meeting, org.person("a2"), prize="Årets chef", citation="  ")
    assert "citation" in raised.value.message_dict
    assert Award.objects.count() == 1
