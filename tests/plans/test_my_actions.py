"""Mina åtgärder: a signed-in director's actions across plans, late ones first."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.demo.synthetic import build_plan
from styr.org.models import Person, Post
from styr.plans.domain import record_status_update
from styr.plans.models import Responsibility
from tests.cast import PASSWORD
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

demo = pytest.fixture(demo_once)

URL = "/mina-atgarder/"


def page_of(client, user) -> str:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def words(html: str) -> str:
    """The page as a reader sees it: words without tags, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def listed(html: str) -> list[str]:
    """The action titles in the order the page lists them."""
    return re.findall(r'<h3 class="action-title"[^>]*><a [^>]*>([^<]*)</a>', html)


def entry(html: str, title: str) -> str:
    """The words of one action's entry."""
    start = html.index(f">{title}</a>")
    return words(html[start : html.index("</li>", start)])


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(URL).url == f"/konto/logga-in/?next={URL}"


def test_signing_in_lands_on_mina_atgarder(client, cast):
    response = client.post(
        "/konto/logga-in/", {"username": "elisabeth", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == URL
    assert "<h1>Mina åtgärder</h1>" in response.content.decode()


def test_a_director_sees_her_actions_with_role_deadline_status_and_lateness(client, cast):
    html = page_of(client, cast.responsible)
    text = words(html)
    assert "Elisabeth Carle är i dag ansvarig eller stödjande för 5 åtgärder" in text
    assert "2 försenade" in text
    assert "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016" in text

    review = entry(html, "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    assert "◐ Pågår ⚠ Försenad" in review
    assert "Tema Återstående åtgärder" in review
    assert "Roll Ansvarig" in review
    assert "Ska vara klart under 2015" in review
    assert (
        "Senaste status Rapporterad den 2 september 2015 Arbetet pågår, beräknas bli klart hösten 2015."
        in review
    )
    assert "Rapportera status" in review
    assert f'href="/planer/{cast.plan.slug}/atgarder/{cast.action.id}/status/"' in html
    assert f'href="/planer/{cast.plan.slug}/atgarder/{cast.action.id}/"' in html

    contracts = entry(html, "Resultatkontrakt för alla chefer")
    assert "Roll Stödjande" in contracts
    assert "Ska vara klart senast den 31 december 2015" in contracts
    assert "Ingen status rapporterad ännu" in contracts


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
    html = page_of(client, cast.responsible)
    review = entry(html, "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    assert "Genomfört" in review and "Försenad" not in review
    assert "Översynen är klar." in review
    assert listed(html)[0] == "Resultatkontrakt för alla chefer"


def test_an_action_named_by_a_post_is_listed_for_whoever_holds_it_today(client, cast):
    Responsibility.objects.create(
        action=cast.other_action, kind="supporting", post=Post.objects.get(slug="personaldirektor")
    )
    html = page_of(client, cast.responsible)
    assert "Roll Stödjande (genom tjänsten personaldirektör)" in entry(html, "Utred ett VA-bolag")
    assert "Handlingsplan för vatten och avlopp 2016" in html


def test_each_director_sees_only_their_own_actions(client, cast):
    html = page_of(client, cast.other_responsible)
    assert "Utred ett VA-bolag" in listed(html)
    assert cast.action.title not in html


def test_a_draft_plan_is_left_out_for_a_director_who_may_not_see_it(client, cast):
    cast.other_plan.published_at = None
    cast.other_plan.save()
    assert "Utred ett VA-bolag" not in listed(page_of(client, cast.other_responsible))


def test_an_account_without_a_person_is_told_why_the_list_is_empty(client, cast):
    text = words(page_of(client, cast.reader))
    assert "Ditt konto är inte kopplat till någon person i organisationen" in text
    # Named: the cast's administrator (no name given, so the username) and the address.
    assert "Be någon av Styrs administratörer koppla kontot till dig." in text
    assert "admin, admin@example.org" in text


def test_a_person_without_actions_is_told_so(client, cast):
    nobody = add_user(
        "ingen",
        email="ingen@example.org",
        person=Person.objects.create(
            municipality=cast.plan.municipality, name="Ingrid Ingen", slug="ingrid-ingen"
        ),
        password=PASSWORD,
    )
    text = words(page_of(client, nobody))
    assert "Ingrid Ingen är i dag inte ansvarig eller stödjande för någon åtgärd" in text


def test_the_header_links_to_mina_atgarder_for_signed_in_users_only(client, cast):
    link = '<a href="/mina-atgarder/">Mina åtgärder</a>'
    assert link not in client.get("/").content.decode()
    client.force_login(cast.reader)
    assert link in client.get("/").content.decode()


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
        assert len(listed(response.content.decode())) == expected
        counts[expected] = len(captured)
    assert counts[3] == counts[300], FIX
