"""The rounds pages as the strateg and a reader see them: people, shares, "Sen", closing,
and the lägesrapport offered for the day the round closed."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.demo.synthetic import build_plan
from styr.lib.dates import swedish_day
from styr.org.models import Person
from styr.plans.domain import record_status_update
from styr.plans.models import Action, Responsibility
from styr.rounds.domain import open_round
from styr.rounds.models import Round
from tests import html


def today():
    return timezone.localdate()


def url(the_round, suffix=""):
    return f"/planer/{the_round.plan.slug}/uppfoljning/{the_round.pk}/{suffix}"


def actions_of(plan, slug):
    person = Person.objects.get(slug=slug)
    named = Responsibility.objects.filter(action__plan=plan, kind="responsible", person=person)
    return list(Action.objects.filter(id__in=named.values("action_id")).order_by("order"))


def report(action, author=None, **more):
    return record_status_update(action, date=today(), status="in_progress", author=author, **more)


def section(page, name: str):
    """The page's section for one responsible person (or group), by its heading."""
    (found,) = [
        part
        for part in page.xpath("//section[@class='round-person']")
        if html.text(part, "./h3").startswith(name)
    ]
    return found


def facts(page) -> dict[str, str]:
    """The round's facts: due day, opened, state, reported, late."""
    return html.facts(page.xpath("//dl[@class='facts']")[0])


def buttons(page) -> list[str]:
    return html.texts(page, "//main//button")


def said(page) -> list[str]:
    """The messages at the top of the page (notices and errors)."""
    return html.texts(page, "//main/p[@role]")


ROUNDS = "//ul[@class='rounds']/li"


@pytest.fixture
def three(cast):
    """A round on the demo plan, opened ten days ago and due yesterday, with three of its
    directors: Elisabeth Carle reported on all her actions after it opened, Dag Björklund
    on one of his before it opened (which does not count), Lena Dahlstedt never."""
    lena = add_user(
        "lena", email="lena@example.org", person=Person.objects.get(slug="lena-dahlstedt")
    )
    ten_days_ago = timezone.now() - dt.timedelta(days=10)
    report(
        actions_of(cast.plan, "dag-bjorklund")[0], recorded_at=ten_days_ago - dt.timedelta(hours=1)
    )
    the_round = Round.objects.create(
        plan=cast.plan,
        title="Uppföljning inför lägesrapporten",
        due=today() - dt.timedelta(days=1),
        opened_at=ten_days_ago,
        opened_by=cast.strateg,
    )
    for action in actions_of(cast.plan, "elisabeth-carle"):
        report(action, author=cast.responsible)
    cast.lena = lena
    return cast, the_round


def test_the_strateg_sees_each_responsible_person_the_share_and_who_is_late(three, client):
    cast, the_round = three
    client.force_login(cast.strateg)

    page = html.parse(client.get(url(the_round)))

    carle, dag, lena = (
        section(page, name) for name in ("Elisabeth Carle", "Dag Björklund", "Lena Dahlstedt")
    )
    assert html.text(carle, "./h3") == "Elisabeth Carle"
    assert html.text(carle, "./p[@class='meta']") == "4 av 4 rapporterade (100 %)"
    for late in (dag, lena):
        assert late.xpath("./h3/span[@class='overdue']/span[@aria-hidden='true']/text()") == ["⚠"]
    assert html.text(dag, "./h3") == "Dag Björklund Sen"
    assert html.text(dag, "./p[@class='meta']") == "0 av 4 rapporterade (0 %)"
    assert html.text(lena, "./h3") == "Lena Dahlstedt Sen"
    assert set(html.texts(lena, ".//li/strong")) == {"Inte rapporterad"}
    reported = html.texts(carle, ".//li")
    assert len(reported) == 4
    assert all(item.endswith(f"Rapporterad: Pågår den {swedish_day(today())}") for item in reported)
    assert carle.xpath(".//li//span[@class='status-symbol']/text()") == ["◐"] * 4
    round_facts = facts(page)
    assert round_facts["Rapporterat"] == "4 av 33 åtgärder (12 %)"
    late = round_facts["Sena"].split(", ")
    assert "Dag Björklund" in late and "Elisabeth Carle" not in late
    assert "Ingen namngiven ansvarig" in html.texts(page, "//section[@class='round-person']/h3")
    assert round_facts["Läge"] == "Stängd: sista dagen har passerat"


def test_a_round_past_its_due_date_offers_the_report_as_of_the_due_date(three, client):
    cast, the_round = three
    client.force_login(cast.strateg)

    page = html.parse(client.get(url(the_round)))

    due = the_round.due.isoformat()
    assert (
        html.text(page, "//h2[@id='rapport']") == f"Lägesrapporten per {swedish_day(the_round.due)}"
    )
    report = page.xpath("//section[@aria-labelledby='rapport']")[0]
    assert html.hrefs(report, "PDF") == [f"/planer/{cast.plan.slug}/lagesrapport/pdf/?as_of={due}"]
    assert report.xpath(".//input[@type='hidden'][@name='as_of']/@value") == [due]
    assert "Stäng uppföljningen" not in buttons(page)
    assert client.get(f"/planer/{cast.plan.slug}/lagesrapport/md/?as_of={due}").status_code == 200


def test_the_strateg_closes_the_round_by_the_button_and_is_offered_todays_report(cast, client):
    the_round = open_round(cast.plan, title="Höst", due=today() + dt.timedelta(days=7))
    client.force_login(cast.strateg)
    before = html.parse(client.get(url(the_round)))
    assert "Stäng uppföljningen" in buttons(before)
    assert before.xpath("//h2[@id='rapport']") == []

    response = client.post(url(the_round, "stang/"), follow=True)

    the_round.refresh_from_db()
    assert the_round.closed_by == cast.strateg
    page = html.parse(response)
    assert said(page) == [
        f"Uppföljningstillfället är stängt. Lägesrapporten per {swedish_day(today())} kan tas "
        "fram nedan."
    ]
    assert facts(page)["Läge"].startswith(f"Stängd {swedish_day(today())} av ")
    report = f"/planer/{cast.plan.slug}/lagesrapport/html/?as_of={today().isoformat()}"
    assert html.hrefs(page, "HTML") == [report]
    assert "Stäng uppföljningen" not in buttons(page)
    # A second close (another tab) is told, not done again.
    again = html.parse(client.post(url(the_round, "stang/"), follow=True))
    assert said(again) == [f"Uppföljningstillfället stängdes redan {swedish_day(today())}."]


def test_publishing_from_the_closed_round_publishes_the_report_of_that_day(three, client):
    from styr.reports.models import PublishedReport

    cast, the_round = three
    client.force_login(cast.strateg)

    client.post(f"/planer/{cast.plan.slug}/publicera/", {"as_of": the_round.due.isoformat()})

    assert list(PublishedReport.objects.values_list("as_of", flat=True)) == [the_round.due]


def test_a_reader_sees_the_round_but_neither_closes_nor_opens(three, client):
    cast, the_round = three
    client.force_login(cast.reader)

    page = html.parse(client.get(url(the_round)))
    listing = html.parse(client.get(f"/planer/{cast.plan.slug}/uppfoljning/"))

    assert html.text(section(page, "Dag Björklund"), "./h3") == "Dag Björklund Sen"
    # Neither "Stäng uppföljningen" nor "Publicera lägesrapporten per …".
    assert buttons(page) == []
    assert html.texts(listing, f"{ROUNDS}/a") == ["Uppföljning inför lägesrapporten"]
    assert listing.xpath("//h2[@id='oppna']") == [] and buttons(listing) == []
    posted = client.post(f"/planer/{cast.plan.slug}/uppfoljning/", {"due": "2100-01-01"})
    assert posted.status_code == 403
    assert not Round.objects.filter(due=dt.date(2100, 1, 1)).exists()


def test_the_strateg_opens_a_round_on_the_plans_rounds_page(cast, client):
    client.force_login(cast.strateg)
    due = today() + dt.timedelta(days=14)

    response = client.post(
        f"/planer/{cast.plan.slug}/uppfoljning/",
        {"title": "", "due": due.isoformat(), "message": "Rapportera senast fredag."},
        follow=True,
    )

    opened = Round.objects.get()
    assert (opened.title, opened.due, opened.message, opened.opened_by) == (
        f"Uppföljning {swedish_day(due).split(' ', 1)[1]}",
        due,
        "Rapportera senast fredag.",
        cast.strateg,
    )
    assert response.redirect_chain[-1][0] == url(opened)
    (message,) = said(html.parse(response))
    assert "är öppnat" in message
    listing = html.parse(client.get(f"/planer/{cast.plan.slug}/uppfoljning/"))
    assert html.texts(listing, ROUNDS) == [f"{opened.title} sista dag {swedish_day(due)} · öppen"]


def test_a_bad_round_is_refused_with_the_reason_beside_the_field(cast, client):
    client.force_login(cast.strateg)
    yesterday = today() - dt.timedelta(days=1)
    plan_url = f"/planer/{cast.plan.slug}/uppfoljning/"

    past = client.post(plan_url, {"title": "X", "due": yesterday.isoformat()})
    malformed = client.post(plan_url, {"title": "X", "due": "31/12"})

    (too_early,) = html.field_errors(html.parse(past, status=400), "due")
    assert "har redan passerat" in too_early
    (bad,) = html.field_errors(html.parse(malformed, status=400), "due")
    assert bad.startswith("Ogiltigt datum ”31/12”")
    assert not Round.objects.exists()


def test_the_rounds_page_is_linked_from_the_publish_page_and_the_plan(cast, client):
    client.force_login(cast.strateg)
    rounds = f"/planer/{cast.plan.slug}/uppfoljning/"

    def links(path):
        return html.hrefs(html.parse(client.get(path)), "Uppföljningstillfällen")

    assert links(f"/planer/{cast.plan.slug}/publicera/") == [rounds]
    assert links(f"/planer/{cast.plan.slug}/") == [rounds]
    client.force_login(cast.responsible)
    assert links(f"/planer/{cast.plan.slug}/") == []


FIX = (
    "The round page ran more queries for a bigger plan: an N+1 crept in. Read the round's "
    "progress through styr.rounds.queries.round_progress and keep per-action work in the "
    "template to what its rows already hold."
)


def test_the_round_page_runs_the_same_queries_for_33_and_660_actions(plan, staff, client):
    client.force_login(staff)
    counts = []
    for the_plan in (plan, build_plan(actions=660, slug="stor")):
        the_round = open_round(the_plan, title="Nu", due=today())
        for action in Action.objects.filter(plan=the_plan)[:5]:
            report(action)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url(the_round))
        assert facts(html.parse(response))["Rapporterat"].startswith("5 av ")
        counts.append(len(captured))
    assert counts[0] == counts[1], FIX


def test_a_get_of_the_close_address_shows_the_round_and_closes_nothing(cast, client):
    the_round = open_round(cast.plan, title="Höst", due=today())
    client.force_login(cast.strateg)

    response = client.get(url(the_round, "stang/"))

    assert response.status_code == 302 and response["Location"] == url(the_round)
    the_round.refresh_from_db()
    assert the_round.closed_at is None
