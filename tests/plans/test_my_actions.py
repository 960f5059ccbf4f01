"""Mina åtgärder: a signed-in director's actions across plans, late ones first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.demo.synthetic import build_plan
from styr.org.models import Person, Post
from styr.plans.domain import record_status_update
from styr.plans.models import Responsibility
from tests import html
from tests.cast import PASSWORD
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

demo = pytest.fixture(demo_once)

URL = "/mina-atgarder/"


def page_of(client, user):
    client.force_login(user)
    return html.parse(client.get(URL))


def listed(page) -> list[str]:
    """The action titles in the order the page lists them."""
    return html.texts(page, "//h3[@class='action-title']")


def entry(page, title: str):
    """One action's entry (its list item)."""
    (item,) = page.xpath(f"//li[@class='action'][h3[@class='action-title']/a = '{title}']")
    return item


def menu_link(page) -> list[str]:
    """Where the main menu's "Mina åtgärder" leads, if it is there."""
    return page.xpath("//nav[@aria-label='Huvudmeny']//a[. = 'Mina åtgärder']/@href")


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(URL).url == f"/konto/logga-in/?next={URL}"


def test_signing_in_lands_on_mina_atgarder(client, cast):
    response = client.post(
        "/konto/logga-in/", {"username": "elisabeth", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == URL
    assert html.text(html.parse(response), "//h1") == "Mina åtgärder"


def test_a_director_sees_her_actions_with_role_deadline_status_and_lateness(client, cast):
    page = page_of(client, cast.responsible)
    assert html.text(page, "//p[@class='lead']") == (
        "Elisabeth Carle är i dag ansvarig eller stödjande för 5 åtgärder, med namn eller genom "
        "en tjänst. 2 försenade"
    )
    assert html.texts(page, "//section/h2") == [
        "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016"
    ]

    review = entry(page, "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    assert html.text(review, "./p[@class='badges']") == "Pågår Försenad"
    assert review.xpath("./p[@class='badges']//span[@aria-hidden='true']/text()") == ["◐", "⚠"]
    facts = html.facts(review)
    assert (facts["Tema"], facts["Roll"], facts["Ska vara klart"]) == (
        "Återstående åtgärder",
        "Ansvarig",
        "under 2015",
    )
    assert facts["Senaste status"].startswith("Rapporterad den 2 september 2015")
    assert html.text(review, ".//dd/span[@class='note block']") == (
        "Arbetet pågår, beräknas bli klart hösten 2015. Om resultatkontrakt, se nedan under "
        "kommande åtgärder."
    )
    action_url = f"/planer/{cast.plan.slug}/atgarder/{cast.action.id}/"
    assert html.hrefs(review, "Rapportera status") == [f"{action_url}status/"]
    assert review.xpath("./h3/a/@href") == [action_url]

    contracts = html.facts(entry(page, "Resultatkontrakt för alla chefer"))
    assert (contracts["Roll"], contracts["Ska vara klart"], contracts["Senaste status"]) == (
        "Stödjande",
        "senast den 31 december 2015",
        "Ingen status rapporterad ännu",
    )


def test_late_actions_come_first_then_the_plans_own_order(client, cast):
    assert listed(page_of(client, cast.responsible)) == [
        # Late: past their deadline and not done.
        "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån",
        "Resultatkontrakt för alla chefer",
        # The rest in the plan's order.
        "Utveckling av alla chefer",
        "Mångfaldskommittén får stöd med 0,5 tjänst från förnyelseenheten",
        "Fortsatt utveckling om etik, moral och grundläggande värderingar och förhållningssätt",
    ]


def test_a_reported_status_shows_at_once_and_an_action_done_is_no_longer_late(client, cast):
    record_status_update(
        cast.action, date=timezone.localdate(), status="done", note="Översynen är klar."
    )
    page = page_of(client, cast.responsible)
    review = entry(page, "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    assert html.text(review, "./p[@class='badges']") == "Genomfört"
    assert html.text(review, ".//dd/span[@class='note block']") == "Översynen är klar."
    assert listed(page)[0] == "Resultatkontrakt för alla chefer"


def test_an_action_named_by_a_post_is_listed_for_whoever_holds_it_today(client, cast):
    Responsibility.objects.create(
        action=cast.other_action, kind="supporting", post=Post.objects.get(slug="personaldirektor")
    )
    page = page_of(client, cast.responsible)
    role = html.facts(entry(page, "Utred ett VA-bolag"))["Roll"]
    assert role == "Stödjande (genom tjänsten personaldirektör)"
    assert "Handlingsplan för vatten och avlopp 2016" in html.texts(page, "//section/h2")


def test_each_director_sees_only_their_own_actions(client, cast):
    page = page_of(client, cast.other_responsible)
    assert "Utred ett VA-bolag" in listed(page)
    assert cast.action.title not in listed(page)


def test_a_draft_plan_is_left_out_for_a_director_who_may_not_see_it(client, cast):
    cast.other_plan.published_at = None
    cast.other_plan.save()
    assert "Utred ett VA-bolag" not in listed(page_of(client, cast.other_responsible))


def test_an_account_without_a_person_is_told_why_the_list_is_empty(client, cast):
    page = page_of(client, cast.reader)
    said = html.texts(page, "//main/p")
    assert said[0] == (
        "Ditt konto är inte kopplat till någon person i organisationen, så Styr vet inte vilka "
        "åtgärder du ansvarar för."
    )
    assert said[1].startswith("Be någon av Styrs administratörer koppla kontot till dig.")
    # Named: the cast's administrator (no name given, so the username) and the address.
    assert html.texts(page, "//ul[@class='whom-to-ask']/li") == ["admin, admin@example.org"]
    assert html.hrefs(page, "admin@example.org") == ["mailto:admin@example.org"]


def test_a_person_without_actions_is_told_so(client, cast):
    nobody = add_user(
        "ingen",
        email="ingen@example.org",
        person=Person.objects.create(
            municipality=cast.plan.municipality, name="Ingrid Ingen", slug="ingrid-ingen"
        ),
        password=PASSWORD,
    )
    said = html.texts(page_of(client, nobody), "//main/p")
    assert said[0] == (
        "Ingrid Ingen är i dag inte ansvarig eller stödjande för någon åtgärd i de planer du kan "
        "se, varken med namn eller genom en tjänst."
    )


def test_the_header_links_to_mina_atgarder_for_signed_in_users_only(client, cast):
    assert menu_link(html.parse(client.get("/"))) == []
    client.force_login(cast.reader)
    assert menu_link(html.parse(client.get("/"))) == ["/mina-atgarder/"]


FIX = (
    "Mina åtgärder ran more queries for the director with more actions: an N+1 crept in. "
    "Read the actions through styr.plans.mine.my_plans (read_action_rows reads each table "
    "once), and keep per-action work in Python on rows already read."
)


def test_the_page_runs_the_same_queries_for_3_and_300_actions(client):
    # build_plan names Person i for action i % 20: Person 0 answers for every 20th action.
    few = build_plan(actions=60, slug="liten")
    many = build_plan(actions=6000, slug="stor")
    counts = {}
    for plan, expected in ((few, 3), (many, 300)):
        person = Person.objects.get(municipality=plan.municipality, slug="person-0")
        user = add_user(f"direktor-{plan.slug}", email=f"{plan.slug}@example.org", person=person)
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert len(listed(html.parse(response))) == expected
        counts[expected] = len(captured)
    assert counts[3] == counts[300], FIX
