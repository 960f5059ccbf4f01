"""The digest's subscription page: anyone signed in subscribes themselves; the plan's
strateg sees the subscribers and adds addresses; nobody else sees the addresses."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from styr.reminders.models import OptOut, Subscription
from tests import html

OWN = "//section[@aria-labelledby='din-prenumeration']//p[@role='status']"
SUBSCRIBERS = "//section[@aria-labelledby='prenumeranter']/ul/li"


@pytest.fixture
def page(cast):
    return f"/planer/{cast.plan.slug}/bevakning/"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_signed_in_reader_subscribes_and_unsubscribes_themselves(cast, page):
    client = client_for(cast.responsible)
    own = cast.responsible.email

    def said() -> str:
        return html.text(html.parse(client.get(page)), OWN)

    assert said() == "Du prenumererar inte på veckans ändringar."
    client.post(page, {"subscribe": "1"})
    assert Subscription.objects.filter(plan=cast.plan, email=own).exists()
    assert said() == f"Du får veckans ändringar till {own}."

    client.post(page, {"subscribe": "0"})
    assert OptOut.objects.filter(email=own, kind="digest", scope=f"plan:{cast.plan.id}").exists()
    assert said() == "Du prenumererar inte på veckans ändringar."

    client.post(page, {"subscribe": "1"})  # asked anew: the earlier no is taken back
    assert not OptOut.objects.filter(email=own).exists()


def test_the_strateg_adds_an_address_and_sees_the_subscribers(cast, page):
    client = client_for(cast.strateg)

    response = client.post(page, {"add-email": "Politiker@Nacka.example"}, follow=True)

    assert Subscription.objects.get(plan=cast.plan).email == "politiker@nacka.example"
    entry = LogEntry.objects.get_for_model(Subscription).get()
    assert (entry.actor, entry.additional_data["event"]) == (cast.strateg, "digest_subscribe")
    assert html.texts(html.parse(response), SUBSCRIBERS) == ["politiker@nacka.example"]


def test_a_bad_address_is_named_and_nothing_is_saved(cast, page):
    response = client_for(cast.strateg).post(page, {"add-email": "inte en adress"})

    answer = html.parse(response, status=400)
    assert html.field_errors(answer, "add-email") == ["Fyll i en giltig e-postadress."]
    assert not Subscription.objects.exists()


def test_others_neither_add_addresses_nor_see_them(cast, page):
    Subscription.objects.create(plan=cast.plan, email="politiker@nacka.example")
    client = client_for(cast.other_strateg)

    assert "politiker@nacka.example" not in client.get(page).content.decode()
    refused = client.post(page, {"add-email": "annan@nacka.example"})
    (alert,) = html.alerts(html.parse(refused, status=403))
    assert alert.startswith("Bara en strateg för planen kan lägga till")
    assert Subscription.objects.count() == 1


def test_the_plan_page_links_a_signed_in_reader_to_the_subscription_page(cast, page):
    signed = html.parse(client_for(cast.reader).get(f"/planer/{cast.plan.slug}/"))
    anonymous = html.parse(Client().get(f"/planer/{cast.plan.slug}/"))

    assert html.hrefs(signed, "Veckans ändringar per e-post") == [page]
    assert html.hrefs(anonymous, "Veckans ändringar per e-post") == []
    assert page not in anonymous.xpath("//a/@href")
