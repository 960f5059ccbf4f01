"""The meeting pages: public aggregates without names, personal pages only for the person,
their line, the coordinating unit and admins, and the coordinating unit's writes."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from styr.accounts.domain import add_user
from styr.meetings.domain import record_attendance
from styr.meetings.models import Attendance, Award
from tests import html
from tests.meetings.factory import PASSWORD, small_org

DAY = dt.date(2015, 10, 1)
PERIOD = "?fran=2015-07-01&till=2015-12-31"


def managers(page) -> list[str]:
    """The managers the attendance page lists, line by line."""
    return html.texts(page, "//section//tbody/tr/th/a")


@pytest.fixture
def org(db):
    org = small_org(managers=6)
    org.recorded = org.meeting(DAY)
    record_attendance(
        org.recorded,
        {p.id: "narvarande" for key, p in org.people.items() if key != "a2"},
    )
    return org


def client_for(org, key: str | None) -> Client:
    client = Client()
    if key is not None:
        client.force_login(org.user(key))
    return client


def personal_urls(org) -> list[tuple[str, str]]:
    base = f"/{org.municipality.slug}/chefsmoten"
    meeting = f"{base}/{org.recorded.pk}"
    return [
        ("get", f"{base}/chefer/a1/"),
        ("get", f"{meeting}/"),
        ("post", f"{meeting}/narvaro/"),
        ("post", f"{meeting}/import/"),
        ("post", f"{meeting}/chefspris/"),
    ]


def test_anonymous_visitors_are_sent_to_log_in_on_every_personal_page(org):
    for method, url in [
        *personal_urls(org),
        ("get", f"/{org.municipality.slug}/chefsmoten/narvaro/"),
    ]:
        response = getattr(Client(), method)(url)
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"], url


def test_an_unrelated_manager_is_refused_every_personal_page(org):
    client = client_for(org, "b1")
    for method, url in personal_urls(org):
        assert getattr(client, method)(url).status_code == 403, url
    assert Attendance.objects.filter(meeting=org.recorded).count() == len(org.people) - 1


def test_an_unrelated_managers_rates_page_shows_only_themselves(org):
    page = client_for(org, "b1").get(f"/{org.municipality.slug}/chefsmoten/narvaro/{PERIOD}")
    assert managers(html.parse(page)) == ["Chef B1"]
    text = page.content.decode()
    assert "Chef A001" not in text and "Chef B2" not in text and "Anna Direktör" not in text


def test_a_director_sees_their_lines_managers_and_their_pages(org):
    client = client_for(org, "anna")
    listed = managers(
        html.parse(client.get(f"/{org.municipality.slug}/chefsmoten/narvaro/{PERIOD}"))
    )
    assert "Chef A001" in listed and "Chef A006" in listed
    assert "Chef B1" not in listed
    assert client.get(f"/{org.municipality.slug}/chefsmoten/chefer/a1/").status_code == 200
    assert client.get(f"/{org.municipality.slug}/chefsmoten/chefer/b1/").status_code == 403


def test_a_manager_sees_their_own_meetings(org):
    client = client_for(org, "a2")
    page = html.parse(client.get(f"/{org.municipality.slug}/chefsmoten/chefer/a2/{PERIOD}"))
    # Not on the recorded list: frånvarande.
    assert "frånvarande" in html.column(page, "Närvaro")


def test_the_public_page_shows_rates_per_line_without_names_and_hides_small_lines(org):
    page = Client().get(f"/{org.municipality.slug}/chefsmoten/{PERIOD}")
    text = page.content.decode()
    lines = html.parse(page)
    # Anna's line: Anna and six managers, one absent: 6 of 7 present.
    assert html.row(lines, "Anna Direktör")[-1] == "86 %"
    # Bo's line (3) and Sara's (2) are too small to be shown alone, but together they are
    # five; no manager is named.
    assert "Bo Direktör" not in text and "Sara Stadsdirektör" not in text
    assert "Chef A" not in text and "Chef B" not in text
    assert html.row(lines, "2 linjer med färre än 5 chefer, tillsammans")[1] == "5"


def test_the_coordinator_records_attendance_on_the_meetings_page(org):
    client = client_for(org, "kim")
    a2 = org.person("a2")
    response = client.post(
        f"/{org.municipality.slug}/chefsmoten/{org.recorded.pk}/narvaro/",
        {f"p{a2.id}": "forhinder"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get(meeting=org.recorded, person=a2).status == "forhinder"
    bad = client.post(
        f"/{org.municipality.slug}/chefsmoten/{org.recorded.pk}/narvaro/", {f"p{a2.id}": "kanske"}
    )
    assert bad.status_code == 400
    assert Attendance.objects.get(meeting=org.recorded, person=a2).status == "forhinder"


def test_an_uploaded_list_with_an_unknown_person_saves_nothing_and_names_the_row(org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(org, "kim")
    meeting = org.meeting(dt.date(2015, 11, 1))
    upload = SimpleUploadedFile(
        "lista.csv", "namn;närvaro\nChef A001;närvarande\nNils Okänd;närvarande\n".encode()
    )
    response = client.post(
        f"/{org.municipality.slug}/chefsmoten/{meeting.pk}/import/", {"file": upload}
    )
    (alert,) = html.alerts(html.parse(response, status=400))
    assert "rad 3, kolumn namn: okänd person: Nils Okänd" in alert
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_the_coordinator_awards_a_chefspris_with_a_citation(org):
    client = client_for(org, "kim")
    response = client.post(
        f"/{org.municipality.slug}/chefsmoten/{org.recorded.pk}/chefspris/",
        {"person": org.person("a3").id, "prize": "Årets chef", "citation": "För modet."},
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert (award.person.slug, award.prize, award.citation) == ("a3", "Årets chef", "För modet.")
    page = html.parse(client.get(f"/{org.municipality.slug}/chefsmoten/{org.recorded.pk}/"))
    (prize,) = html.texts(page, "//li[strong = 'Årets chef']")
    assert prize.endswith(". För modet.")


def test_an_admin_reads_every_list(org):
    admin = add_user(
        "adm",
        email="adm@example.org",
        password=PASSWORD,
        role="admin",
        municipality=org.municipality,
    )
    client = Client()
    client.force_login(admin)
    listed = managers(
        html.parse(client.get(f"/{org.municipality.slug}/chefsmoten/narvaro/{PERIOD}"))
    )
    assert "Chef A001" in listed and "Chef B1" in listed


def test_hr_reads_every_list_and_records_nothing(org):
    hr = add_user(
        "hr", email="hr@example.org", password=PASSWORD, role="hr", municipality=org.municipality
    )
    client = Client()
    client.force_login(hr)
    listed = managers(
        html.parse(client.get(f"/{org.municipality.slug}/chefsmoten/narvaro/{PERIOD}"))
    )
    assert "Chef A001" in listed and "Chef B1" in listed
    assert client.get(f"/{org.municipality.slug}/chefsmoten/chefer/b1/").status_code == 200
    meeting = f"/{org.municipality.slug}/chefsmoten/{org.recorded.pk}/"
    assert client.get(meeting).status_code == 200
    a2 = org.person("a2")
    assert client.post(f"{meeting}narvaro/", {f"p{a2.id}": "narvarande"}).status_code == 403
    assert not Attendance.objects.filter(meeting=org.recorded, person=a2).exists()


def test_the_rates_page_takes_the_same_queries_for_few_and_many_managers(db):
    def queries(managers: int, slug: str) -> int:
        org = small_org(managers=managers, slug=slug)
        for day in (dt.date(2015, 9, 1), dt.date(2015, 10, 1)):
            meeting = org.meeting(day, audience="stadshuset" if day.month == 10 else "alla")
            record_attendance(meeting, {p.id: "narvarande" for p in org.people.values()})
        client = client_for(org, "kim")
        url = f"/{slug}/chefsmoten/narvaro/{PERIOD}"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        public = Client()
        with CaptureQueriesContext(connection) as public_queries:
            assert public.get(f"/{slug}/chefsmoten/{PERIOD}").status_code == 200
        return len(captured), len(public_queries)

    few, many = queries(3, "liten"), queries(40, "stor")
    assert few == many, (
        f"queries (rates page, public page) {few} for 3 managers but {many} for 40: something "
        "reads per manager in styr.meetings.views or queries; read in bulk"
    )
