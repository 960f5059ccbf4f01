"""The demo's manager meetings: the memo's plan for autumn 2015 and spring 2016, marked as
examples, coordinated by Förnyelseenheten's enhetschef."""

import datetime as dt

from django.test import Client

from styr.accounts.domain import add_user
from styr.accounts.policy import can
from styr.meetings import rates
from styr.meetings.models import Meeting
from styr.meetings.queries import attendance_sheet
from styr.org.models import Person
from tests import html

AUTUMN = (dt.date(2015, 7, 1), dt.date(2015, 12, 31))
SPRING = (dt.date(2016, 1, 1), dt.date(2016, 6, 30))


def plan(demo, start, end) -> list[tuple[str, str]]:
    meetings = Meeting.objects.filter(municipality=demo, date__range=(start, end))
    return [(m.kind, m.audience) for m in meetings.order_by("date")]


def test_the_memos_meeting_plan_is_in_the_demo_with_invented_dates(demo):
    # Autumn: three breakfasts, one for all managers and two for the town hall's.
    assert plan(demo, *AUTUMN) == [
        ("frukost", "alla"),
        ("frukost", "stadshuset"),
        ("frukost", "stadshuset"),
    ]
    # Spring: two breakfasts and a half-day with dinner and chefspriser.
    assert plan(demo, *SPRING) == [
        ("frukost", "stadshuset"),
        ("frukost", "stadshuset"),
        ("halvdag_middag", "alla"),
    ]
    meetings = Meeting.objects.filter(municipality=demo)
    assert all(m.is_example and m.mandatory for m in meetings)
    half_day = meetings.get(kind="halvdag_middag")
    assert sorted(half_day.awards.values_list("prize", "person__slug")) == [
        ("Årets chef", "petra-ahlstrom"),
        ("Årets förnyare", "emma-gustafsson"),
    ]
    assert all(award.is_example and award.citation for award in half_day.awards.all())


def test_each_demo_meeting_expects_its_audience_and_every_one_has_a_status(demo):
    sheet = attendance_sheet(demo, *AUTUMN)
    everyone, town_hall, _ = sheet.meetings
    # Every manager on the day is expected at the meeting for all; the town hall's are fewer.
    assert 0 < town_hall.expected_count < everyone.expected_count
    assert all(entry.status in rates.STATUSES for entry in sheet.entries)
    total = rates.total(sheet.counted)
    assert total.counted == sum(m.expected_count for m in sheet.meetings)
    # The welfare areas' managers are no town hall managers.
    rektor = Person.objects.get(municipality=demo, slug="emma-gustafsson")
    assert sheet.status_of(town_hall.id, rektor.id) is False
    assert sheet.status_of(everyone.id, rektor.id) in rates.STATUSES


def test_fornyelseenhetens_enhetschef_coordinates_and_a_director_does_not(demo):
    kersti = add_user(
        "kersti",
        email="kersti@example.org",
        person=Person.objects.get(municipality=demo, slug="kersti-hedqvist"),
    )
    director = add_user(
        "dag",
        email="dag@example.org",
        person=Person.objects.get(municipality=demo, slug="dag-bjorklund"),
    )
    meeting = Meeting.objects.filter(municipality=demo).first()
    assert can(kersti, "meetings.record_attendance", meeting)
    assert not can(director, "meetings.record_attendance", meeting)
    client = Client()
    client.force_login(kersti)
    assert client.get(f"/{demo.slug}/chefsmoten/{meeting.pk}/").status_code == 200


def test_the_demos_public_page_names_no_manager(demo):
    page = Client().get(f"/{demo.slug}/chefsmoten/?fran=2015-07-01&till=2015-12-31")
    text = page.content.decode()
    notices = html.texts(html.parse(page), "//p[@role='note']")
    assert [said for said in notices if said.startswith("Mötenas datum och närvaron är påhittade")]
    for name in ("Petra Ahlström", "Emma Gustafsson", "Kersti Hedqvist", "Cecilia Holm"):
        assert name not in text
